// Bindings and variables of the Worker (see wrangler.toml). Secrets come from .dev.vars locally.
import type { WorkflowObject } from "./do/workflow-object";
import type { Principal } from "./http/require-auth";

export interface Env {
  DB: D1Database;
  WORKFLOW: DurableObjectNamespace<WorkflowObject>;
  ASSETS?: Fetcher;
  JWT_SECRET: string;
  ALLOWED_ORIGINS?: string;
  AB_POLL_INTERVAL_SECONDS?: string;
  AB_TEST_TIMEOUT_HOURS?: string;
  AB_SIM_IMPRESSIONS_PER_POLL?: string;
  AB_ALLOCATION?: string;
  AB_ALPHA?: string;
  AB_SEED?: string;
  ENVIRONMENT?: string;
  /** Per-user budgets (worker/limits/budgets.ts has the defaults). */
  BUDGET_WORKFLOWS_PER_DAY?: string;
  BUDGET_CONCURRENT_TESTS?: string;
  BUDGET_SCRIPT_GENERATIONS_PER_DAY?: string;
  BUDGET_LLM_TOKENS_PER_DAY?: string;
  BUDGET_LLM_COST_USD_PER_DAY?: string;
  /** Accounts one client IP may create per hour. */
  REGISTRATIONS_PER_IP_PER_HOUR?: string;
  /** Uncached YouTube trend lookups per Pacific day, shared by every user. */
  YOUTUBE_DAILY_LOOKUPS?: string;
  /** Workers Rate Limiting binding: a per-IP burst limit on the password endpoints. */
  AUTH_RATE_LIMITER?: RateLimit;
  [key: string]: unknown;
}

export type AppEnv = {
  Bindings: Env;
  Variables: { userId: string; principal: Principal };
};
