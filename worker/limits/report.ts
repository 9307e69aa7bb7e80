// GET /api/v1/usage: the caller's LLM use over all time (as before) and every budget with its
// limit, today's use and when it resets; with YouTube trends on, the shared daily lookup cap too.
import { textVar } from "../lib/vars";
import { userUsage } from "../providers/token-usage";
import type { BudgetName, BudgetStatus, UsageReport } from "../auth/contract";
import type { Env } from "../env";
import { BUDGETS, budgetLimits } from "./budgets";
import { llmSpentToday, readCount, testsInUse } from "./counters";
import { YOUTUBE_LOOKUPS, youtubeDailyLookups } from "./shared-caps";
import { nextPacificMidnight, nextUtcMidnight, pacificDayStart, utcDayStart } from "./windows";

export async function usageReport(env: Env, teamId: string, now: number): Promise<UsageReport> {
  const db = env.DB;
  const day = utcDayStart(now);
  const limits = budgetLimits(env);
  const [totals, workflows, generations, tests, llm] = await Promise.all([
    userUsage(db, teamId),
    readCount(db, teamId, "workflows", day),
    readCount(db, teamId, "generations", day),
    testsInUse(db, teamId, now),
    llmSpentToday(db, teamId, day),
  ]);
  const used: Record<BudgetName, number> = {
    workflows_per_day: workflows,
    concurrent_tests: tests,
    script_generations_per_day: generations,
    llm_tokens_per_day: llm.tokens,
    llm_cost_usd_per_day: llm.costUsd,
  };
  const budgets: BudgetStatus[] = (Object.keys(BUDGETS) as BudgetName[]).map((name) => {
    const b = BUDGETS[name];
    return {
      name,
      description: b.description,
      limit: limits[name],
      used: used[name],
      remaining: Math.max(0, Math.round((limits[name] - used[name]) * 1e6) / 1e6),
      window: b.window,
      resets_at: b.window === "utc_day" ? new Date(nextUtcMidnight(now)).toISOString() : null,
      variable: b.variable,
    };
  });
  const shared: UsageReport["shared"] = [];
  if ((textVar(env, "TRENDS_PROVIDER") ?? "offline").toLowerCase() === "youtube") {
    shared.push({
      name: "youtube_lookups_per_day",
      limit: youtubeDailyLookups(env),
      used: await readCount(db, "global", YOUTUBE_LOOKUPS, pacificDayStart(now)),
      resets_at: new Date(nextPacificMidnight(now)).toISOString(),
    });
  }
  return { ...totals, budgets, shared };
}
