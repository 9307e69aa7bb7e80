// Outside services sit behind these interfaces; the Durable Object only sees them.
// Offline defaults implement every one, so the app runs with no network and no keys.
import type { Script, ThumbnailStyle, TrendReport } from "../shared/contract";

export interface TrendsInput {
  topic: string;
  niche: string | null;
  audience: string | null;
}

export interface TrendsProvider {
  readonly name: string;
  research(input: TrendsInput, now: Date): Promise<TrendReport>;
}

export interface TokenUsage {
  model: string;
  prompt_tokens: number;
  completion_tokens: number;
  estimated_cost_usd: number;
}

export interface ScriptInput {
  topic: string;
  niche: string | null;
  audience: string | null;
  tone: string | null;
  trends: TrendReport;
  /** The creator's reason for rejecting the previous revision, if any. */
  feedback: string | null;
  /**
   * Feedback given on earlier revisions, oldest first. Optional; with it, items asked for in
   * revision 2 stay covered in revision 3 (the offline writer accumulates them).
   */
  earlier_feedback?: string[];
  /** Every script already shown, so a new revision does not repeat them. */
  previous: Script[];
  /** 1 for the first set, 2 after the first rejection, and so on. */
  revision: number;
  count: number;
  /** The spoken length to write for, in seconds (TARGET_SECONDS); 3 minutes when absent. */
  target_seconds?: number;
  /** The speaking pace durations assume; 150 words a minute when absent. */
  words_per_minute?: number;
}

export interface ScriptResult {
  scripts: Script[];
  /** Which generator wrote them, e.g. "offline" or "openai:gpt-4o-mini". */
  source: string;
  usage: TokenUsage[];
  /** Set when the configured provider failed and the offline generator stood in. */
  fallback: { reason: string } | null;
  /** What the creator's feedback changed, one sentence each (the offline writer fills it). */
  applied?: string[];
  /** Feedback the writer could not act on, one sentence each, to show next to the revision. */
  feedback_notes?: string[];
}

export interface ScriptWriter {
  readonly name: string;
  write(input: ScriptInput): Promise<ScriptResult>;
}

export interface ThumbnailInput {
  topic: string;
  script: Script;
  styles: readonly ThumbnailStyle[];
  /** The workflow's niche, to help tell what kind of topic this is (a place, a recipe...). */
  niche?: string | null;
  /** 0 for the first design; 1, 2... to regenerate a variant with another headline and palette. */
  variation?: number;
  /** The creator's "My face" photos (JPEG), and the styles that use them as model references. */
  references?: { images: Uint8Array[]; styles: readonly ThumbnailStyle[] };
}

export interface ThumbnailDesign {
  style: ThumbnailStyle;
  prompt: string;
  /** Headline text drawn on the image. */
  headline: string;
  /** Which headline and palette candidate this is; pass it back to renderThumbnailSvg. */
  variation?: number;
  /** An external image URL; when absent the Worker serves the embedded SVG rendering. */
  external_url?: string;
  /** An image model's background, 1280×720 JPEG, decoded and re-encoded; the headline goes over it. */
  art?: Uint8Array;
  /** Who drew the art ("embedded" or the model's name). */
  source?: string;
  /** Why the configured model was not used for this variant. */
  note?: string;
}

export interface ThumbnailDesigner {
  readonly name: string;
  design(input: ThumbnailInput): Promise<ThumbnailDesign[]>;
}
