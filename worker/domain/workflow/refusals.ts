// The refusals more than one rule gives, worded once.
import { type Refusal, conflict, invalid } from "../refusal";
import type { Transition } from "./commands";
import { MAX_SCRIPT_REVISIONS, type WorkflowRecord } from "./record";

export const refused = (refusal: Refusal): Transition => ({ ok: false, refusal });
export const unknownScript = (): Transition => refused(invalid([{ path: "script_id", message: "is not one of this workflow's scripts" }]));
export const unknownThumbnail = (): Transition =>
  refused(invalid([{ path: "thumbnail_id", message: "is not one of this workflow's thumbnails" }]));

/** A refusal when another revision would pass the cap, else null. */
export const revisionCap = (r: WorkflowRecord): Transition | null =>
  r.script_revisions.length >= MAX_SCRIPT_REVISIONS
    ? refused(conflict(`This workflow already has ${MAX_SCRIPT_REVISIONS} script revisions; approve one or start a new workflow.`))
    : null;
