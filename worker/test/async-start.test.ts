// Starting with "Prefer: respond-async": the answer comes before generation, the page sees each
// step, and the steps timer finishes the work, even when the object restarted in between.
import { evictDurableObject, runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { WorkflowState } from "../shared/contract";
import { call, newUser, stubOf } from "./helpers";

const startAsync = (token: string) =>
  call<WorkflowState>("POST", "/workflows/start", {
    token,
    headers: { prefer: "respond-async" },
    body: { topic: "Budget travel in Japan" },
  });

describe("asynchronous start", () => {
  it("answers 202 with the running step, then the steps timer writes the scripts", async () => {
    const { token } = await newUser("async");
    const res = await startAsync(token);
    expect(res.status).toBe(202);
    expect(res.headers.get("preference-applied")).toBe("respond-async");
    expect(res.headers.get("location")).toBe(`/api/v1/workflows/${res.body.id}/status`);
    expect(res.body.status).toBe("researching_trends");
    expect(res.body.step).toEqual({ name: "finding trends", typical_seconds: expect.any(Number) });
    expect(res.body.scripts).toEqual([]);

    // Whether workerd already fired the alarm or this call runs it, the steps end at the script gate.
    await runDurableObjectAlarm(stubOf(res.body.id));
    const done = await call<WorkflowState>("GET", `/workflows/${res.body.id}/status`, { token });
    expect(done.body.status).toBe("awaiting_approval");
    expect(done.body.step).toBeNull();
    expect(done.body.scripts).toHaveLength(3);
  });

  it("a queued step survives a restart (it was never in flight), unlike an interrupted one", async () => {
    const { token } = await newUser("async-restart");
    const res = await startAsync(token);
    const stub = stubOf(res.body.id);
    await runDurableObjectAlarm(stub);
    // Put the workflow back to a step that is queued but was never started (no in-flight mark),
    // whatever the alarm already did; then restart the object.
    await runInDurableObject(stub, async (_o, state) => {
      const record = state.storage.kv.get<Record<string, unknown>>("workflow")!;
      state.storage.kv.put("workflow", { ...record, status: "researching_trends", script_revisions: [], trends: null });
      state.storage.kv.delete("step-in-flight");
      await state.storage.deleteAlarm();
    });
    await evictDurableObject(stub);
    // The fresh object re-arms for the queued step instead of failing it, and the alarm runs it.
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    const done = await call<WorkflowState>("GET", `/workflows/${res.body.id}/status`, { token });
    expect(done.body.status).toBe("awaiting_approval");
    expect(done.body.error).toBeNull();
    expect(done.body.scripts).toHaveLength(3);
    expect(done.body.notices.filter((n) => /interrupted|restarted/.test(n))).toEqual([]);
  });

  it("keeps the synchronous answer as the default", async () => {
    const { token } = await newUser("sync");
    const res = await call<WorkflowState>("POST", "/workflows/start", { token, body: { topic: "Budget travel in Japan" } });
    expect(res.status).toBe(201);
    expect(res.body.status).toBe("awaiting_approval");
    expect(res.body.step).toBeNull();
  });
});
