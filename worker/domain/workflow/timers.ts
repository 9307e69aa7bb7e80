// The workflow's own timers, as data: when each is due and which command it sends to the core.
// The Durable Object adds its infrastructure timers (webhook retries, index repair) beside these
// and runs them all from its one alarm; a new timer (a daily thumbnail swap, a report fetch) is
// one more entry here.
import type { Command } from "./commands";
import type { WorkflowRecord } from "./record";

export interface WorkflowTimer {
  name: string;
  at: number;
  command: Command;
}

export function workflowTimers(record: WorkflowRecord | null): WorkflowTimer[] {
  const ab = record?.status === "ab_testing" ? record.ab : null;
  if (!ab) return [];
  // The deadline comes first: when both are due, the test ends instead of taking one more look.
  const timers: WorkflowTimer[] = [{ name: "deadline", at: ab.deadline_at, command: { type: "expire" } }];
  if (ab.next_poll_at !== null && ab.next_poll_at < ab.deadline_at)
    timers.push({ name: "poll", at: ab.next_poll_at, command: { type: "poll" } });
  return timers;
}
