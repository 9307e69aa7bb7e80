// Attack: one free account spends without bound. Budgets must stop it at the limit, atomically,
// with a 429 that names the budget and its reset, and a refused or failed request takes nothing.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import type { BudgetProblem, UsageReport } from "../auth/contract";
import { reserveLlm } from "../limits/counters";
import { nextUtcMidnight, utcDayStart } from "../limits/windows";
import type { WorkflowState } from "../shared/contract";
import { call, expectProblem, startWorkflow, toThumbnails } from "./helpers";
import { account, countRows, howMany } from "./security-helpers";

const budget = (usage: UsageReport, name: string) => usage.budgets.find((b) => b.name === name)!;

describe("per-user budgets", () => {
  it("200 parallel starts from one account: exactly 20 start, the rest get 429 naming the budget and its reset", async () => {
    const { id, token } = await account("spender");
    const replies = await Promise.all(
      Array.from({ length: 200 }, (_, i) => call("POST", "/workflows/start", { token, body: { topic: `topic number ${i}` } })),
    );
    expect(howMany(replies, 201)).toBe(20);
    expect(howMany(replies, 429)).toBe(180);
    const refused = replies.find((r) => r.status === 429)!;
    const problem = expectProblem(refused, 429) as BudgetProblem;
    expect(problem.budget).toBe("workflows_per_day");
    expect(problem.type).toMatch(/budget-exceeded$/);
    expect(problem.limit).toBe(20);
    expect(problem.resets_at).toBe(new Date(nextUtcMidnight(Date.now())).toISOString());
    expect(problem.detail).toMatch(/workflows_per_day.*resets at/);
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(86_400);

    // Nothing half-done: 20 workflows exist, and the counters say exactly that.
    expect(await countRows("SELECT id FROM workflows WHERE team_id = ?", id)).toBe(20);
    const usage = (await call<UsageReport>("GET", "/usage", { token })).body;
    expect(budget(usage, "workflows_per_day")).toMatchObject({ limit: 20, used: 20, remaining: 0, variable: "BUDGET_WORKFLOWS_PER_DAY" });
    expect(budget(usage, "script_generations_per_day")).toMatchObject({ limit: 60, used: 20 });
    expect(budget(usage, "workflows_per_day").resets_at).toBe(problem.resets_at);
    // 200 starts take 3-4 s alone on two cores; the margin is for a loaded machine, not a target.
  }, 20_000);

  it("a start that fails (400) or is refused by a later budget takes nothing", async () => {
    const { token } = await account("careful");
    expectProblem(await call("POST", "/workflows/start", { token, body: { topic: "x" } }), 400);
    const after400 = (await call<UsageReport>("GET", "/usage", { token })).body;
    expect(budget(after400, "workflows_per_day").used).toBe(0);
    expect(budget(after400, "script_generations_per_day").used).toBe(0);

    // Generations are the second step of a start: refusing there gives the workflow back.
    const vars = { BUDGET_SCRIPT_GENERATIONS_PER_DAY: "1" };
    expect((await call("POST", "/workflows/start", { token, body: { topic: "first topic" }, vars })).status).toBe(201);
    const refused = expectProblem(await call("POST", "/workflows/start", { token, body: { topic: "second topic" }, vars }), 429);
    expect((refused as BudgetProblem).budget).toBe("script_generations_per_day");
    expect(budget((await call<UsageReport>("GET", "/usage", { token })).body, "workflows_per_day").used).toBe(1);
  });

  it("rejections are script generations: past the budget a rejection is refused and the workflow is unchanged", async () => {
    const { token } = await account("rejecter");
    const vars = { BUDGET_SCRIPT_GENERATIONS_PER_DAY: "3" };
    const wf = (await call<WorkflowState>("POST", "/workflows/start", { token, body: { topic: "slow cooking" }, vars })).body;
    for (let i = 0; i < 2; i++) {
      expect((await call("POST", `/workflows/${wf.id}/approve`, { token, body: { action: "reject" }, vars })).status).toBe(200);
    }
    const refused = await call("POST", `/workflows/${wf.id}/approve`, { token, body: { action: "reject" }, vars });
    const problem = expectProblem(refused, 429) as BudgetProblem;
    expect(problem.budget).toBe("script_generations_per_day");
    const state = (await call<WorkflowState>("GET", `/workflows/${wf.id}/status`, { token })).body;
    expect(state.status).toBe("awaiting_approval");
    expect(state.script_revisions).toHaveLength(3);
    // Approving writes no scripts, so it is not counted and still works.
    const approved = await call("POST", `/workflows/${wf.id}/approve`, {
      token,
      body: { action: "approve", script_id: wf.scripts[0]!.id },
      vars,
    });
    expect(approved.status).toBe(200);
  });

  it("caps concurrent A/B tests, in parallel too, and frees a slot when a test ends", async () => {
    const { token } = await account("tester");
    const vars = { BUDGET_CONCURRENT_TESTS: "1" };
    const [a, b, c] = [await toThumbnails(token), await toThumbnails(token), await toThumbnails(token)];
    const racing = await Promise.all(
      [a, b].map((wf) =>
        call("POST", `/workflows/${wf.id}/select-thumbnail`, { token, body: { thumbnail_id: wf.thumbnails[0]!.id }, vars }),
      ),
    );
    expect(howMany(racing, 200)).toBe(1);
    const refused = racing.find((r) => r.status === 429)!;
    const problem = expectProblem(refused, 429) as BudgetProblem;
    expect(problem).toMatchObject({ budget: "concurrent_tests", limit: 1, used: 1, resets_at: null });
    expect(problem.detail).toMatch(/running tests ends/);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    const running = racing[0]!.status === 200 ? a : b;
    const waiting = running === a ? b : a;
    expect((await call<WorkflowState>("GET", `/workflows/${waiting.id}/status`, { token })).body.status).toBe(
      "awaiting_thumbnail_selection",
    );

    expect((await call("POST", `/workflows/${running.id}/stop-test`, { token })).status).toBe(200);
    const next = await call("POST", `/workflows/${c.id}/select-thumbnail`, { token, body: { thumbnail_id: c.thumbnails[0]!.id }, vars });
    expect(next.status).toBe(200);
    const usage = (await call<UsageReport>("GET", "/usage", { token, vars })).body;
    expect(budget(usage, "concurrent_tests")).toMatchObject({ limit: 1, used: 1, remaining: 0, resets_at: null });
  });

  it("refuses new generations once today's LLM tokens or cost are spent, and gives the workflow back", async () => {
    const { id, token } = await account("big-spender");
    const spend = (tokens: number, cost: number) =>
      env.DB.prepare(
        "INSERT INTO token_usage (id, team_id, workflow_id, model, prompt_tokens, completion_tokens, estimated_cost_usd, created_at) VALUES (?, ?, 'wf', 'm', ?, 0, ?, ?)",
      )
        .bind(crypto.randomUUID(), id, tokens, cost, Date.now())
        .run();
    // Yesterday's spend does not count.
    await env.DB.prepare(
      "INSERT INTO token_usage (id, team_id, workflow_id, model, prompt_tokens, completion_tokens, estimated_cost_usd, created_at) VALUES (?, ?, 'wf', 'm', 900000, 0, 9, ?)",
    )
      .bind(crypto.randomUUID(), id, utcDayStart(Date.now()) - 1)
      .run();
    await startWorkflow(token, "still fine");

    await spend(0, 1);
    const cost = expectProblem(await call("POST", "/workflows/start", { token, body: { topic: "too costly" } }), 429) as BudgetProblem;
    expect(cost).toMatchObject({ budget: "llm_cost_usd_per_day", limit: 1 });
    await spend(500_000, 0);
    const tokens = expectProblem(await call("POST", "/workflows/start", { token, body: { topic: "too many" } }), 429) as BudgetProblem;
    expect(tokens).toMatchObject({ budget: "llm_tokens_per_day", limit: 500_000, used: 500_000 });

    const usage = (await call<UsageReport>("GET", "/usage", { token })).body;
    expect(budget(usage, "workflows_per_day").used).toBe(1);
    expect(budget(usage, "llm_tokens_per_day")).toMatchObject({ used: 500_000, remaining: 0 });
    expect(budget(usage, "llm_cost_usd_per_day")).toMatchObject({ used: 1, remaining: 0 });
    expect(await countRows("SELECT id FROM budget_reservations WHERE team_id = ?", id)).toBe(0);
  });

  it("keeps the LLM reservation of an async start (202) while its generation runs after the answer", async () => {
    const { id, token } = await account("async");
    const llmHolds = () => countRows("SELECT id FROM budget_reservations WHERE team_id = ? AND kind = 'llm'", id);
    const accepted = await call("POST", "/workflows/start", {
      token,
      body: { topic: "async topic" },
      headers: { prefer: "respond-async" },
    });
    expect(accepted.status).toBe(202);
    expect(await llmHolds()).toBe(1);
    await startWorkflow(token, "sync topic");
    expect(await llmHolds()).toBe(1);
  });

  it("reserves an LLM generation's worst case before it runs, so parallel generations cannot overshoot", async () => {
    const { id, token } = await account("llm-racer");
    const r = {
      worstCase: { tokens: 20_000, costUsd: 0.01 },
      limits: { tokens: 50_000, costUsd: 1 },
      dayStart: utcDayStart(Date.now()),
      now: Date.now(),
    };
    const ids = await Promise.all(Array.from({ length: 6 }, () => reserveLlm(env.DB, id, r)));
    expect(ids.filter(Boolean)).toHaveLength(2);
    // With the OpenAI writer configured, a start reserves that worst case: 2 in flight fill 50,000.
    const vars = { LLM_PROVIDER: "openai", BUDGET_LLM_TOKENS_PER_DAY: "50000" };
    const refused = expectProblem(await call("POST", "/workflows/start", { token, body: { topic: "one more" }, vars }), 429);
    expect((refused as BudgetProblem).budget).toBe("llm_tokens_per_day");
  });
});
