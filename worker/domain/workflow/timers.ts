// The workflow's own timers, as data: when each is due and what it does. Most send a command to
// the core; a rotation's timers carry a fully described call to YouTube (an effect) that the runner
// in worker/effects makes before it reports the outcome as a command. The object adds its
// infrastructure timers (webhook retries, index repair) beside these and runs them all from one alarm.
import { type RotationEffect, rotationTimers } from "../rotation/effects";
import type { Command } from "./commands";
import type { WorkflowRecord } from "./record";

export type { RotationEffect };

export type WorkflowTimer = { name: string; at: number } & ({ command: Command } | { effect: RotationEffect; urgent?: true });

export function workflowTimers(record: WorkflowRecord | null, now: number): WorkflowTimer[] {
  const ab = record?.ab;
  const rotation = ab?.rotation;
  if (!record || !ab) return [];
  const testing = record.status === "ab_testing";
  const calls = rotation ? rotationTimers(record.id, rotation, now) : [];
  if (!testing) return calls;
  // The deadline comes first: when both are due, the test ends instead of taking one more look.
  const timers: WorkflowTimer[] = [{ name: "deadline", at: ab.deadline_at, command: { type: "expire" } }];
  if (ab.next_poll_at !== null && ab.next_poll_at < ab.deadline_at)
    timers.push({ name: "poll", at: ab.next_poll_at, command: { type: "poll" } });
  return [...timers, ...calls];
}

/** The timer list for one state of the record at one instant. */
export type TimerPlan = (record: WorkflowRecord | null, now: number) => WorkflowTimer[];

/**
 * The timer list, worked out once per state of the record and instant however often it is read:
 * in one alarm tick the list, each timer's run and the re-arm all ask, and only a commit (a new
 * record) or another instant makes it again. The Durable Object keeps one.
 */
export function timerPlan(): TimerPlan {
  let made: { record: WorkflowRecord | null; now: number; timers: WorkflowTimer[] } | null = null;
  return (record, now) => {
    if (made?.record !== record || made.now !== now) made = { record, now, timers: workflowTimers(record, now) };
    return made.timers;
  };
}

/** The commit that ends a rotation's hold on its video (restored, or nothing more can be done): another test may claim it. */
export function releasesVideo(before: WorkflowRecord | null, after: WorkflowRecord): boolean {
  const settled = (r: WorkflowRecord | null) => {
    const state = r?.ab?.rotation?.phase.state;
    return state === "restored" || state === "abandoned";
  };
  return settled(after) && !settled(before);
}
