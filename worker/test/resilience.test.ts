// What happens when things break: a restart in the middle of a step, a D1 outage during a
// transition, endless rejections, and lookups of ids nobody created.
import { evictDurableObject, runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { WorkflowList, WorkflowState } from "../shared/contract";
import { alarmAt, call, expectProblem, newUser, startWorkflow, stubOf } from "./helpers";

type Stored = { status: string } & Record<string, unknown>;

describe("resilience", () => {
  it("puts a workflow interrupted mid-step (a deploy during an LLM call) back at the script gate", async () => {
    const { token } = await newUser("interrupted");
    const wf = await startWorkflow(token);
    const stub = stubOf(wf.id);
    await runInDurableObject(stub, (_o, state) => {
      const record = state.storage.kv.get<Stored>("workflow")!;
      state.storage.kv.put("workflow", { ...record, status: "generating_scripts" });
      state.storage.kv.put("step-in-flight", "scripts");
    });
    await evictDurableObject(stub);
    const after = await call<WorkflowState>("GET", `/workflows/${wf.id}/status`, { token });
    expect(after.body.status).toBe("awaiting_approval");
    expect(after.body.notices.at(-1)).toMatch(/interrupted/);
    const list = await call<WorkflowList>("GET", "/workflows", { token });
    expect(list.body.items[0]!.status).toBe("awaiting_approval");
    // And the creator can carry on.
    const approved = await call("POST", `/workflows/${wf.id}/approve`, {
      token,
      body: { action: "approve", script_id: wf.scripts[0]!.id },
    });
    expect(approved.status).toBe(200);
  });

  it("marks a workflow interrupted before it had any scripts as failed, with the reason", async () => {
    const { token } = await newUser("interrupted-early");
    const wf = await startWorkflow(token);
    const stub = stubOf(wf.id);
    await runInDurableObject(stub, (_o, state) => {
      const record = state.storage.kv.get<Stored>("workflow")!;
      state.storage.kv.put("workflow", { ...record, status: "researching_trends", script_revisions: [] });
      state.storage.kv.put("step-in-flight", "trends");
    });
    await evictDurableObject(stub);
    const after = await call<WorkflowState>("GET", `/workflows/${wf.id}/status`, { token });
    expect(after.body.status).toBe("failed");
    expect(after.body.error).toMatch(/restarted/);
  });

  it("repairs the D1 index from the alarm when D1 failed during a transition", async () => {
    const { token } = await newUser("d1-down");
    const wf = await startWorkflow(token);
    const stub = stubOf(wf.id);
    // Fault injection: this instance alone gets a D1 binding that fails (the env object itself is
    // shared with the Worker in tests, so it is replaced, not changed).
    type WithEnv = { env: Record<string, unknown> };
    let realEnv: Record<string, unknown> = {};
    await runInDurableObject(stub, (instance) => {
      realEnv = (instance as unknown as WithEnv).env;
      const broken = {
        prepare: () => {
          throw new Error("D1 is unavailable");
        },
      };
      (instance as unknown as WithEnv).env = { ...realEnv, DB: broken };
    });
    try {
      const approved = await call<WorkflowState>("POST", `/workflows/${wf.id}/approve`, {
        token,
        body: { action: "approve", script_id: wf.scripts[0]!.id },
      });
      expect(approved.status).toBe(200);
      expect(approved.body.status).toBe("awaiting_thumbnail_selection");
      const stale = await call<WorkflowList>("GET", "/workflows", { token });
      expect(stale.body.items[0]!.status).toBe("awaiting_approval");
    } finally {
      await runInDurableObject(stub, (instance) => {
        (instance as unknown as WithEnv).env = realEnv;
      });
    }
    // The failed copy is marked in storage, and the index timer retries it 10 s later.
    expect(await runInDurableObject(stub, (_o, state) => state.storage.kv.get("index-dirty-at"))).toBeTypeOf("number");
    expect(await alarmAt(stub, Date.now() + 11_000)).toBe(true);
    expect(await runInDurableObject(stub, (_o, state) => state.storage.kv.get("index-dirty-at"))).toBeUndefined();
    const list = await call<WorkflowList>("GET", "/workflows", { token });
    expect(list.body.items[0]!.status).toBe("awaiting_thumbnail_selection");
    expect(list.body.items[0]!.requires_action).toBe("thumbnail_selection");
  });

  it("caps script revisions at 20", async () => {
    const { token } = await newUser("revisions");
    const wf = await startWorkflow(token, "rejection marathon");
    for (let i = 2; i <= 20; i++) {
      const r = await call<WorkflowState>("POST", `/workflows/${wf.id}/approve`, { token, body: { action: "reject" } });
      expect(r.status).toBe(200);
      expect(r.body.script_revisions).toHaveLength(i);
      expect(new Set(r.body.scripts.map((s) => s.angle)).size).toBe(3);
    }
    expectProblem(await call("POST", `/workflows/${wf.id}/approve`, { token, body: { action: "reject" } }), 409);
  });

  it("gives ids nobody created no storage, even when their thumbnails or live channel are asked for", async () => {
    const id = crypto.randomUUID();
    expectProblem(await call("GET", `/thumbnails/${id}/${crypto.randomUUID()}.svg`), 404);
    const stub = stubOf(id);
    const stored = await runInDurableObject(stub, (_o, state) => ({
      keys: [...state.storage.kv.list()].length,
      tables: state.storage.sql.exec("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '\\_%' ESCAPE '\\'").toArray(),
    }));
    expect(stored.keys).toBe(0);
    expect(stored.tables).toEqual([]);
  });
});
