// The workflow's own timers, as data: when each is due and what it does. Most send a command to
// the core; a rotation's timers name a call to YouTube (an effect) that the Durable Object makes
// before it reports the outcome as a command. The object adds its infrastructure timers (webhook
// retries, index repair) beside these and runs them all from its one alarm.
import { isRunning } from "../ab-test";
import { nextSwap } from "../rotation/calendar";
import type { Command } from "./commands";
import type { WorkflowRecord } from "./record";

/** A call to YouTube a rotation needs: the day's swap, a look for new reports, the restore at the end. */
export type RotationEffect = "swap" | "data" | "restore";

export type WorkflowTimer = { name: string; at: number } & ({ command: Command } | { effect: RotationEffect });

export function workflowTimers(record: WorkflowRecord | null, now: number): WorkflowTimer[] {
  const ab = record?.ab;
  const rotation = ab?.rotation;
  // The restore outlives the test: it is retried until the winner or the original is back.
  if (rotation?.restore && rotation.restore.done_at === null && !rotation.restore.abandoned)
    return [{ name: "rotation-restore", at: rotation.restore.next_at, effect: "restore" }];
  if (!ab || record.status !== "ab_testing") return [];
  // The deadline comes first: when both are due, the test ends instead of taking one more look.
  const timers: WorkflowTimer[] = [{ name: "deadline", at: ab.deadline_at, command: { type: "expire" } }];
  if (ab.next_poll_at !== null && ab.next_poll_at < ab.deadline_at)
    timers.push({ name: "poll", at: ab.next_poll_at, command: { type: "poll" } });
  if (rotation && isRunning(ab)) {
    const swap = nextSwap(rotation, now);
    if (swap) timers.push({ name: "rotation-swap", at: swap.at, effect: "swap" });
    timers.push({ name: "rotation-data", at: rotation.next_data_check_at, effect: "data" });
  }
  return timers;
}
