// Sums LLM token use; pure, so the workflow view and the D1 reports agree on the arithmetic.
import type { TokenUsageEntry, UsageTotals } from "../shared/contract";

export function sumUsage(usage: readonly TokenUsageEntry[]): UsageTotals {
  const t = usage.reduce(
    (acc, u) => ({
      calls: acc.calls + 1,
      prompt_tokens: acc.prompt_tokens + u.prompt_tokens,
      completion_tokens: acc.completion_tokens + u.completion_tokens,
      estimated_cost_usd: acc.estimated_cost_usd + u.estimated_cost_usd,
    }),
    { calls: 0, prompt_tokens: 0, completion_tokens: 0, estimated_cost_usd: 0 },
  );
  // Micro-dollar rounding keeps float noise out of the API.
  return { ...t, estimated_cost_usd: Math.round(t.estimated_cost_usd * 1e6) / 1e6 };
}
