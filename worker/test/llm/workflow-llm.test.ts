// A workflow whose scripts come from an OpenAI-compatible server (a real local HTTP fake):
// token use is recorded per call and summed, and when the LLM fails the workflow records the
// fallback and why, and is never stuck.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import type { UsageTotals, WorkflowState } from "../../shared/contract";
import { call, newUser, startWorkflow } from "../helpers";

const base = env.OPENAI_BASE_URL as string;
const model = env.OPENAI_MODEL as string;

async function scenario(name: string) {
  const res = await fetch(`${base.replace(/\/v1$/, "")}/__scenario`, { method: "PUT", body: JSON.stringify({ model, scenario: name }) });
  expect(res.status).toBe(200);
}

describe("scripts from an LLM", () => {
  it("records token use per call, per workflow and per user, and falls back without getting stuck", async () => {
    const { token } = await newUser("llm");
    await scenario("success");
    const wf = await startWorkflow(token, "urban gardening");
    const first = wf.script_revisions[0]!;
    expect(first.source).toBe(`openai:${model}`);
    expect(first.fallback_reason).toBeNull();
    expect(wf.scripts).toHaveLength(3);
    expect(wf.scripts[0]!.title.toLowerCase()).toContain("urban gardening");
    expect(first.usage).toHaveLength(1);
    const call1 = first.usage[0]!;
    expect(call1.prompt_tokens).toBeGreaterThan(50);
    expect(call1.completion_tokens).toBeGreaterThan(50);
    // $0.15 and $0.60 per million tokens, from OPENAI_PRICES, rounded to the micro-dollar.
    expect(Math.abs(call1.estimated_cost_usd - (call1.prompt_tokens * 0.15 + call1.completion_tokens * 0.6) / 1e6)).toBeLessThanOrEqual(
      5.01e-7,
    );
    expect(wf.usage).toMatchObject({ calls: 1, prompt_tokens: call1.prompt_tokens, completion_tokens: call1.completion_tokens });

    await scenario("server-error");
    const rejected = await call<WorkflowState>("POST", `/workflows/${wf.id}/approve`, {
      token,
      body: { action: "reject", feedback: "punchier" },
    });
    expect(rejected.status).toBe(200);
    expect(rejected.body.status).toBe("awaiting_approval");
    const second = rejected.body.script_revisions[1]!;
    expect(second.source).toBe("offline");
    expect(second.fallback_reason).toMatch(/500|server/i);
    expect(rejected.body.notices.at(-1)).toContain("offline writer");
    expect(rejected.body.scripts).toHaveLength(3);

    await scenario("hang");
    const started = Date.now();
    const third = await call<WorkflowState>("POST", `/workflows/${wf.id}/approve`, { token, body: { action: "reject" } });
    expect(third.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(third.body.script_revisions[2]!.fallback_reason).toMatch(/time/i);
    expect(third.body.status).toBe("awaiting_approval");

    const approved = await call<WorkflowState>("POST", `/workflows/${wf.id}/approve`, {
      token,
      body: { action: "approve", script_id: third.body.scripts[0]!.id },
    });
    expect(approved.body.status).toBe("awaiting_thumbnail_selection");

    const mine = await call<UsageTotals>("GET", "/usage", { token });
    expect(mine.body.calls).toBeGreaterThanOrEqual(1);
    expect(mine.body.prompt_tokens).toBeGreaterThanOrEqual(call1.prompt_tokens);
    expect(mine.body.estimated_cost_usd).toBeGreaterThan(0);
  });
});
