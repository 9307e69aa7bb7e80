// The workflow state machine: every allowed move, and 409 for everything else.
import { describe, expect, it } from "vitest";
import { WorkflowStatus } from "../shared/contract";
import { canMove, moveTo, newWorkflow, requiredActionFor, withScriptRevision } from "./workflow";

describe("workflow transitions", () => {
  const allowed = new Set([
    "researching_trends>generating_scripts",
    "researching_trends>failed",
    "generating_scripts>awaiting_approval",
    "generating_scripts>failed",
    "awaiting_approval>generating_scripts",
    "awaiting_approval>generating_thumbnails",
    "generating_thumbnails>awaiting_thumbnail_selection",
    "generating_thumbnails>awaiting_approval",
    "awaiting_thumbnail_selection>ab_testing",
    "ab_testing>completed",
  ]);

  it("allows exactly the pipeline's moves", () => {
    for (const from of WorkflowStatus.options) {
      for (const to of WorkflowStatus.options) expect(canMove(from, to), `${from} > ${to}`).toBe(allowed.has(`${from}>${to}`));
    }
  });

  it("answers a wrong move with a 409 that names both states", () => {
    const wf = newWorkflow("w", "u", { topic: "t" }, 5);
    expect(() => moveTo(wf, "ab_testing", 6)).toThrow(
      expect.objectContaining({ status: 409, message: expect.stringContaining("researching_trends") }),
    );
    expect(moveTo(wf, "generating_scripts", 6)).toMatchObject({ status: "generating_scripts", updated_at: 6 });
  });

  it("keeps every script revision with its feedback", () => {
    let wf = moveTo(newWorkflow("w", "u", { topic: "t" }, 0), "generating_scripts", 1);
    const result = { scripts: [], source: "offline", usage: [], fallback: null };
    wf = withScriptRevision(wf, result, null, 2);
    wf = withScriptRevision(moveTo(wf, "generating_scripts", 3), { ...result, fallback: { reason: "timeout" } }, "shorter", 4);
    expect(wf.script_revisions.map((r) => [r.revision, r.feedback, r.fallback_reason])).toEqual([
      [1, null, null],
      [2, "shorter", "timeout"],
    ]);
  });

  it("asks the creator for action only at the gates and during the test", () => {
    expect(WorkflowStatus.options.filter((s) => requiredActionFor(s) !== null)).toEqual([
      "awaiting_approval",
      "awaiting_thumbnail_selection",
      "ab_testing",
    ]);
  });
});
