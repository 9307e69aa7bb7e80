// The stored form of one workflow, and the small pure readers every other module shares.
import type { Script, ScriptRevision, Thumbnail, TrendReport, WorkflowStatus } from "../../shared/contract";
import type { AbTestRecord } from "../ab-test";

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
  /** Set on approval, so the thumbnail step knows its script; cleared if that step fails. */
  approved_script_id: string | null;
  /** The creator's feedback while a revision is being written. */
  pending_feedback?: string | null;
  thumbnails: Thumbnail[];
  /** Each embedded thumbnail's headline, for rendering; not part of the API. */
  headlines?: Record<string, string>;
  selected_thumbnail_id: string | null;
  ab: AbTestRecord | null;
  /** Why a provider fell back or a step failed, for the creator to see. */
  notices: string[];
  error: string | null;
}

export interface StartInput {
  topic: string;
  niche?: string;
  audience?: string;
  tone?: string;
}

/** The most script revisions one workflow keeps; each is a few KB of stored state. */
export const MAX_SCRIPT_REVISIONS = 20;
/** Notices kept per workflow, newest last. */
export const MAX_NOTICES = 20;

export function newWorkflow(id: string, ownerId: string, input: StartInput, now: number): WorkflowRecord {
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
    pending_feedback: null,
    thumbnails: [],
    selected_thumbnail_id: null,
    ab: null,
    notices: [],
    error: null,
  };
}

export const currentScripts = (record: WorkflowRecord): Script[] => record.script_revisions.at(-1)?.scripts ?? [];
export const allScripts = (record: WorkflowRecord): Script[] => record.script_revisions.flatMap((r) => r.scripts);
export const findScript = (record: WorkflowRecord, scriptId: string): Script | undefined =>
  allScripts(record).find((s) => s.id === scriptId);

/** The provider step a status is waiting for; the Durable Object runs it and reports back with a command. */
export type Step = "trends" | "scripts" | "thumbnails";
const STEPS: Partial<Record<WorkflowStatus, Step>> = {
  researching_trends: "trends",
  generating_scripts: "scripts",
  generating_thumbnails: "thumbnails",
};
export const pendingStep = (record: WorkflowRecord): Step | null => STEPS[record.status] ?? null;

/** What the creator sees while a step runs. Typical times are for a hosted LLM; offline providers take under a second. */
export const STEP_DISPLAY: Record<Step, { name: string; typical_seconds: number }> = {
  trends: { name: "finding trends", typical_seconds: 3 },
  scripts: { name: "writing scripts", typical_seconds: 20 },
  thumbnails: { name: "drawing thumbnails", typical_seconds: 5 },
};

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
