// The API shapes the web app reads: the contract's types, widened by the fields the API is
// gaining (status line, progress, threshold, labels, Studio export, revision notes, PNGs). Every
// new field is optional here, so the app keeps working against a server that does not send it
// yet; once the contract declares a field, the intersection simply agrees with it.
import type * as C from "../../../worker/shared/contract";

export type {
  AbHistoryPoint,
  Decision,
  Interval,
  Problem,
  RequiredAction,
  Script,
  StartWorkflowRequest,
  ThumbnailStyle,
  TokenResponse,
  UsageTotals,
  VariantStats,
  WorkflowStatus,
} from "../../../worker/shared/contract";

export type SummaryState = "collecting" | "ahead" | "winner" | "preferred" | "same" | "picked" | "inconclusive";
export interface AbSummary {
  state: SummaryState;
  leader_id: string | null;
  text: string;
}
export interface AbProgress {
  fraction: number;
  impressions_per_variant: number;
  needed_impressions_per_variant: number | null;
  eta_seconds: number | null;
  /** What the test is heading for at the present effect: a winner, "performed the same", or unknown. */
  toward?: "winner" | "same" | null;
  text: string;
}
export type Verdict = C.Verdict | "same";

export type AbStatus = Omit<C.AbStatus, "verdict"> & {
  verdict: Verdict | null;
  confidence_threshold?: number;
  summary?: AbSummary;
  progress?: AbProgress;
  interval_level?: number;
  labels?: Record<string, string>;
  probability_wrong_if_declared?: Record<string, number> | null;
};

export type AbHistory = C.AbHistory & { total_points?: number };

/** `feedback_applied`: what the writer did with the feedback; `feedback_notes`: what it could not apply, and why. */
export type ScriptRevision = C.ScriptRevision & { feedback_applied?: string[]; feedback_notes?: string[]; edited_from?: string | null };

export type Thumbnail = C.Thumbnail & { headline?: string; png_url?: string };

export interface GenerationStep {
  name: string;
  typical_seconds: number;
}

export type WorkflowState = Omit<C.WorkflowState, "ab_test" | "script_revisions" | "thumbnails"> & {
  ab_test: AbStatus | null;
  script_revisions: ScriptRevision[];
  thumbnails: Thumbnail[];
  step?: GenerationStep | null;
};

/**
 * What a dashboard row can show beyond the status. The list endpoint does not send it yet; the
 * fields are the ones the row needs (see web/README.md, "What the list endpoint should return").
 */
export interface RowPreview {
  thumbnail_url: string | null;
  leader_label: string | null;
  leader_ctr: number | null;
  status_text: string | null;
  time_to_result_seconds: number | null;
  analytics_source: C.AnalyticsSource | null;
}
export type WorkflowSummary = C.WorkflowSummary & { preview?: RowPreview | null };
export interface WorkflowList {
  items: WorkflowSummary[];
  next_cursor: string | null;
}

export interface StudioPackage {
  title_options: string[];
  description: string;
  tags: string[];
  chapters: { start_seconds: number; title: string }[];
  /** Absent from an older server: read as estimated. */
  chapter_times?: "estimated" | "yours";
  thumbnail_png_url: string;
}

export type Results = Omit<C.Results, "winning_content" | "ab_test_summary"> & {
  winning_content: { script: C.Script; thumbnail: Thumbnail };
  ab_test_summary: Omit<C.Results["ab_test_summary"], "verdict"> & {
    verdict: Verdict | null;
    analytics_source?: C.AnalyticsSource;
    picked_before_proof?: boolean;
    confidence_threshold?: number;
  };
  studio?: StudioPackage;
};

export type LiveMessage = { type: "state"; workflow: WorkflowState } | { type: "poll"; ab_test: AbStatus; point: C.AbHistoryPoint };
