// Token use per LLM call in D1, summed per user (a workflow's own sum comes from its record).
import { eq, sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import { tokenUsage } from "../db/integrations-schema";
import type { UsageTotals } from "../shared/contract";
import type { TokenUsage } from "./types";

/**
 * Stores one row per call. `callKey` must be stable for the same generation (for example
 * `${workflowId}:rev${revision}`), so a retried alarm or request writes the same ids and the
 * insert is a no-op instead of counting the tokens twice.
 */
export async function recordTokenUsage(
  d1: D1Database,
  args: { teamId: string; workflowId: string; callKey: string; usage: readonly TokenUsage[]; now: number },
): Promise<void> {
  if (args.usage.length === 0) return;
  await drizzle(d1)
    .insert(tokenUsage)
    .values(
      args.usage.map((u, i) => ({
        id: `${args.callKey}:${i}`,
        teamId: args.teamId,
        workflowId: args.workflowId,
        model: u.model,
        promptTokens: u.prompt_tokens,
        completionTokens: u.completion_tokens,
        estimatedCostUsd: u.estimated_cost_usd,
        createdAt: args.now,
      })),
    )
    .onConflictDoNothing();
}

async function totals(d1: D1Database, where: ReturnType<typeof eq>): Promise<UsageTotals> {
  const [row] = await drizzle(d1)
    .select({
      calls: sql<number>`count(*)`,
      prompt_tokens: sql<number>`coalesce(sum(${tokenUsage.promptTokens}), 0)`,
      completion_tokens: sql<number>`coalesce(sum(${tokenUsage.completionTokens}), 0)`,
      estimated_cost_usd: sql<number>`coalesce(sum(${tokenUsage.estimatedCostUsd}), 0)`,
    })
    .from(tokenUsage)
    .where(where);
  return {
    calls: row?.calls ?? 0,
    prompt_tokens: row?.prompt_tokens ?? 0,
    completion_tokens: row?.completion_tokens ?? 0,
    estimated_cost_usd: Math.round((row?.estimated_cost_usd ?? 0) * 1e6) / 1e6,
  };
}

export const userUsage = (d1: D1Database, teamId: string) => totals(d1, eq(tokenUsage.teamId, teamId));
