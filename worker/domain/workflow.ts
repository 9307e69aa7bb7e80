// The workflow's state machine: pure functions from (record, input, clock) to a new record.
// No I/O here; the Durable Object calls providers and persists what these return.
import {
  type Script,
  type ScriptRevision,
  type Thumbnail,
  type TokenUsageEntry,
  type TrendReport,
  type WorkflowStatus,
  requiredActionFor,
} from "../shared/contract";
import type { AbTestRecord } from "./ab-test";
import { conflict, invalid } from "./errors";

export interface WorkflowRecord {
  id: string;
  owner_id: string;
  topic: string;
  niche: string | null;
  audience: string | null;
  tone: string | null;
  status: WorkflowStatus;
  created_at: number;
  updated_at: number;
  trends: TrendReport | null;
  script_revisions: ScriptRevision[];
  approved_script_id: string | null;
  thumbnails: Thumbnail[];
  selected_thumbnail_id: string | null;
  ab: AbTestRecord | null;
  /** Why a provider fell back or a step failed, for the creator to see. */
  notices: string[];
  error: string | null;
}

/** Which statuses may move to which: anything else is a 409. */
const TRANSITIONS: Record<WorkflowStatus, readonly WorkflowStatus[]> = {
  researching_trends: ["generating_scripts", "failed"],
  generating_scripts: ["awaiting_approval", "failed"],
  awaiting_approval: ["generating_scripts", "generating_thumbnails"],
  generating_thumbnails: ["awaiting_thumbnail_selection", "awaiting_approval"],
  awaiting_thumbnail_selection: ["ab_testing"],
  ab_testing: ["completed"],
  completed: [],
  failed: [],
};

export function canMove(from: WorkflowStatus, to: WorkflowStatus): boolean {
  return TRANSITIONS[from]?.includes(to) ?? false;
}

export function moveTo(record: WorkflowRecord, to: WorkflowStatus, now: number): WorkflowRecord {
  if (!canMove(record.status, to)) {
    throw conflict(`The workflow is '${record.status}' and cannot move to '${to}'.`);
  }
  return { ...record, status: to, updated_at: now };
}

export function requireStatus(record: WorkflowRecord, expected: WorkflowStatus, action: string): void {
  if (record.status !== expected) {
    throw conflict(`Cannot ${action}: the workflow is '${record.status}', not '${expected}'.`);
  }
}

export function newWorkflow(
  id: string,
  ownerId: string,
  input: { topic: string; niche?: string; audience?: string; tone?: string },
  now: number,
): WorkflowRecord {
  return {
    id,
    owner_id: ownerId,
    topic: input.topic,
    niche: input.niche || null,
    audience: input.audience || null,
    tone: input.tone || null,
    status: "researching_trends",
    created_at: now,
    updated_at: now,
    trends: null,
    script_revisions: [],
    approved_script_id: null,
    thumbnails: [],
    selected_thumbnail_id: null,
    ab: null,
    notices: [],
    error: null,
  };
}

export function currentScripts(record: WorkflowRecord): Script[] {
  return record.script_revisions.at(-1)?.scripts ?? [];
}

export function allScripts(record: WorkflowRecord): Script[] {
  return record.script_revisions.flatMap((r) => r.scripts);
}

export function withTrends(record: WorkflowRecord, trends: TrendReport, now: number): WorkflowRecord {
  return { ...moveTo(record, "generating_scripts", now), trends };
}

export function withScriptRevision(
  record: WorkflowRecord,
  result: { scripts: Script[]; source: string; usage: TokenUsageEntry[]; fallback: { reason: string } | null },
  feedback: string | null,
  now: number,
): WorkflowRecord {
  const revision: ScriptRevision = {
    revision: record.script_revisions.length + 1,
    feedback,
    created_at: new Date(now).toISOString(),
    source: result.source,
    fallback_reason: result.fallback?.reason ?? null,
    usage: result.usage,
    scripts: result.scripts,
  };
  return { ...moveTo(record, "awaiting_approval", now), script_revisions: [...record.script_revisions, revision] };
}

export function findCurrentScript(record: WorkflowRecord, scriptId: string): Script {
  const script = currentScripts(record).find((s) => s.id === scriptId);
  if (!script) throw invalid("script_id", "is not one of the current script variants");
  return script;
}

export function withThumbnails(record: WorkflowRecord, scriptId: string, thumbnails: Thumbnail[], now: number): WorkflowRecord {
  return {
    ...moveTo(record, "awaiting_thumbnail_selection", now),
    approved_script_id: scriptId,
    thumbnails,
  };
}

/**
 * Thumbnails from a designer's output. Embedded renders are served by the Worker at a path whose
 * random id is the capability; external images keep their own URL. Headlines are kept aside
 * for rendering, since they are not part of the API.
 */
export function thumbnailsFromDesigns(
  workflowId: string,
  designs: { style: Thumbnail["style"]; prompt: string; headline: string; external_url?: string }[],
  newId: () => string,
): { thumbnails: Thumbnail[]; headlines: Record<string, string> } {
  const headlines: Record<string, string> = {};
  const thumbnails = designs.map((d): Thumbnail => {
    const id = newId();
    headlines[id] = d.headline;
    return { id, style: d.style, prompt: d.prompt, url: d.external_url ?? `/api/v1/thumbnails/${workflowId}/${id}.svg` };
  });
  return { thumbnails, headlines };
}

export function findThumbnail(record: WorkflowRecord, thumbnailId: string): Thumbnail {
  const thumbnail = record.thumbnails.find((t) => t.id === thumbnailId);
  if (!thumbnail) throw invalid("thumbnail_id", "is not one of this workflow's thumbnails");
  return thumbnail;
}

/** The most script revisions one workflow keeps; each is a few KB of stored state. */
export const MAX_SCRIPT_REVISIONS = 20;

export function requireRevisionRoom(record: WorkflowRecord): void {
  if (record.script_revisions.length >= MAX_SCRIPT_REVISIONS) {
    throw conflict(`This workflow already has ${MAX_SCRIPT_REVISIONS} script revisions; approve one or start a new workflow.`);
  }
}

const WORKING: readonly WorkflowStatus[] = ["researching_trends", "generating_scripts", "generating_thumbnails"];

/**
 * Where a step that stopped half-way (an error, or the object restarting during a provider call)
 * leaves the workflow: back at the script gate when there are scripts to choose from, else failed.
 * Null when the workflow is not in the middle of a step.
 */
export function afterInterruptedStep(record: WorkflowRecord, why: string, now: number): WorkflowRecord | null {
  if (!WORKING.includes(record.status)) return null;
  if (record.script_revisions.length > 0) {
    return withNotice(moveTo(record, "awaiting_approval", now), `The last step was interrupted (${why}); please try again.`);
  }
  return { ...moveTo(record, "failed", now), error: `The workflow could not be prepared: ${why}` };
}

export function withNotice(record: WorkflowRecord, notice: string): WorkflowRecord {
  return { ...record, notices: [...record.notices, notice].slice(-20) };
}

export { requiredActionFor };
