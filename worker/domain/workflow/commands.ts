// What can be asked of a workflow (commands) and what a transition reports (events).
import type {
  AbHistoryPoint,
  AnalyticsSource,
  EditScriptRequest,
  Script,
  TokenUsageEntry,
  TrendReport,
  WorkflowStatus,
} from "../../shared/contract";
import type { AbConfig, PushedTotals } from "../ab-test";
import type { Refusal } from "../refusal";
import type { StoredThumbnail, WorkflowRecord } from "./record";

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
  | { type: "approve"; script_id: string }
  | { type: "reject"; feedback: string | null }
  /** The creator's own version of a script, kept as a revision of its own. */
  | { type: "edit_script"; edit: EditScriptRequest; new_id: string }
  /** A new design for one thumbnail (a provider call made outside the core). */
  | { type: "redraw_thumbnail"; thumbnail_id: string; headline: string; prompt: string; variation: number; external_url: string | null }
  /** The creator's own image replaces one variant; the Durable Object stores the bytes. */
  | { type: "upload_thumbnail"; thumbnail_id: string; content_type: "image/png" | "image/jpeg" }
  | { type: "select"; thumbnail_id: string; source: AnalyticsSource; config: AbConfig; seed: number }
  // The A/B test.
  | { type: "poll" }
  | { type: "push"; metrics: PushedTotals }
  | { type: "expire" }
  | { type: "declare"; thumbnail_id: string }
  | { type: "stop" };

export type CommandType = Command["type"];

/** The commands a request may send; the rest report provider steps and timers from inside the object. */
export type CreatorCommand = Extract<
  Command,
  // Not upload_thumbnail: its bytes must commit with it, so only uploadThumbnail() sends it.
  { type: "approve" | "reject" | "edit_script" | "select" | "push" | "declare" | "stop" }
>;

export type WorkflowEvent =
  | { type: "status_changed"; from: WorkflowStatus | null; to: WorkflowStatus; at: number }
  | { type: "test_completed"; at: number }
  /** One look at the analytics: the history point to store and push to open pages. */
  | { type: "looked"; seq: number; point: AbHistoryPoint }
  | { type: "notice"; text: string }
  /** Something the creator sees changed without a change of status (an edit, a redraw). */
  | { type: "updated"; what: string };

export type Transition = { ok: true; record: WorkflowRecord; events: WorkflowEvent[] } | { ok: false; refusal: Refusal };
