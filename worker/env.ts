// Bindings and variables of the Worker (see wrangler.toml). Secrets come from .dev.vars locally.
import type { WorkflowObject } from "./do/workflow-object";

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
  [key: string]: unknown;
}

export type AppEnv = {
  Bindings: Env;
  Variables: { userId: string };
};
