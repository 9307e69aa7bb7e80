// The activity log in the core: an accepted command with an actor leaves one entry, a refused one
// or the app's own leaves none, and the log keeps its newest entries.
import { describe, expect, it } from "vitest";
import type { Actor } from "../../shared/contract";
import { MAX_ACTIVITY, type WorkflowRecord, newWorkflow, transition } from "./index";
import { upgradeRecord } from "./upgrade";

const ana: Actor = { kind: "member", user_id: "u-ana", email: "ana@example.com" };
const script = {
  id: "s1",
  title: "t",
  angle: "a",
  hook: "h",
  body: "b",
  outline: ["o"],
  call_to_action: "c",
  estimated_duration_seconds: 60,
};
const atGate: WorkflowRecord = {
  ...newWorkflow("wf", "team", { topic: "Budget travel" }, 0),
  status: "awaiting_approval",
  script_revisions: [
    {
      revision: 1,
      feedback: null,
      created_at: "x",
      source: "offline",
      fallback_reason: null,
      usage: [],
      scripts: [script],
      feedback_applied: [],
      feedback_notes: [],
      edited_from: null,
    },
  ],
};

describe("the activity log", () => {
  it("logs an accepted command with its actor and time", () => {
    const t = transition(atGate, { type: "approve", script_id: "s1", by: ana }, Date.UTC(2026, 11, 8, 3));
    expect(t.ok && t.record.activity).toEqual([{ action: "approve", script_id: "s1", actor: ana, at: "2026-12-08T03:00:00.000Z" }]);
  });

  it("logs nothing for a refused command or one the app sent itself", () => {
    const refused = transition(atGate, { type: "approve", script_id: "nope", by: ana }, 1);
    expect(refused.ok).toBe(false);
    const own = transition(atGate, { type: "reject", feedback: null }, 1);
    expect(own.ok && own.record.activity).toEqual([]);
  });

  it("keeps the newest entries past the cap", () => {
    const full = {
      ...atGate,
      activity: Array.from({ length: MAX_ACTIVITY }, (_, i) => ({ action: "stop" as const, actor: ana, at: String(i) })),
    };
    const t = transition(full, { type: "reject", feedback: " again ", by: ana }, 5);
    if (!t.ok) throw new Error(t.refusal.detail);
    expect(t.record.activity).toHaveLength(MAX_ACTIVITY);
    expect(t.record.activity[0]!.at).toBe("1");
    expect(t.record.activity.at(-1)).toMatchObject({ action: "reject", feedback: "again", actor: ana });
  });

  it("reads a record stored before the log as having an empty one", () => {
    const { activity: _none, ...legacy } = atGate;
    expect(upgradeRecord(legacy as WorkflowRecord)!.activity).toEqual([]);
  });
});
