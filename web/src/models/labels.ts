// Words for states and styles, from one place. The server's own label table (ab_test.labels)
// wins whenever it is sent; STYLE_LABEL is the same table for screens that have no A/B status.
import { STYLE_LABELS } from "../../../worker/shared/words";
import type { AbStatus, RequiredAction, ThumbnailStyle, WorkflowStatus } from "../api/types";

export const STATUS_LABEL: Record<WorkflowStatus, string> = {
  researching_trends: "Finding trends",
  generating_scripts: "Writing scripts",
  awaiting_approval: "Script review",
  generating_thumbnails: "Drawing thumbnails",
  awaiting_thumbnail_selection: "Pick a thumbnail",
  ab_testing: "Testing thumbnails",
  completed: "Finished",
  failed: "Failed",
};

/** The status filter's options say what the creator is looking for, not the state's name. */
export const FILTER_LABEL: Record<WorkflowStatus, string> = {
  ...STATUS_LABEL,
  awaiting_approval: "Waiting for my script choice",
  awaiting_thumbnail_selection: "Waiting for my thumbnail pick",
  ab_testing: "Thumbnail test running",
};
export const ALL_STATUSES = Object.keys(STATUS_LABEL) as WorkflowStatus[];
export const isTerminal = (s: WorkflowStatus) => s === "completed" || s === "failed";

/** A workflow "needs you" when it is parked at a human gate. */
export const needsYou = (a: RequiredAction | null) => a === "script_approval" || a === "thumbnail_selection";

/** The server's one table of style names; used where no A/B status carries `labels`. */
export const STYLE_LABEL: Record<ThumbnailStyle, string> = STYLE_LABELS;

/** The label of a test's variant: the server's words, else the shared table. */
export function variantLabel(ab: Pick<AbStatus, "labels" | "variants"> | null, id: string | null, style?: ThumbnailStyle) {
  if (!id) return "";
  const fromServer = ab?.labels?.[id];
  if (fromServer) return fromServer;
  const s = style ?? ab?.variants.find((v) => v.thumbnail_id === id)?.style;
  return s ? STYLE_LABEL[s] : "";
}

/** The writer named in words, so "offline" never reads like an AI model. */
export function writerName(source: string, fallbackReason: string | null) {
  if (fallbackReason) return `the built-in offline writer, because the AI model failed (${fallbackReason})`;
  if (source === "offline") return "the built-in offline writer; connect an AI model for real scripts";
  if (source === "edited") return "you (edited by hand)";
  const model = source.replace(/^openai:/, "");
  return `the AI model ${model}`;
}
