// The transition core against every command in every status: legal pairs give the expected
// record and events, illegal ones are refused with the record untouched.
import { describe, expect, it } from "vitest";
import { type TrendReport, WorkflowStatus } from "../../shared/contract";
import type { AbConfig } from "../ab-test";
import { REAL_TIME } from "../rotation/clock";
import type { RotationSetup } from "../rotation/record";
import { DEFAULT_ENGINE_CONFIG } from "../stats";
import { type Command, type CommandType, type StoredThumbnail, type WorkflowRecord, legalIn, newWorkflow, transition } from "./index";

const trends: TrendReport = {
  topic: "t",
  source: "offline",
  generated_at: "x",
  summary: "s",
  trends: [],
  related_queries: [],
  top_formats: [],
};
const script = (id: string) => ({
  id,
  title: id,
  angle: "a",
  hook: "h",
  body: "b",
  outline: ["o"],
  call_to_action: "c",
  estimated_duration_seconds: 60,
});
const thumbnails: StoredThumbnail[] = (["face", "product", "viral"] as const).map((id, i) => ({
  id,
  style: (["FACE_FOCUSED", "PRODUCT_DEMO", "VIRAL"] as const)[i]!,
  prompt: "p",
  headline: id.toUpperCase(),
  variation: 0,
  external_url: null,
  upload: null,
  version: 0,
}));
const config: AbConfig = {
  pollIntervalMs: 30_000,
  timeoutMs: 3_600_000,
  impressionsPerPoll: 300,
  allocationMode: "uniform",
  engine: DEFAULT_ENGINE_CONFIG,
};

const rotation: RotationSetup = {
  video: { id: "fkVidSteady", title: "Tier list", published_at: "1969-12-01T00:00:00Z", thumbnail_url: null, channel_id: "UC1" },
  vary: "both",
  titles: { face: "Title A", product: "Title B", viral: "Title C" },
  days: 21,
  clock: REAL_TIME,
};
const failure = { failure: "unavailable", reason: "YouTube answered 503", hint: null } as const;
/** The first day of a rotation started at the fixtures' time (the next Pacific day after 1970-01-01 00:00 UTC). */
const FIRST_DAY = "1970-01-01";

const COMMANDS: Record<CommandType, Command> = {
  trends_ready: { type: "trends_ready", trends },
  scripts_ready: { type: "scripts_ready", result: { scripts: [script("s1"), script("s2")], source: "offline", usage: [], fallback: null } },
  thumbnails_ready: { type: "thumbnails_ready", thumbnails },
  step_failed: { type: "step_failed", reason: "boom" },
  approve: { type: "approve", script_id: "s1" },
  reject: { type: "reject", feedback: "  more jokes  " },
  edit_script: { type: "edit_script", edit: { script_id: "s1", hook: "My own hook" }, new_id: "s1-edit" },
  set_chapters: { type: "set_chapters", chapters: [0, 60, 120].map((start_seconds, i) => ({ start_seconds, title: `Part ${i + 1}` })) },
  redraw_thumbnail: {
    type: "redraw_thumbnail",
    thumbnail_id: "viral",
    headline: "NEW WORDS",
    prompt: "p2",
    variation: 1,
    external_url: null,
  },
  upload_thumbnail: { type: "upload_thumbnail", thumbnail_id: "face", content_type: "image/png" },
  select: { type: "select", thumbnail_id: "face", source: "simulated", config, seed: 7 },
  poll: { type: "poll" },
  push: { type: "push", metrics: { variants: thumbnails.map((t) => ({ thumbnail_id: t.id, impressions: 100, clicks: 8 })) } },
  expire: { type: "expire" },
  declare: { type: "declare", thumbnail_id: "viral" },
  stop: { type: "stop" },
  rotation_swapped: { type: "rotation_swapped", date: FIRST_DAY, target: "face", units: 102, detail: null },
  rotation_swap_failed: { type: "rotation_swap_failed", date: FIRST_DAY, target: "face", units: 0, ...failure },
  rotation_data: {
    type: "rotation_data",
    reports: [{ id: "r1", date: FIRST_DAY, created: "1970-01-03T14:00:00Z", row: { impressions: 900, clicks: 40 } }],
    seen: ["r1"],
    watch: [{ date: FIRST_DAY, minutes: 170 }],
  },
  rotation_data_failed: { type: "rotation_data_failed", ...failure },
  rotation_restored: { type: "rotation_restored", date: FIRST_DAY, target: "original", units: 102 },
  rotation_restore_failed: { type: "rotation_restore_failed", date: FIRST_DAY, target: "original", units: 0, ...failure },
  rotation_abandoned: { type: "rotation_abandoned", reason: "the channel was disconnected" },
};

function must(record: WorkflowRecord, command: Command, now: number): WorkflowRecord {
  const t = transition(record, command, now);
  if (!t.ok) throw new Error(t.refusal.detail);
  return t.record;
}

/** One record in each status, reached through the core itself. */
function fixtures(source: "simulated" | "external" | "youtube"): Record<WorkflowStatus, WorkflowRecord> {
  const researching = newWorkflow("w", "u", { topic: "Budget travel in Japan" }, 0);
  const generating = must(researching, COMMANDS.trends_ready, 1);
  const awaiting = must(generating, COMMANDS.scripts_ready, 2);
  const thumbing = must(awaiting, COMMANDS.approve, 3);
  const selecting = must(thumbing, COMMANDS.thumbnails_ready, 4);
  const select = COMMANDS.select as Extract<Command, { type: "select" }>;
  const testing = must(selecting, { ...select, source, ...(source === "youtube" ? { rotation } : {}) }, 5);
  return {
    researching_trends: researching,
    generating_scripts: generating,
    awaiting_approval: awaiting,
    generating_thumbnails: thumbing,
    awaiting_thumbnail_selection: selecting,
    ab_testing: testing,
    completed: must(testing, COMMANDS.stop, 6),
    failed: must(researching, COMMANDS.step_failed, 1),
  };
}

/** The time a command is tried at: when it is due, for the timers. */
const timeFor = (r: WorkflowRecord, type: CommandType) =>
  type === "expire" ? (r.ab?.deadline_at ?? 100) : type === "poll" ? (r.ab?.next_poll_at ?? 100) : r.updated_at + 10;

/** What each legal command does: the status it leads to and the events it reports. */
const EXPECTED: Record<CommandType, { to: (from: WorkflowStatus) => WorkflowStatus; events: string[] }> = {
  trends_ready: { to: () => "generating_scripts", events: ["status_changed"] },
  scripts_ready: { to: () => "awaiting_approval", events: ["status_changed"] },
  thumbnails_ready: { to: () => "awaiting_thumbnail_selection", events: ["status_changed"] },
  // The fixtures before the first scripts have none to go back to, so they fail.
  step_failed: { to: (from) => (from === "generating_thumbnails" ? "awaiting_approval" : "failed"), events: ["status_changed"] },
  approve: { to: () => "generating_thumbnails", events: ["status_changed"] },
  reject: { to: () => "generating_scripts", events: ["status_changed"] },
  edit_script: { to: () => "awaiting_approval", events: ["updated"] },
  set_chapters: { to: (from) => from, events: ["updated"] },
  redraw_thumbnail: { to: () => "awaiting_thumbnail_selection", events: ["updated"] },
  upload_thumbnail: { to: () => "awaiting_thumbnail_selection", events: ["updated"] },
  select: { to: () => "ab_testing", events: ["status_changed"] },
  poll: { to: () => "ab_testing", events: ["looked"] },
  push: { to: () => "ab_testing", events: ["looked"] },
  expire: { to: () => "completed", events: ["status_changed", "test_completed"] },
  declare: { to: () => "completed", events: ["status_changed", "test_completed"] },
  stop: { to: () => "completed", events: ["status_changed", "test_completed"] },
  rotation_swapped: { to: () => "ab_testing", events: ["youtube", "updated"] },
  rotation_swap_failed: { to: () => "ab_testing", events: ["youtube"] },
  rotation_data: { to: () => "ab_testing", events: ["looked", "youtube"] },
  rotation_data_failed: { to: () => "ab_testing", events: [] },
  rotation_restored: { to: () => "completed", events: ["youtube", "updated"] },
  rotation_restore_failed: { to: () => "completed", events: ["youtube"] },
  rotation_abandoned: { to: () => "completed", events: ["youtube", "updated"] },
};

const sourceFor = (type: CommandType) => (type === "push" ? "external" : type.startsWith("rotation_") ? "youtube" : "simulated");

describe("transition: every command in every status", () => {
  const byType = Object.keys(COMMANDS) as CommandType[];
  for (const type of byType) {
    for (const status of WorkflowStatus.options) {
      const legal = legalIn(type).includes(status);
      it(`${type} in ${status}: ${legal ? "applies" : "is refused"}`, () => {
        const record = fixtures(sourceFor(type))[status];
        const before = structuredClone(record);
        const now = timeFor(record, type);
        const t = transition(record, COMMANDS[type], now);
        expect(record).toEqual(before); // never mutated, whatever the answer
        if (!legal) {
          expect(t).toMatchObject({ ok: false, refusal: { status: 409 } });
          if (!t.ok) expect(t.refusal.detail).toContain(`'${status}'`);
          return;
        }
        if (!t.ok) throw new Error(`refused: ${t.refusal.detail}`);
        const expected = EXPECTED[type];
        expect(t.record.status).toBe(expected.to(status));
        expect(t.events.map((e) => e.type).filter((e) => e !== "notice")).toEqual(expected.events);
        expect(t.record.updated_at).toBe(now);
        const moved = t.events.find((e) => e.type === "status_changed");
        if (moved) expect(moved).toEqual({ type: "status_changed", from: status, to: t.record.status, at: now });
      });
    }
  }
});

describe("transition: what the commands record", () => {
  const f = fixtures("simulated");

  it("a reject announces one status change, keeps the trimmed feedback, and the next revision carries it", () => {
    const t = transition(f.awaiting_approval, COMMANDS.reject, 10);
    if (!t.ok) throw new Error(t.refusal.detail);
    expect(t.events).toEqual([{ type: "status_changed", from: "awaiting_approval", to: "generating_scripts", at: 10 }]);
    const revised = must(t.record, COMMANDS.scripts_ready, 11);
    expect(revised.script_revisions.map((r) => [r.revision, r.feedback])).toEqual([
      [1, null],
      [2, "more jokes"],
    ]);
    expect(revised.pending_feedback).toBeNull();
  });

  it("refuses an unknown script or thumbnail with 400 and a field error", () => {
    expect(transition(f.awaiting_approval, { type: "approve", script_id: "nope" }, 10)).toMatchObject({
      ok: false,
      refusal: { status: 400, errors: [{ path: "script_id" }] },
    });
    expect(transition(f.awaiting_thumbnail_selection, { ...COMMANDS.select, thumbnail_id: "nope" } as Command, 10)).toMatchObject({
      ok: false,
      refusal: { status: 400, errors: [{ path: "thumbnail_id" }] },
    });
  });

  it("caps script revisions at 20 with a 409", () => {
    let r = f.awaiting_approval;
    for (let i = 0; i < 19; i++) r = must(must(r, COMMANDS.reject, 20 + 2 * i), COMMANDS.scripts_ready, 21 + 2 * i);
    expect(r.script_revisions).toHaveLength(20);
    expect(transition(r, COMMANDS.reject, 100)).toMatchObject({ ok: false, refusal: { status: 409 } });
  });

  it("a failed thumbnail step returns to the script gate with a notice and forgets the approval", () => {
    const t = transition(f.generating_thumbnails, COMMANDS.step_failed, 10);
    if (!t.ok) throw new Error(t.refusal.detail);
    expect(t.record).toMatchObject({ status: "awaiting_approval", approved_script_id: null });
    expect(t.events.map((e) => e.type)).toEqual(["status_changed", "notice"]);
    expect(t.record.notices.at(-1)).toContain("boom");
  });

  it("a poll is idempotent: not before it is due, and not twice for the same moment", () => {
    const ab = f.ab_testing.ab!;
    expect(transition(f.ab_testing, COMMANDS.poll, ab.next_poll_at! - 1)).toMatchObject({ ok: false, refusal: { status: 409 } });
    const once = must(f.ab_testing, COMMANDS.poll, ab.next_poll_at!);
    expect(transition(once, COMMANDS.poll, ab.next_poll_at!)).toMatchObject({ ok: false });
    expect(once.ab!.polls).toBe(1);
  });

  it("an edit becomes a revision of its own that can be approved, and a redraw or upload bumps the image's version", () => {
    const edited = must(f.awaiting_approval, COMMANDS.edit_script, 10);
    const last = edited.script_revisions.at(-1)!;
    expect(last).toMatchObject({ revision: 2, source: "edited", edited_from: "s1", feedback: null });
    // The duration is the edited script's spoken words ("My own hook", "b", "c") at 150 a minute.
    expect(last.scripts).toEqual([{ ...script("s1"), id: "s1-edit", hook: "My own hook", estimated_duration_seconds: 2 }]);
    expect(must(edited, { type: "approve", script_id: "s1-edit" }, 11).approved_script_id).toBe("s1-edit");
    expect(transition(f.awaiting_approval, { type: "edit_script", edit: { script_id: "s1" }, new_id: "x" }, 10)).toMatchObject({
      ok: false,
      refusal: { status: 400 },
    });
    const redrawn = must(f.awaiting_thumbnail_selection, COMMANDS.redraw_thumbnail, 10);
    expect(redrawn.thumbnails.find((t) => t.id === "viral")).toMatchObject({ headline: "NEW WORDS", variation: 1, version: 1 });
    const uploaded = must(redrawn, COMMANDS.upload_thumbnail, 11);
    expect(uploaded.thumbnails.find((t) => t.id === "face")).toMatchObject({ upload: "image/png", headline: "", version: 1 });
    expect(transition(redrawn, { ...COMMANDS.upload_thumbnail, thumbnail_id: "nope" } as Command, 12)).toMatchObject({
      ok: false,
      refusal: { status: 400, errors: [{ path: "thumbnail_id" }] },
    });
  });

  it("a simulated test refuses pushes, and the deadline refuses to come early", () => {
    expect(transition(f.ab_testing, COMMANDS.push, 10)).toMatchObject({ ok: false, refusal: { status: 409 } });
    expect(transition(f.ab_testing, COMMANDS.expire, f.ab_testing.ab!.deadline_at - 1)).toMatchObject({ ok: false });
  });

  it("a look that proves a winner completes the workflow in the same transition", () => {
    let r = fixtures("external").ab_testing;
    let events: string[] = [];
    for (let n = 1; n <= 80 && r.status === "ab_testing"; n++) {
      const imp = n * 1000;
      const ctr = { face: 0.085, product: 0.062, viral: 0.11 } as Record<string, number>;
      const variants = thumbnails.map((t) => ({ thumbnail_id: t.id, impressions: imp, clicks: Math.round(imp * ctr[t.id]!) }));
      const t = transition(r, { type: "push", metrics: { variants } }, 10 + n);
      if (!t.ok) throw new Error(t.refusal.detail);
      r = t.record;
      events = t.events.map((e) => e.type);
    }
    expect(r.status).toBe("completed");
    expect(r.ab!.winner_id).toBe("viral");
    expect(events).toEqual(["looked", "status_changed", "test_completed"]);
  });
});
