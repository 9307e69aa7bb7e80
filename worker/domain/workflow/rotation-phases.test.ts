// Every rotation command in every rotation phase: a legal pair gives the expected next phase and
// the fully described call the timer list asks for next; an illegal one is refused with the
// record unchanged. And one alarm tick, counted: the schedule is worked out once per state.
import { describe, expect, it, vi } from "vitest";
import type { AbConfig } from "../ab-test";
import * as calendar from "../rotation/calendar";
import { REAL_TIME } from "../rotation/clock";
import type { RotationEffect } from "../rotation/effects";
import { PHASE_STATES, type PhaseState } from "../rotation/phase";
import { type RotationSetup, lastDate } from "../rotation/record";
import { DEFAULT_ENGINE_CONFIG } from "../stats";
import { addDays, pacificMidnight } from "../youtube/pacific";
import {
  type Command,
  type CommandType,
  type StoredThumbnail,
  type WorkflowRecord,
  newWorkflow,
  timerPlan,
  transition,
  workflowTimers,
} from "./index";

// Spied, not replaced: every call runs the real calendar; the tick test counts them.
vi.mock("../rotation/calendar", { spy: true });

const HOUR = 3_600_000;
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
  timeoutMs: HOUR,
  impressionsPerPoll: 300,
  allocationMode: "uniform",
  engine: DEFAULT_ENGINE_CONFIG,
};
const setup: RotationSetup = {
  video: { id: "fkVidSteady", title: "Tier list", published_at: "1969-12-01T00:00:00Z", thumbnail_url: null, channel_id: "UC1" },
  vary: "thumbnail",
  titles: null,
  days: 21,
  clock: REAL_TIME,
};
const FIRST_DAY = "1970-01-01";
/** Two minutes after the first midnight: every command is tried then (the swap is within its grace). */
const NOW = pacificMidnight(FIRST_DAY) + 2 * 60_000;
const unavailable = { failure: "unavailable", reason: "YouTube answered 503", hint: null } as const;
const lostGrant = { failure: "needs_reconnect", reason: "The YouTube channel needs reconnecting", hint: null } as const;

type RotationCommand = Extract<CommandType, `rotation_${string}`>;
const COMMANDS: { [T in RotationCommand]: Extract<Command, { type: T }> } = {
  rotation_swapped: { type: "rotation_swapped", date: FIRST_DAY, target: "face", units: 51, detail: null },
  rotation_swap_failed: { type: "rotation_swap_failed", date: FIRST_DAY, target: "face", units: 0, ...unavailable },
  rotation_data: { type: "rotation_data", reports: [], seen: ["r1"], watch: [] },
  rotation_data_failed: { type: "rotation_data_failed", ...unavailable },
  rotation_restored: { type: "rotation_restored", date: FIRST_DAY, target: "original", units: 50 },
  rotation_restore_failed: { type: "rotation_restore_failed", date: FIRST_DAY, target: "original", units: 0, ...unavailable },
  rotation_abandoned: { type: "rotation_abandoned", reason: "the channel was disconnected" },
};

function must(record: WorkflowRecord, command: Command, now: number): WorkflowRecord {
  const t = transition(record, command, now);
  if (!t.ok) throw new Error(t.refusal.detail);
  return t.record;
}

/** One record in each phase, reached through the core (awaiting data: the swap back after the last day, as stored). */
function fixtures(): Record<PhaseState, WorkflowRecord> {
  let r = newWorkflow("w", "u", { topic: "Budget travel in Japan" }, 0);
  r = must(
    r,
    {
      type: "trends_ready",
      trends: { topic: "t", source: "o", generated_at: "x", summary: "s", trends: [], related_queries: [], top_formats: [] },
    },
    1,
  );
  const script = {
    id: "s1",
    title: "T",
    angle: "a",
    hook: "h",
    body: "b",
    outline: ["o"],
    call_to_action: "c",
    estimated_duration_seconds: 60,
  };
  r = must(r, { type: "scripts_ready", result: { scripts: [script], source: "offline", usage: [], fallback: null } }, 2);
  r = must(r, { type: "approve", script_id: "s1" }, 3);
  r = must(r, { type: "thumbnails_ready", thumbnails }, 4);
  const scheduled = must(r, { type: "select", thumbnail_id: "face", source: "youtube", config, seed: 7, rotation: setup }, 5);
  const rotation = scheduled.ab!.rotation!;
  const first = rotation.schedule.days[0]!.variantId;
  const swapping = must(scheduled, { ...COMMANDS.rotation_swapped, target: first }, NOW - 60_000);
  const paused = must(scheduled, { ...COMMANDS.rotation_swap_failed, target: first, ...lostGrant }, NOW - 60_000);
  const after = addDays(lastDate(rotation), 1);
  const awaiting: WorkflowRecord = {
    ...swapping,
    ab: {
      ...swapping.ab!,
      rotation: { ...swapping.ab!.rotation!, live: { target: "original", date: after, at: 6 }, phase: { state: "awaiting_data" } },
    },
  };
  const restoring = must(swapping, { type: "stop" }, NOW - 30_000);
  return {
    scheduled,
    swapping,
    paused,
    awaiting_data: awaiting,
    restoring,
    restored: must(restoring, COMMANDS.rotation_restored, NOW - 20_000),
    abandoned: must(restoring, COMMANDS.rotation_abandoned, NOW - 20_000),
  };
}

/** For each phase, the legal commands: the phase they lead to and the kinds of call the timer list then describes. */
const LEGAL: Record<PhaseState, Partial<Record<RotationCommand, { to: PhaseState; next: RotationEffect["kind"][] }>>> = {
  scheduled: {
    rotation_swapped: { to: "swapping", next: ["swap", "read_reports"] },
    rotation_swap_failed: { to: "scheduled", next: ["swap", "read_reports"] },
    rotation_data: { to: "scheduled", next: ["swap", "read_reports"] },
    rotation_data_failed: { to: "scheduled", next: ["swap", "read_reports"] },
  },
  swapping: {
    rotation_swapped: { to: "swapping", next: ["swap", "read_reports"] },
    rotation_swap_failed: { to: "swapping", next: ["swap", "read_reports"] },
    rotation_data: { to: "swapping", next: ["swap", "read_reports"] },
    rotation_data_failed: { to: "swapping", next: ["swap", "read_reports"] },
  },
  // Reading reports proves the grant works again: the pause lifts, back to where it was.
  paused: {
    rotation_swapped: { to: "swapping", next: ["swap", "read_reports"] },
    rotation_swap_failed: { to: "paused", next: ["swap", "read_reports"] },
    rotation_data: { to: "scheduled", next: ["swap", "read_reports"] },
    rotation_data_failed: { to: "paused", next: ["swap", "read_reports"] },
  },
  // The original is back after the last day: nothing is swapped any more, reports are still read.
  awaiting_data: {
    rotation_data: { to: "awaiting_data", next: ["read_reports"] },
    rotation_data_failed: { to: "awaiting_data", next: ["read_reports"] },
  },
  restoring: {
    rotation_restored: { to: "restored", next: [] },
    rotation_restore_failed: { to: "restoring", next: ["restore"] },
    rotation_abandoned: { to: "abandoned", next: [] },
  },
  restored: {},
  abandoned: {},
};

const effects = (r: WorkflowRecord, now: number) => workflowTimers(r, now).flatMap((t) => ("effect" in t ? [t.effect] : []));

describe("the rotation's phases: every command in every phase", () => {
  const records = fixtures();
  it("has a fixture in each phase", () => {
    for (const phase of PHASE_STATES) expect(records[phase].ab!.rotation!.phase.state).toBe(phase);
  });
  for (const phase of PHASE_STATES) {
    for (const type of Object.keys(COMMANDS) as RotationCommand[]) {
      const legal = LEGAL[phase][type];
      it(`${type} in ${phase}: ${legal ? `→ ${legal.to}` : "refused"}`, () => {
        const before = records[phase];
        const frozen = structuredClone(before);
        const t = transition(before, COMMANDS[type], NOW);
        expect(before).toEqual(frozen);
        if (!legal) {
          expect(t.ok).toBe(false);
          if (!t.ok) expect(t.refusal.status).toBe(409);
          return;
        }
        if (!t.ok) throw new Error(t.refusal.detail);
        expect(t.record.ab!.rotation!.phase.state).toBe(legal.to);
        expect(effects(t.record, NOW).map((e) => e.kind)).toEqual(legal.next);
      });
    }
  }

  it("describes each call completely: the day, the target, the key and the attempt", () => {
    const r = records.swapping;
    const failed = must(r, { ...COMMANDS.rotation_swap_failed, date: "1970-01-02", target: "x" }, NOW);
    const rotation = failed.ab!.rotation!;
    const swap = effects(failed, NOW).find((e) => e.kind === "swap")!;
    // The retry is the second attempt at the day the calendar asks for, under the same key.
    expect(swap).toMatchObject({ kind: "swap", attempt: 2 });
    expect(swap.kind === "swap" && swap.key).toBe(`w:swap:${swap.kind === "swap" && swap.date}:${swap.kind === "swap" && swap.target}`);
    expect(rotation.phase).toMatchObject({ state: "swapping", swap: { failures: 1, retry_at: NOW + 5 * 60_000 } });
    expect(effects(records.scheduled, NOW).find((e) => e.kind === "read_reports")).toEqual({
      kind: "read_reports",
      since: FIRST_DAY,
      until: lastDate(rotation),
      watch_until: null,
    });
    const again = must(records.restoring, COMMANDS.rotation_restore_failed, NOW);
    expect(effects(again, NOW)).toEqual([
      { kind: "restore", date: FIRST_DAY, target: "original", key: "w:restore:original", attempt: 2, send: true },
    ]);
  });
});

describe("one alarm tick with a swap due, in the order workflow-shell.ts runs it", () => {
  it("works out the next swap once per state of the record: once for the swap, once for the next alarm", () => {
    const record = fixtures().scheduled;
    const plan = timerPlan();
    const nextSwap = vi.mocked(calendar.nextSwap);
    nextSwap.mockClear();
    // alarm(): the list of due timers.
    const due = plan(record, NOW).filter((t) => t.at <= NOW);
    expect(due.map((t) => t.name)).toEqual(["rotation-swap"]);
    // dispatch(): the timer as the plan describes it, read inside the queue (the same state: no new work).
    const timer = plan(record, NOW).find((t) => t.name === "rotation-swap")!;
    if (!("effect" in timer) || timer.effect.kind !== "swap") throw new Error("no swap described");
    const { date, target } = timer.effect;
    // The runner answers from the effect alone; the core records it.
    const next = must(record, { type: "rotation_swapped", date, target, units: 51, detail: "thumbnail" }, NOW);
    // armAlarm(): the new state's timers, read twice (the list, then the earliest).
    const after = plan(next, NOW);
    expect(plan(next, NOW)).toBe(after);
    expect(after.find((t) => t.name === "rotation-swap")!.at).toBeGreaterThan(NOW);
    expect(nextSwap.mock.calls.map(([r]) => r.live?.target ?? "original")).toEqual(["original", target]);
  });
});
