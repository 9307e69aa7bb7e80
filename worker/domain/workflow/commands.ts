// What can be asked of a workflow (commands) and what a transition reports (events).
import type {
  AbHistoryPoint,
  Actor,
  AnalyticsSource,
  EditScriptRequest,
  Script,
  TokenUsageEntry,
  TrendReport,
  WorkflowStatus,
} from "../../shared/contract";
import type { AbConfig, PushedTotals } from "../ab-test";
import type { FailureKind, ReportDay } from "../rotation/progress";
import type { RotationSetup } from "../rotation/record";
import type { Refusal } from "../refusal";
import type { StoredThumbnail, ThumbnailLook, WorkflowRecord } from "./record";

export interface ScriptsResult {
  scripts: Script[];
  source: string;
  usage: TokenUsageEntry[];
  fallback: { reason: string } | null;
  applied?: string[];
  feedback_notes?: string[];
}

export type Command =
  // Results of the provider steps, fed back by the Durable Object.
  | { type: "trends_ready"; trends: TrendReport; notice?: string }
  | { type: "scripts_ready"; result: ScriptsResult; notice?: string }
  | { type: "thumbnails_ready"; thumbnails: StoredThumbnail[]; notice?: string }
  /** A provider step threw, or the object restarted in the middle of one. */
  | { type: "step_failed"; reason: string }
  // The creator's gates.
  // `by`: the member or API key that asked (worker/domain/workflow/activity.ts logs it); absent, the app.
  | { type: "approve"; script_id: string; by?: Actor }
  | { type: "reject"; feedback: string | null; by?: Actor }
  /** The creator's own version of a script, kept as a revision of its own. */
  | { type: "edit_script"; edit: EditScriptRequest; new_id: string; by?: Actor }
  /** The real chapter times after recording (null: back to the estimates). */
  | { type: "set_chapters"; chapters: { start_seconds: number; title: string }[] | null; by?: Actor }
  /** A new design for one thumbnail (a provider call made outside the core). */
  | {
      type: "redraw_thumbnail";
      thumbnail_id: string;
      headline: string;
      prompt: string;
      variation: number;
      external_url: string | null;
      look?: ThumbnailLook;
      by?: Actor;
    }
  /** The creator's own image replaces one variant; the Durable Object stores the bytes. */
  | { type: "upload_thumbnail"; thumbnail_id: string; content_type: "image/png" | "image/jpeg"; by?: Actor }
  /** `rotation` is the checked video and plan, for source "youtube" (resolved by the Durable Object). */
  | {
      type: "select";
      thumbnail_id: string;
      source: AnalyticsSource;
      config: AbConfig;
      seed: number;
      rotation?: RotationSetup;
      /** What the creator should know about the linked video (it is under 2 days old). */
      notice?: string;
      by?: Actor;
    }
  // The A/B test.
  | { type: "poll" }
  | { type: "push"; metrics: PushedTotals }
  | { type: "expire" }
  | { type: "declare"; thumbnail_id: string; by?: Actor }
  /** `reason` when the app ends the test itself (the channel was disconnected). */
  | { type: "stop"; reason?: string; by?: Actor }
  // A YouTube rotation: what the Durable Object's calls to YouTube did.
  | { type: "rotation_swapped"; date: string; target: string; units: number; detail: string | null }
  | ({ type: "rotation_swap_failed"; date: string; target: string; units: number } & Failure)
  /** `seen`: every report version read this time (each is read once), `reports` the rotation's days among them. */
  | { type: "rotation_data"; reports: ReportDay[]; seen: string[]; watch: { date: string; minutes: number }[] }
  | ({ type: "rotation_data_failed" } & Failure)
  | { type: "rotation_restored"; date: string; target: string; units: number }
  | ({ type: "rotation_restore_failed"; date: string; target: string; units: number } & Failure)
  /** The channel was disconnected after a failed restore: nothing more can be done for the video. */
  | { type: "rotation_abandoned"; reason?: string };

/** A failed call to YouTube: its kind decides the retry; `hint` is YouTube's own retry time (its clock). */
export interface Failure {
  failure: FailureKind;
  reason: string;
  hint: number | null;
}

export type CommandType = Command["type"];

/** The commands a request may send; the rest report provider steps and timers from inside the object. */
export type CreatorCommand = Extract<
  Command,
  // Not upload_thumbnail: its bytes must commit with it, so only uploadThumbnail() sends it.
  { type: "approve" | "reject" | "edit_script" | "set_chapters" | "select" | "push" | "declare" | "stop" }
>;

export type WorkflowEvent =
  | { type: "status_changed"; from: WorkflowStatus | null; to: WorkflowStatus; at: number }
  | { type: "test_completed"; at: number }
  /** One look at the analytics: the history point to store and push to open pages. */
  | { type: "looked"; seq: number; point: AbHistoryPoint }
  | { type: "notice"; text: string }
  /** Something the creator sees changed without a change of status (an edit, a redraw). */
  | { type: "updated"; what: string }
  /** A rotation's news for integrators (webhooks) and open pages. */
  | { type: "youtube"; what: YouTubeNews; detail: Record<string, unknown> };

export type YouTubeNews = "swap_applied" | "swap_failed" | "reconnect_needed" | "data_arrived" | "restored" | "restore_failed";

export type Transition = { ok: true; record: WorkflowRecord; events: WorkflowEvent[] } | { ok: false; refusal: Refusal };
