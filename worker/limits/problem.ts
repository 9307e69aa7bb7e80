// The 429 a budget answers: RFC 9457 problem details with extension members saying which
// budget, its limit and use, and when it resets, plus Retry-After.
import type { BudgetProblem } from "../auth/contract";
import type { BudgetShortfall } from "../domain/refusal";
import { problemBody } from "../http/problem";
import { BUDGETS } from "./budgets";

export type Refusal = BudgetShortfall;

/** A concurrent limit has no reset time; a minute is a reasonable moment to look again. */
const CONCURRENT_RETRY_SECONDS = 60;

function detailFor(r: Refusal): string {
  const what = BUDGETS[r.budget].description.toLowerCase();
  if (r.resetsAt === null) {
    return `Budget '${r.budget}' reached: ${what}, at most ${r.limit}. It frees up when one of your running tests ends (declare a winner or stop one).`;
  }
  return `Budget '${r.budget}' reached: ${what}, at most ${r.limit}, and ${r.used} are used or under way. It resets at ${new Date(r.resetsAt).toISOString()}.`;
}

export function budgetExceeded(r: Refusal, now: number): Response {
  const body: BudgetProblem = {
    ...problemBody(429, detailFor(r)),
    status: 429,
    type: "https://creator-agent-toolbox.dev/problems/budget-exceeded",
    budget: r.budget,
    limit: r.limit,
    used: r.used,
    resets_at: r.resetsAt === null ? null : new Date(r.resetsAt).toISOString(),
  };
  const retryAfter = r.resetsAt === null ? CONCURRENT_RETRY_SECONDS : Math.max(1, Math.ceil((r.resetsAt - now) / 1000));
  return new Response(JSON.stringify(body), {
    status: 429,
    headers: { "content-type": "application/problem+json", "retry-after": String(retryAfter) },
  });
}
