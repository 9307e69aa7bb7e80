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
  /** Seconds an isolate trusts a checked session before asking D1 again (default 5; 0: every request). */
  SESSION_CACHE_SECONDS?: string;
  /** Workers Rate Limiting binding: a per-IP burst limit on the password endpoints. */
  AUTH_RATE_LIMITER?: RateLimit;
  /** Connecting creators' YouTube channels (worker/youtube/config.ts reads these). */
  GOOGLE_OAUTH_CLIENT_ID?: string;
  GOOGLE_OAUTH_CLIENT_SECRET?: string;
  /** 32 random bytes, base64: seals Google tokens at rest (AES-GCM). */
  TOKEN_ENCRYPTION_KEY?: string;
  GOOGLE_OAUTH_REDIRECT_URI?: string;
  GOOGLE_OAUTH_BASE?: string;
  GOOGLE_TOKEN_BASE?: string;
  YOUTUBE_API_BASE?: string;
  YOUTUBE_UPLOAD_BASE?: string;
  YOUTUBE_REPORTING_BASE?: string;
  YOUTUBE_ANALYTICS_BASE?: string;
  /** Data API units per Pacific day for the whole app (Google's default project quota is 10,000). */
  YOUTUBE_DAILY_QUOTA_UNITS?: string;
  YOUTUBE_TIMEOUT_MS?: string;
  [key: string]: unknown;
}

export type AppEnv = {
  Bindings: Env;
  Variables: { userId: string; principal: Principal };
};
