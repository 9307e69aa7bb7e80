// Attack: one account spends the operator's LLM money. Through the fake OpenAI server (real HTTP,
// real usage figures), each generation first reserves its worst case; what it really spent is
// then counted from token_usage, and the next generation that could pass a budget is refused
// with a 429 naming it, before any call is made.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import type { BudgetProblem, UsageReport } from "../../auth/contract";
import { generationWorstCase } from "../../limits/budgets";
import type { WorkflowState } from "../../shared/contract";
import { call, expectProblem, newUser } from "../helpers";

const base = env.OPENAI_BASE_URL as string;
const model = env.OPENAI_MODEL as string;
const worstCase = generationWorstCase(env);

async function success() {
  const res = await fetch(`${base.replace(/\/v1$/, "")}/__scenario`, {
    method: "PUT",
    body: JSON.stringify({ model, scenario: "success" }),
  });
  expect(res.status).toBe(200);
}

const spentBy = (wf: WorkflowState) => ({
  tokens: wf.usage.prompt_tokens + wf.usage.completion_tokens,
  cost: wf.script_revisions.flatMap((r) => r.usage).reduce((s, u) => s + u.estimated_cost_usd, 0),
});
const budgetOf = async (token: string, name: string, vars: Record<string, string>) =>
  (await call<UsageReport>("GET", "/usage", { token, vars })).body.budgets.find((b) => b.name === name)!;

describe("LLM budgets spent through the OpenAI-compatible server", () => {
  it("the token budget: a generation that could pass it is refused, and /usage counts the real tokens", async () => {
    await success();
    expect(worstCase.tokens).toBeGreaterThan(10_000);
    const { token } = await newUser("llm-tokens");
    // Room for one worst case, not for a second one on top of what the first really spent.
    const vars = { BUDGET_LLM_TOKENS_PER_DAY: String(worstCase.tokens + 100) };
    const started = await call<WorkflowState>("POST", "/workflows/start", { token, body: { topic: "urban beekeeping" }, vars });
    expect(started.status).toBe(201);
    expect(started.body.script_revisions[0]!.source).toBe(`openai:${model}`);
    const spent = spentBy(started.body);
    expect(spent.tokens).toBeGreaterThan(100);

    const rejected = await call("POST", `/workflows/${started.body.id}/approve`, { token, body: { action: "reject" }, vars });
    expect(expectProblem(rejected, 429) as BudgetProblem).toMatchObject({
      budget: "llm_tokens_per_day",
      limit: worstCase.tokens + 100,
      used: spent.tokens,
    });
    const after = (await call<WorkflowState>("GET", `/workflows/${started.body.id}/status`, { token })).body;
    expect(after.script_revisions).toHaveLength(1);
    expect(await budgetOf(token, "llm_tokens_per_day", vars)).toMatchObject({ used: spent.tokens });
    // The refused rejection gave back its script generation too.
    expect(await budgetOf(token, "script_generations_per_day", vars)).toMatchObject({ used: 1 });
  });

  it("the cost budget, at OPENAI_PRICES: the next start is refused once a worst case no longer fits", async () => {
    await success();
    expect(worstCase.costUsd).toBeGreaterThan(0);
    const { token } = await newUser("llm-cost");
    const limit = Math.round((worstCase.costUsd + 0.000001) * 1e6) / 1e6;
    const vars = { BUDGET_LLM_COST_USD_PER_DAY: String(limit) };
    const first = await call<WorkflowState>("POST", "/workflows/start", { token, body: { topic: "cast iron care" }, vars });
    expect(first.status).toBe(201);
    const spent = spentBy(first.body);
    expect(spent.cost).toBeGreaterThan(0);

    const second = await call("POST", "/workflows/start", { token, body: { topic: "carbon steel pans" }, vars });
    const problem = expectProblem(second, 429) as BudgetProblem;
    expect(problem).toMatchObject({ budget: "llm_cost_usd_per_day", limit });
    expect(problem.used).toBeCloseTo(spent.cost, 6);
    const usage = await budgetOf(token, "llm_cost_usd_per_day", vars);
    expect(usage.used).toBeCloseTo(spent.cost, 6);
    expect(await budgetOf(token, "workflows_per_day", vars)).toMatchObject({ used: 1 });
  });
});
