// The shape of one rule of the core, and the few helpers every rule uses to answer.
import type { WorkflowStatus } from "../../shared/contract";
import type { PhaseState } from "../rotation/phase";
import type { Command, CommandType, Transition, WorkflowEvent } from "./commands";
import { MAX_NOTICES, type WorkflowRecord } from "./record";

export type CommandOf<T extends CommandType> = Extract<Command, { type: T }>;

export interface Rule<T extends CommandType> {
  /** The statuses in which the command is legal; anywhere else it is refused with a 409. */
  from: readonly WorkflowStatus[];
  /** A rotation's command: the rotation phases in which it is legal (a stale call after a stop is refused). */
  phases?: readonly PhaseState[];
  /** For the refusal: "Cannot <action>: the workflow is …". */
  action: string;
  apply(record: WorkflowRecord, command: CommandOf<T>, now: number): Transition;
}

export const done = (record: WorkflowRecord, events: WorkflowEvent[] = []): Transition => ({ ok: true, record, events });

/** Moves to a new status and reports it; the one place a status changes. */
export function move(record: WorkflowRecord, to: WorkflowStatus, now: number, changes: Partial<WorkflowRecord> = {}): Transition {
  const next = { ...record, ...changes, status: to, updated_at: now };
  const events: WorkflowEvent[] = [{ type: "status_changed", from: record.status, to, at: now }];
  if (to === "completed" && next.ab) events.push({ type: "test_completed", at: now });
  return done(next, events);
}

export function withNotice(t: Transition, text: string | undefined): Transition {
  if (!t.ok || !text) return t;
  return done({ ...t.record, notices: [...t.record.notices, text].slice(-MAX_NOTICES) }, [...t.events, { type: "notice", text }]);
}
