// The contract of the account, session, API-key-scope and usage endpoints, zod first (requests
// are validated with these; the OpenAPI document and the web app can use the same). Like
// shared/, nothing here may import worker-only code.
import { z } from "zod";
import { RegisterRequest } from "../shared/contract";
import { ApiKey, CreateApiKeyRequest } from "../shared/integrations";

// ---------- API key scopes ----------
export const API_KEY_SCOPES = ["metrics:write", "workflows:read", "workflows:write"] as const;
export const ApiKeyScope = z.enum(API_KEY_SCOPES);
export type ApiKeyScope = z.infer<typeof ApiKeyScope>;
/** The integrator flow is pushing analytics for a workflow the creator started, so that is the default. */
export const DEFAULT_API_KEY_SCOPES: readonly ApiKeyScope[] = ["metrics:write"];

export const CreateScopedApiKeyRequest = CreateApiKeyRequest.extend({
  scopes: z
    .array(ApiKeyScope)
    .min(1)
    .max(API_KEY_SCOPES.length)
    .default([...DEFAULT_API_KEY_SCOPES])
    .describe("What the key may do: metrics:write (push counts), workflows:read, workflows:write"),
});
export type CreateScopedApiKeyRequest = z.infer<typeof CreateScopedApiKeyRequest>;

export const ScopedApiKey = ApiKey.extend({ scopes: z.array(ApiKeyScope) });
export type ScopedApiKey = z.infer<typeof ScopedApiKey>;
export const ScopedApiKeyCreated = ScopedApiKey.extend({
  key: z.string().describe("Shown once. Send it as 'Authorization: Bearer <key>'."),
});
export type ScopedApiKeyCreated = z.infer<typeof ScopedApiKeyCreated>;
export const ScopedApiKeyList = z.object({ items: z.array(ScopedApiKey) });

// ---------- sessions and password ----------
export const ChangePasswordRequest = z.strictObject({
  current_password: z.string().min(1).max(200),
  new_password: RegisterRequest.shape.password,
});
export type ChangePasswordRequest = z.infer<typeof ChangePasswordRequest>;

export const Session = z.object({
  id: z.string(),
  created_at: z.string(),
  expires_at: z.string(),
  user_agent: z.string().nullable(),
  current: z.boolean().describe("The session of the token that asked"),
});
export const SessionList = z.object({ items: z.array(Session) });

// ---------- account ----------
export const DeleteAccountRequest = z.strictObject({ password: z.string().min(1).max(200) });
export type DeleteAccountRequest = z.infer<typeof DeleteAccountRequest>;

// ---------- usage and budgets ----------
export const BUDGET_NAMES = [
  "workflows_per_day",
  "concurrent_tests",
  "script_generations_per_day",
  "llm_tokens_per_day",
  "llm_cost_usd_per_day",
] as const;
export const BudgetName = z.enum(BUDGET_NAMES);
export type BudgetName = z.infer<typeof BudgetName>;

export const BudgetStatus = z.object({
  name: BudgetName,
  description: z.string(),
  limit: z.number(),
  used: z.number(),
  remaining: z.number(),
  window: z.enum(["utc_day", "concurrent"]),
  resets_at: z.string().nullable().describe("When the count starts again from zero; null for concurrent limits"),
  variable: z.string().describe("The wrangler variable that sets the limit"),
});
export type BudgetStatus = z.infer<typeof BudgetStatus>;

export const SharedCap = z.object({
  name: z.literal("youtube_lookups_per_day"),
  limit: z.number(),
  used: z.number(),
  resets_at: z.string().describe("Midnight Pacific Time, when YouTube's own quota resets"),
});

export const UsageReport = z.object({
  calls: z.number().int(),
  prompt_tokens: z.number().int(),
  completion_tokens: z.number().int(),
  estimated_cost_usd: z.number(),
  budgets: z.array(BudgetStatus),
  shared: z.array(SharedCap),
});
export type UsageReport = z.infer<typeof UsageReport>;

/** The extra members of a 429 from a budget (RFC 9457 extension members). */
export const BudgetProblem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.literal(429),
  detail: z.string(),
  budget: BudgetName,
  limit: z.number(),
  used: z.number(),
  resets_at: z.string().nullable(),
});
export type BudgetProblem = z.infer<typeof BudgetProblem>;
