// Who did what: a creator command carries its actor (`by`), and an accepted one leaves an entry
// in the record's activity log. A command without `by` comes from the app itself.
import { type ActivityEntry, type Actor, SYSTEM_ACTOR } from "../../shared/contract";
import type { Command, Transition } from "./commands";

/** Entries kept per workflow, newest last (redraws are unbounded; the gate decisions are few). */
export const MAX_ACTIVITY = 200;

export const actorOf = (command: Command): Actor => ("by" in command && command.by) || SYSTEM_ACTOR;

/** The log entry an accepted command leaves; null for the app's own commands and for metrics. */
export function activityOf(command: Command, now: number): ActivityEntry | null {
  if (!("by" in command) || !command.by) return null;
  const by = { actor: command.by, at: new Date(now).toISOString() };
  switch (command.type) {
    case "approve":
      return { action: "approve", script_id: command.script_id, ...by };
    case "reject":
      return { action: "reject", feedback: command.feedback?.trim() || null, ...by };
    case "edit_script":
      return { action: "edit_script", script_id: command.edit.script_id, new_script_id: command.new_id, ...by };
    case "set_chapters":
      return { action: "set_chapters", reset: command.chapters === null, ...by };
    case "redraw_thumbnail":
      return { action: "redraw_thumbnail", thumbnail_id: command.thumbnail_id, ...by };
    case "upload_thumbnail":
      return { action: "upload_thumbnail", thumbnail_id: command.thumbnail_id, ...by };
    case "select":
      return { action: "select", thumbnail_id: command.thumbnail_id, analytics_source: command.source, ...by };
    case "declare":
      return { action: "declare", thumbnail_id: command.thumbnail_id, ...by };
    case "stop":
      return { action: "stop", ...by };
  }
}

/** An accepted command's transition with its entry appended to the log. */
export function withActivity(t: Transition, command: Command, now: number): Transition {
  const entry = t.ok ? activityOf(command, now) : null;
  if (!t.ok || !entry) return t;
  return { ...t, record: { ...t.record, activity: [...t.record.activity, entry].slice(-MAX_ACTIVITY) } };
}
