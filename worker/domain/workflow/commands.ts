// What can be asked of a workflow (commands) and what a transition reports (events).
import type {
  AbHistoryPoint,
  AnalyticsSource,
  Script,
  Thumbnail,
  TokenUsageEntry,
  TrendReport,
  WorkflowStatus,
} from "../../shared/contract";
import type { AbConfig, PushedTotals } from "../ab-test";
import type { Refusal } from "../refusal";
import type { WorkflowRecord } from "./record";

export interface ScriptsResult {
  scripts: Script[];
  source: string;
  usage: TokenUsageEntry[];
  fallback: { reason: string } | null;
}

export type Command =
  // Results of the provider steps, fed back by the Durable Object.
  | { type: "trends_ready"; trends: TrendReport; notice?: string }
  | { type: "scripts_ready"; result: ScriptsResult; notice?: string }
  | { type: "thumbnails_ready"; thumbnails: Thumbnail[]; headlines: Record<string, string>; notice?: string }
  /** A provider step threw, or the object restarted in the middle of one. */
  | { type: "step_failed"; reason: string }
  // The creator's gates.
  | { type: "approve"; script_id: string }
  | { type: "reject"; feedback: string | null }
  | { type: "select"; thumbnail_id: string; source: AnalyticsSource; config: AbConfig; seed: number }
  // The A/B test.
  | { type: "poll" }
  | { type: "push"; metrics: PushedTotals }
  | { type: "expire" }
  | { type: "declare"; thumbnail_id: string }
  | { type: "stop" };

export type CommandType = Command["type"];

/** The commands a request may send; the rest report provider steps and timers from inside the object. */
export type CreatorCommand = Extract<Command, { type: "approve" | "reject" | "select" | "push" | "declare" | "stop" }>;

export type WorkflowEvent =
  | { type: "status_changed"; from: WorkflowStatus | null; to: WorkflowStatus; at: number }
  | { type: "test_completed"; at: number }
  /** One look at the analytics: the history point to store and push to open pages. */
  | { type: "looked"; seq: number; point: AbHistoryPoint }
  | { type: "notice"; text: string };

export type Transition = { ok: true; record: WorkflowRecord; events: WorkflowEvent[] } | { ok: false; refusal: Refusal };
