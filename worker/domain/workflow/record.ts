// The stored form of one workflow, and the small pure readers every other module shares.
import type {
  ActivityEntry,
  Legibility,
  Script,
  ScriptRevision,
  TargetLength,
  ThumbnailStyle,
  TrendReport,
  WorkflowStatus,
} from "../../shared/contract";
import { DEFAULT_TARGET, DEFAULT_WORDS_PER_MINUTE } from "../../shared/script-length";
import type { AbTestRecord } from "../ab-test";

export interface WorkflowRecord {
  id: string;
  owner_id: string;
  topic: string;
  niche: string | null;
  audience: string | null;
  tone: string | null;
  /** The length and speaking pace the scripts are written for; absent on records from before the choice existed. */
  length?: ScriptLength;
  status: WorkflowStatus;
  created_at: number;
  updated_at: number;
  trends: TrendReport | null;
  script_revisions: ScriptRevision[];
  /** Set on approval, so the thumbnail step knows its script; cleared if that step fails. */
  approved_script_id: string | null;
  /** The creator's feedback while a revision is being written. */
  pending_feedback?: string | null;
  thumbnails: StoredThumbnail[];
  selected_thumbnail_id: string | null;
  ab: AbTestRecord | null;
  /** Why a provider fell back or a step failed, for the creator to see. */
  notices: string[];
  /** The real chapter times the creator entered after recording; absent while the package estimates them. */
  chapters?: { start_seconds: number; title: string }[];
  error: string | null;
  /** Who approved, rejected, edited, selected, declared or stopped, and when; newest last (records from before it are upgraded to empty). */
  activity: ActivityEntry[];
}

/** A thumbnail as stored; the API's URLs are derived from it in ../view. */
export interface StoredThumbnail {
  id: string;
  style: ThumbnailStyle;
  prompt: string;
  headline: string;
  /** Which headline and palette candidate the embedded renderer drew (0 first, then each redraw). */
  variation: number;
  /** An image made elsewhere (Pollinations), shown as is. */
  external_url: string | null;
  /** The creator's own image, stored by the Durable Object. */
  upload: "image/png" | "image/jpeg" | null;
  /** Bumped on every redraw or upload, so cached copies of the old image are not shown. */
  version: number;
  /** How it was drawn; absent on thumbnails stored before image models (read as embedded). */
  look?: ThumbnailLook;
}

/** What the legibility check added to a headline (worker/providers/headline-layer.ts draws it). */
export interface HeadlineTreatment {
  stroke: boolean;
  shadow: boolean;
  panel: boolean;
  /** Multiplies the box's largest type size (1 = as designed). */
  scale: number;
}

/** Who drew the art and how the headline was set to read at 168 px. */
export interface ThumbnailLook {
  /** "embedded", or the image model's name ("workers-ai:@cf/…", "openai:gpt-image-1"). */
  source: string;
  /** SHA-256 of the model's background, kept in R2 as art/<hash>.jpg; null for the vector art. */
  art: string | null;
  /** Why the configured image model was not used, for the card. */
  note: string | null;
  treatment: HeadlineTreatment;
  legibility: Legibility | null;
}

export interface ScriptLength {
  target: TargetLength;
  words_per_minute: number;
}

export interface StartInput {
  topic: string;
  niche?: string;
  audience?: string;
  tone?: string;
  target_length?: TargetLength;
  words_per_minute?: number;
}

/** The record's length, with the defaults for records stored before the choice existed. */
export const lengthOf = (r: Pick<WorkflowRecord, "length">): ScriptLength =>
  r.length ?? { target: DEFAULT_TARGET, words_per_minute: DEFAULT_WORDS_PER_MINUTE };

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
    length: { target: input.target_length ?? DEFAULT_TARGET, words_per_minute: input.words_per_minute ?? DEFAULT_WORDS_PER_MINUTE },
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
    activity: [],
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

/** Thumbnails from a designer's output, each with a fresh random id (its URL's capability). */
export function thumbnailsFromDesigns(
  designs: { style: ThumbnailStyle; prompt: string; headline: string; variation?: number; external_url?: string; look?: ThumbnailLook }[],
  newId: () => string,
): StoredThumbnail[] {
  return designs.map((d) => ({
    id: newId(),
    style: d.style,
    prompt: d.prompt,
    headline: d.headline,
    variation: d.variation ?? 0,
    external_url: d.external_url ?? null,
    upload: null,
    version: 0,
    ...(d.look ? { look: d.look } : {}),
  }));
}

export const findThumbnail = (record: WorkflowRecord, id: string): StoredThumbnail | undefined =>
  record.thumbnails.find((t) => t.id === id);
