import { describe, expect, it } from "vitest";
import type { WorkflowState } from "../shared/contract";
import { call, expectProblem, newUser, toAbTesting, toThumbnails } from "./helpers";

describe("ownership", () => {
  it("answers 404 on every workflow route for someone else's workflow, and changes nothing", async () => {
    const owner = await newUser("owner");
    const intruder = await newUser("intruder");
    const wf = await toAbTesting(owner.token);
    const t = wf.thumbnails[0]!.id;
    const routes: [string, string, unknown?][] = [
      ["GET", `/workflows/${wf.id}/status`],
      ["POST", `/workflows/${wf.id}/approve`, { action: "reject" }],
      ["POST", `/workflows/${wf.id}/select-thumbnail`, { thumbnail_id: t }],
      ["GET", `/workflows/${wf.id}/ab-status`],
      ["GET", `/workflows/${wf.id}/ab-history`],
      ["POST", `/workflows/${wf.id}/metrics`, { variants: [{ thumbnail_id: t, impressions: 1, clicks: 0 }] }],
      ["POST", `/workflows/${wf.id}/declare-winner`, { thumbnail_id: t }],
      ["POST", `/workflows/${wf.id}/stop-test`],
      ["GET", `/workflows/${wf.id}/results`],
      ["GET", `/workflows/${wf.id}/export?format=json`],
    ];
    for (const [method, path, body] of routes) {
      const p = expectProblem(await call(method, path, { token: intruder.token, body }), 404);
      expect(p.detail).not.toContain(wf.topic);
    }
    // Unknown and malformed ids look exactly the same.
    expectProblem(await call("GET", `/workflows/${crypto.randomUUID()}/status`, { token: intruder.token }), 404);
    // (A path like /workflows/../x is normalised away before routing, so it proves nothing here.)
    const malformed = expectProblem(await call("GET", `/workflows/not-a-uuid/status`, { token: intruder.token }), 404);
    expect(malformed.detail).toBe("No workflow with this id belongs to you.");
    const list = await call("GET", "/workflows", { token: intruder.token });
    expect(list.body.items).toEqual([]);
    const mine = await call<WorkflowState>("GET", `/workflows/${wf.id}/status`, { token: owner.token });
    expect(mine.body.status).toBe("ab_testing");
    expect(mine.body.ab_test?.is_running).toBe(true);
  });
});

describe("racing requests", () => {
  it("20 concurrent approvals give one 200, nineteen 409s and one set of 3 thumbnails", async () => {
    const { token } = await newUser("race");
    const started = await call<WorkflowState>("POST", "/workflows/start", { token, body: { topic: "budget travel" } });
    const wf = started.body;
    const replies = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        call("POST", `/workflows/${wf.id}/approve`, { token, body: { action: "approve", script_id: wf.scripts[i % 3]!.id } }),
      ),
    );
    const codes = replies.map((r) => r.status).sort();
    expect(codes.filter((c) => c === 200)).toHaveLength(1);
    expect(codes.filter((c) => c === 409)).toHaveLength(19);
    const state = await call<WorkflowState>("GET", `/workflows/${wf.id}/status`, { token });
    expect(state.body.thumbnails).toHaveLength(3);
    expect(state.body.status).toBe("awaiting_thumbnail_selection");
  });

  it("concurrent selections and winner declarations settle on exactly one outcome", async () => {
    const { token } = await newUser("race2");
    const wf = await toThumbnails(token);
    const selects = await Promise.all(
      wf.thumbnails.map((t) => call("POST", `/workflows/${wf.id}/select-thumbnail`, { token, body: { thumbnail_id: t.id } })),
    );
    expect(selects.filter((r) => r.status === 200)).toHaveLength(1);
    const ends = await Promise.all([
      call("POST", `/workflows/${wf.id}/stop-test`, { token }),
      ...wf.thumbnails.map((t) => call("POST", `/workflows/${wf.id}/declare-winner`, { token, body: { thumbnail_id: t.id } })),
    ]);
    expect(ends.filter((r) => r.status === 200)).toHaveLength(1);
    expect(ends.filter((r) => r.status === 409)).toHaveLength(3);
  });
});
