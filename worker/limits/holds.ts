// Budgets taken for work that is already known to be valid, so a request that fails its own
// checks (a 400, a duplicate the workflow refuses with 409) never holds a slot meanwhile and
// never refuses a genuine request. Starts take theirs in the route after the body validates;
// rejections and test starts take theirs inside the workflow object's serialised step, after
// the core accepts the command and before it commits (worker/do/budget-claims.ts).
// Every take is one atomic statement (counters.ts). When the work fails, everything taken is
// given back; work in flight (test starts, LLM generations) is released when it ends, since by
// then the D1 index and token_usage count it for real. A 202 (Prefer: respond-async) keeps its
// LLM reservation until it lapses (RESERVATION_TTL_MS): the generation runs after the answer.
import { type VarSource } from "../lib/vars";
import { budgetLimits, type BudgetLimits, generationWorstCase } from "./budgets";
import { giveBack, llmInUse, type LlmSpend, releaseReservation, reserveLlm, reserveTest, takeCount } from "./counters";
import type { Refusal } from "./problem";
import { nextUtcMidnight, utcDayStart } from "./windows";

/** The limits and a generation's worst case, read from the request's variables (plain data, so it crosses RPC). */
export interface Spending {
  limits: BudgetLimits;
  worstCase: LlmSpend;
}

export const spendingFrom = (vars: VarSource): Spending => ({ limits: budgetLimits(vars), worstCase: generationWorstCase(vars) });

interface Hold {
  release(): Promise<void>;
  /** Whether the hold stays taken after an answer with this status. */
  keep(status: number): boolean;
}

/** Counts (workflows, generations) stay taken when the work succeeds. */
const keepOnSuccess = (status: number) => status < 400;
/** An LLM reservation stays while the generation may still be running: after a 202. */
const keepWhileAccepted = (status: number) => status === 202;
const neverKeep = () => false;

export type Step = (db: D1Database, teamId: string, s: Spending, now: number) => Promise<Hold | Refusal>;

const isRefusal = (x: Hold | Refusal): x is Refusal => "budget" in x;

/** A per-user counter for the current UTC day. */
function daily(name: "workflows" | "generations", budget: "workflows_per_day" | "script_generations_per_day"): Step {
  return async (db, teamId, { limits }, now) => {
    const key = { subject: teamId, name, windowStart: utcDayStart(now) };
    const taken = await takeCount(db, { ...key, limit: limits[budget] });
    if (!taken.ok) return { budget, limit: limits[budget], used: taken.count, resetsAt: nextUtcMidnight(now) };
    return { keep: keepOnSuccess, release: () => giveBack(db, key) };
  };
}

/** A generation's worst-case tokens and cost, against today's token and cost budgets. */
const llm: Step = async (db, teamId, { limits, worstCase }, now) => {
  const dayStart = utcDayStart(now);
  const llmLimits = { tokens: limits.llm_tokens_per_day, costUsd: limits.llm_cost_usd_per_day };
  const id = await reserveLlm(db, teamId, { worstCase, limits: llmLimits, dayStart, now });
  if (id) return { keep: keepWhileAccepted, release: () => releaseReservation(db, teamId, id, Date.now()) };
  const inUse = await llmInUse(db, teamId, dayStart, now);
  const tokensShort = inUse.tokens + worstCase.tokens > llmLimits.tokens || inUse.tokens >= llmLimits.tokens;
  return tokensShort
    ? { budget: "llm_tokens_per_day", limit: llmLimits.tokens, used: inUse.tokens, resetsAt: nextUtcMidnight(now) }
    : { budget: "llm_cost_usd_per_day", limit: llmLimits.costUsd, used: inUse.costUsd, resetsAt: nextUtcMidnight(now) };
};

/** One more running A/B test, for this workflow. */
export function testSlot(workflowId: string): Step {
  return async (db, teamId, { limits }, now) => {
    const r = await reserveTest(db, { teamId, workflowId, limit: limits.concurrent_tests, now });
    if (!r.id) return { budget: "concurrent_tests", limit: limits.concurrent_tests, used: r.used, resetsAt: null };
    const id = r.id;
    return { keep: neverKeep, release: () => releaseReservation(db, teamId, id, Date.now()) };
  };
}

/** A start: a workflow, a script generation and its LLM spend. */
export const START: Step[] = [daily("workflows", "workflows_per_day"), daily("generations", "script_generations_per_day"), llm];
/** A rejection: a script generation and its LLM spend. */
export const GENERATION: Step[] = [daily("generations", "script_generations_per_day"), llm];

export type Taken = { ok: true; settle(status: number): Promise<void> } | { ok: false; refusal: Refusal };

async function releaseAll(holds: Hold[]): Promise<void> {
  await Promise.all(
    holds.map((h) =>
      h.release().catch((err: unknown) => console.error("budget release failed", err instanceof Error ? err.message : String(err))),
    ),
  );
}

/**
 * Takes every step in order, stopping at the first refusal (and giving back what came before).
 * `settle` with the work's outcome status gives back what that outcome does not keep.
 */
export async function take(db: D1Database, teamId: string, spending: Spending, steps: Step[], now: number): Promise<Taken> {
  const holds: Hold[] = [];
  try {
    for (const step of steps) {
      const outcome = await step(db, teamId, spending, now);
      if (isRefusal(outcome)) {
        await releaseAll(holds);
        return { ok: false, refusal: outcome };
      }
      holds.push(outcome);
    }
  } catch (err) {
    await releaseAll(holds);
    throw err;
  }
  return { ok: true, settle: (status) => releaseAll(holds.filter((h) => !h.keep(status))) };
}
