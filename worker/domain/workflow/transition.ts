// Every rule of a workflow in one pure function: (record, command, now) → record and events, or a
// refusal with the record unchanged. Which command is legal in which status is written once, in
// RULES; the Durable Object only loads, calls this, and commits what it returns.
import type { WorkflowStatus } from "../../shared/contract";
import { finishTest, isRunning, recordLook, simulatedTotals, startTest, validatePush } from "../ab-test";
import { conflict } from "../refusal";
import { finishRotation } from "../rotation/ab";
import type { AbTestRecord } from "../ab-test";
import type { Decision } from "../../shared/contract";
import type { Command, CommandType, Transition, WorkflowEvent } from "./commands";
import { withActivity } from "./activity";
import { editScript, setChapters, redrawThumbnail, uploadThumbnail } from "./edits";
import { type WorkflowRecord, findScript } from "./record";
import { refused, revisionCap, unknownScript, unknownThumbnail } from "./refusals";
import { ROTATION_RULES } from "./rotation-rules";
import { type Rule, done, move, withNotice } from "./rule";

/** Ends any test: a rotation also sets up the restore of the video. */
const endTest = (ab: AbTestRecord, decision: Decision, chosenId: string | null, now: number, why?: string) =>
  ab.rotation ? finishRotation(ab, decision, chosenId, now, why) : finishTest(ab, decision, chosenId, now);

/** One look at the analytics; the test ends itself (and the workflow completes) when the engine decides. */
function look(record: WorkflowRecord, input: Parameters<typeof recordLook>[1], now: number): Transition {
  const { ab: next, point } = recordLook(record.ab!, input, now);
  const looked: WorkflowEvent = { type: "looked", seq: next.polls, point };
  if (isRunning(next)) return done({ ...record, ab: next, updated_at: now }, [looked]);
  const ended = move(record, "completed", now, { ab: next });
  return ended.ok ? done(ended.record, [looked, ...ended.events]) : ended;
}

const WORKING: readonly WorkflowStatus[] = ["researching_trends", "generating_scripts", "generating_thumbnails"];

const RULES: { [T in CommandType]: Rule<T> } = {
  trends_ready: {
    from: ["researching_trends"],
    action: "store trends",
    apply: (r, c, now) => withNotice(move(r, "generating_scripts", now, { trends: c.trends }), c.notice),
  },
  scripts_ready: {
    from: ["generating_scripts"],
    action: "store scripts",
    apply(r, { result, notice }, now) {
      const revision = {
        revision: r.script_revisions.length + 1,
        feedback: r.pending_feedback ?? null,
        created_at: new Date(now).toISOString(),
        source: result.source,
        fallback_reason: result.fallback?.reason ?? null,
        usage: result.usage,
        scripts: result.scripts,
        feedback_applied: result.applied ?? [],
        feedback_notes: result.feedback_notes ?? [],
        edited_from: null,
      };
      return withNotice(
        move(r, "awaiting_approval", now, { script_revisions: [...r.script_revisions, revision], pending_feedback: null }),
        notice,
      );
    },
  },
  thumbnails_ready: {
    from: ["generating_thumbnails"],
    action: "store thumbnails",
    apply: (r, c, now) => withNotice(move(r, "awaiting_thumbnail_selection", now, { thumbnails: c.thumbnails }), c.notice),
  },
  step_failed: {
    from: WORKING,
    action: "fail a step",
    // Never stuck "generating": back at the script gate when there are scripts, else failed.
    apply(r, { reason }, now) {
      if (r.script_revisions.length === 0) return move(r, "failed", now, { error: `The workflow could not be prepared: ${reason}` });
      const back = move(r, "awaiting_approval", now, { approved_script_id: null, pending_feedback: null });
      return withNotice(back, `The last step was interrupted (${reason}); please try again.`);
    },
  },
  approve: {
    from: ["awaiting_approval"],
    action: "approve a script",
    apply(r, { script_id }, now) {
      if (!findScript(r, script_id)) return unknownScript();
      return move(r, "generating_thumbnails", now, { approved_script_id: script_id });
    },
  },
  reject: {
    from: ["awaiting_approval"],
    action: "reject the scripts",
    apply(r, { feedback }, now) {
      const capped = revisionCap(r);
      if (capped) return capped;
      return move(r, "generating_scripts", now, { pending_feedback: feedback?.trim() || null });
    },
  },
  edit_script: { from: ["awaiting_approval"], action: "edit a script", apply: editScript },
  set_chapters: {
    from: ["awaiting_thumbnail_selection", "ab_testing", "completed"],
    action: "set the chapter times",
    apply: setChapters,
  },
  redraw_thumbnail: { from: ["awaiting_thumbnail_selection"], action: "redraw a thumbnail", apply: redrawThumbnail },
  upload_thumbnail: { from: ["awaiting_thumbnail_selection"], action: "upload a thumbnail", apply: uploadThumbnail },
  select: {
    from: ["awaiting_thumbnail_selection"],
    action: "select a thumbnail",
    apply(r, c, now) {
      if (!r.thumbnails.some((t) => t.id === c.thumbnail_id)) {
        return unknownThumbnail();
      }
      if (c.source === "youtube" && !c.rotation) return refused(conflict("A YouTube test needs its video checked first."));
      // A rotation may test two of the three thumbnails (fewer days per block, more power).
      const tested = c.rotation?.variants ? r.thumbnails.filter((t) => c.rotation!.variants!.includes(t.id)) : r.thumbnails;
      const ab = startTest(tested, c.thumbnail_id, c.source, c.config, c.seed, now, c.rotation);
      return withNotice(move(r, "ab_testing", now, { selected_thumbnail_id: c.thumbnail_id, ab }), c.notice);
    },
  },
  poll: {
    from: ["ab_testing"],
    action: "poll the analytics",
    apply(r, _c, now) {
      const ab = r.ab!;
      if (ab.source !== "simulated") return refused(conflict("This test reads pushed metrics; there is nothing to poll."));
      // A retried or early alarm finds nothing due: idempotent by refusal.
      if (ab.next_poll_at === null || now < ab.next_poll_at || now >= ab.deadline_at) return refused(conflict("No poll is due."));
      return look(r, { totals: simulatedTotals(ab) }, now);
    },
  },
  push: {
    from: ["ab_testing"],
    action: "accept metrics",
    apply(r, { metrics }, now) {
      const valid = validatePush(r.ab!, metrics, now);
      // The push goes to the engine as received: an undeclared split stays undeclared.
      return valid.ok ? look(r, { push: valid.value }, now) : refused(valid.refusal);
    },
  },
  expire: {
    from: ["ab_testing"],
    action: "expire the test",
    apply: (r, _c, now) =>
      now < r.ab!.deadline_at
        ? refused(conflict("The deadline has not passed."))
        : move(r, "completed", now, { ab: endTest(r.ab!, "timeout", null, now) }),
  },
  declare: {
    from: ["ab_testing"],
    action: "declare a winner",
    apply(r, { thumbnail_id }, now) {
      if (!r.ab!.variant_ids.includes(thumbnail_id)) {
        return unknownThumbnail();
      }
      return move(r, "completed", now, { ab: endTest(r.ab!, "manual", thumbnail_id, now) });
    },
  },
  stop: {
    from: ["ab_testing"],
    action: "stop the test",
    apply: (r, c, now) => move(r, "completed", now, { ab: endTest(r.ab!, "stopped", null, now, c.reason) }),
  },
  ...ROTATION_RULES,
};

/** The statuses in which a command is legal (for tests and documentation). */
export const legalIn = (type: CommandType): readonly WorkflowStatus[] => RULES[type].from;

export function transition(record: WorkflowRecord, command: Command, now: number): Transition {
  const rule = RULES[command.type] as Rule<CommandType>;
  if (!rule.from.includes(record.status)) {
    const expected = rule.from.length === 1 ? `, not '${rule.from[0]}'` : "";
    return refused(conflict(`Cannot ${rule.action}: the workflow is '${record.status}'${expected}.`));
  }
  if (rule.phases) {
    const phase = record.ab?.rotation?.phase.state;
    if (!phase || !rule.phases.includes(phase))
      return refused(conflict(`Cannot ${rule.action}: ${phase ? `the rotation is '${phase}'` : "this workflow has no YouTube rotation"}.`));
  }
  return withActivity(rule.apply(record, command as never, now), command, now);
}
