// Budget middleware for the workflow routes, mounted in app.ts in front of routes/workflows.ts.
// Each request reserves what it may use BEFORE the work starts (atomic statements, see
// counters.ts); when the answer is an error, everything it took is given back, so a refused or
// failed request leaves no trace. Work in flight (test starts, LLM generations) is released
// when the request ends: by then the D1 index and token_usage count it for real. The one
// exception is a 202 (Prefer: respond-async), where the generation runs after the answer: its
// LLM reservation is kept until it lapses (RESERVATION_TTL_MS), so the budget never undercounts.
import type { Context, MiddlewareHandler } from "hono";
import type { AppEnv } from "../env";
import { parseBodyText, readAtMost } from "../http/validate";
import { budgetLimits, type BudgetLimits, generationWorstCase } from "./budgets";
import { giveBack, llmInUse, releaseReservation, reserveLlm, reserveTest, takeCount } from "./counters";
import { budgetExceeded, type Refusal } from "./problem";
import { nextUtcMidnight, utcDayStart } from "./windows";

interface Hold {
  /** Gives the reservation back. */
  release(): Promise<void>;
  /** Whether the reservation stays taken after an answer with this status. */
  keep(status: number): boolean;
}

/** Counts (workflows, generations) stay taken when the request succeeds. */
const keepOnSuccess = (status: number) => status < 400;
/** An LLM reservation stays while the generation may still be running: after a 202. */
const keepWhileAccepted = (status: number) => status === 202;
const neverKeep = () => false;

type Step = (c: Context<AppEnv>, limits: BudgetLimits, now: number) => Promise<Hold | Refusal>;

const isRefusal = (x: Hold | Refusal): x is Refusal => "budget" in x;

async function releaseAll(holds: Hold[]): Promise<void> {
  await Promise.all(
    holds.map((h) =>
      h.release().catch((err: unknown) => console.error("budget release failed", err instanceof Error ? err.message : String(err))),
    ),
  );
}

/** A per-user counter for the current UTC day. */
function daily(name: "workflows" | "generations", budget: "workflows_per_day" | "script_generations_per_day"): Step {
  return async (c, limits, now) => {
    const key = { subject: c.get("userId"), name, windowStart: utcDayStart(now) };
    const taken = await takeCount(c.env.DB, { ...key, limit: limits[budget] });
    if (!taken.ok) return { budget, limit: limits[budget], used: taken.count, resetsAt: nextUtcMidnight(now) };
    return { keep: keepOnSuccess, release: () => giveBack(c.env.DB, key) };
  };
}

/** A generation's worst-case tokens and cost, against today's token and cost budgets. */
const llm: Step = async (c, limits, now) => {
  const userId = c.get("userId");
  const dayStart = utcDayStart(now);
  const worstCase = generationWorstCase(c.env);
  const llmLimits = { tokens: limits.llm_tokens_per_day, costUsd: limits.llm_cost_usd_per_day };
  const id = await reserveLlm(c.env.DB, userId, { worstCase, limits: llmLimits, dayStart, now });
  if (id) return { keep: keepWhileAccepted, release: () => releaseReservation(c.env.DB, userId, id, Date.now()) };
  const inUse = await llmInUse(c.env.DB, userId, dayStart, now);
  const tokensShort = inUse.tokens + worstCase.tokens > llmLimits.tokens || inUse.tokens >= llmLimits.tokens;
  return tokensShort
    ? { budget: "llm_tokens_per_day", limit: llmLimits.tokens, used: inUse.tokens, resetsAt: nextUtcMidnight(now) }
    : { budget: "llm_cost_usd_per_day", limit: llmLimits.costUsd, used: inUse.costUsd, resetsAt: nextUtcMidnight(now) };
};

/** One more running A/B test. */
const test: Step = async (c, limits, now) => {
  const userId = c.get("userId");
  const r = await reserveTest(c.env.DB, userId, limits.concurrent_tests, now);
  if (!r.id) return { budget: "concurrent_tests", limit: limits.concurrent_tests, used: r.used, resetsAt: null };
  const id = r.id;
  return { keep: neverKeep, release: () => releaseReservation(c.env.DB, userId, id, Date.now()) };
};

/** Takes every step in order (stopping at the first refusal), runs the route, then settles. */
async function guarded(c: Context<AppEnv>, next: () => Promise<void>, steps: Step[]): Promise<Response | void> {
  const now = Date.now();
  const limits = budgetLimits(c.env);
  const holds: Hold[] = [];
  try {
    for (const step of steps) {
      const outcome = await step(c, limits, now);
      if (isRefusal(outcome)) {
        await releaseAll(holds);
        return budgetExceeded(c, outcome, now);
      }
      holds.push(outcome);
    }
  } catch (err) {
    await releaseAll(holds);
    throw err;
  }
  let status = 500;
  try {
    await next();
    status = c.res.status;
  } finally {
    await releaseAll(holds.filter((h) => !h.keep(status)));
  }
}

/** POST /workflows/start: a workflow, a script generation and its LLM spend. */
export function startBudget(): MiddlewareHandler<AppEnv> {
  return async function startBudget(c, next) {
    if (c.req.method !== "POST") return next();
    return guarded(c, next, [daily("workflows", "workflows_per_day"), daily("generations", "script_generations_per_day"), llm]);
  };
}

const MAX_PEEK_BYTES = 64 * 1024;

/**
 * Whether an approve request is a rejection (which writes new scripts), read from a copy of the
 * body the same way the route parses it (JSON or the form encoding). Anything unreadable or too
 * large is "not a rejection": the route then refuses it with its own 400 or 413.
 */
async function isRejection(request: Request): Promise<boolean> {
  const bytes = await readAtMost(request.clone().body, MAX_PEEK_BYTES);
  if (!bytes) return false;
  try {
    const parsed = parseBodyText(new TextDecoder().decode(bytes), request.headers.get("content-type") ?? undefined);
    return typeof parsed === "object" && parsed !== null && (parsed as { action?: unknown }).action === "reject";
  } catch {
    return false; // the route refuses it with its own 400
  }
}

/** POST /workflows/:id/approve with action "reject": a script generation and its LLM spend. */
export function rejectBudget(): MiddlewareHandler<AppEnv> {
  return async function rejectBudget(c, next) {
    if (c.req.method !== "POST" || !(await isRejection(c.req.raw))) return next();
    return guarded(c, next, [daily("generations", "script_generations_per_day"), llm]);
  };
}

/** POST /workflows/:id/select-thumbnail: one more running A/B test. */
export function testBudget(): MiddlewareHandler<AppEnv> {
  return async function testBudget(c, next) {
    if (c.req.method !== "POST") return next();
    return guarded(c, next, [test]);
  };
}
