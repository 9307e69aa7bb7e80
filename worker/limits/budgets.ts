// Per-user budgets: what each one counts, its variable, and its default. The defaults suit a
// small hosted service on the offline providers or gpt-4o-mini; every one can be changed with a
// wrangler variable.
import type { BudgetName } from "../auth/contract";
import { type VarSource, positiveVar, textVar } from "../lib/vars";
import { estimateCostUsd, parsePriceTable } from "../providers/llm-prices";
import { DEFAULT_OPENAI_MODEL, worstCaseWriteTokens } from "../providers/openai-scripts";
import type { LlmSpend } from "./counters";

export interface BudgetDefinition {
  variable: string;
  fallback: number;
  description: string;
  window: "utc_day" | "concurrent";
}

export const BUDGETS: Record<BudgetName, BudgetDefinition> = {
  workflows_per_day: {
    variable: "BUDGET_WORKFLOWS_PER_DAY",
    fallback: 20,
    description: "Workflows started per UTC day",
    window: "utc_day",
  },
  concurrent_tests: {
    variable: "BUDGET_CONCURRENT_TESTS",
    fallback: 5,
    description: "A/B tests running at the same time",
    window: "concurrent",
  },
  script_generations_per_day: {
    variable: "BUDGET_SCRIPT_GENERATIONS_PER_DAY",
    fallback: 60,
    description: "Script sets written per UTC day (each start and each rejection writes one)",
    window: "utc_day",
  },
  llm_tokens_per_day: {
    variable: "BUDGET_LLM_TOKENS_PER_DAY",
    fallback: 500_000,
    description: "LLM tokens (prompt and completion) per UTC day",
    window: "utc_day",
  },
  llm_cost_usd_per_day: {
    variable: "BUDGET_LLM_COST_USD_PER_DAY",
    fallback: 1,
    description: "Estimated LLM cost in US dollars per UTC day",
    window: "utc_day",
  },
};

export type BudgetLimits = Record<BudgetName, number>;

/** The limits in force; nonsense in a variable is an error, not a silent default. */
export function budgetLimits(vars: VarSource): BudgetLimits {
  const entries = Object.entries(BUDGETS).map(([name, b]) => [name, positiveVar(vars, b.variable) ?? b.fallback]);
  return Object.fromEntries(entries) as BudgetLimits;
}

/**
 * What one script generation may spend at worst with the configured LLM: nothing on the
 * offline writer, else the writer's worst case priced at the configured model.
 */
export function generationWorstCase(vars: VarSource): LlmSpend {
  if ((textVar(vars, "LLM_PROVIDER") ?? "offline").toLowerCase() !== "openai") return { tokens: 0, costUsd: 0 };
  const { prompt, completion } = worstCaseWriteTokens();
  const model = textVar(vars, "OPENAI_MODEL") ?? DEFAULT_OPENAI_MODEL;
  const costUsd = estimateCostUsd(parsePriceTable(textVar(vars, "OPENAI_PRICES")), model, prompt, completion);
  return { tokens: prompt + completion, costUsd };
}

/** Account registrations per client IP per hour. */
export const DEFAULT_REGISTRATIONS_PER_IP_PER_HOUR = 10;
export const registrationsPerHour = (vars: VarSource) =>
  positiveVar(vars, "REGISTRATIONS_PER_IP_PER_HOUR") ?? DEFAULT_REGISTRATIONS_PER_IP_PER_HOUR;
