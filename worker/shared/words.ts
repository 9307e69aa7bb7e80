// The words and formats both the API and the web page use, with no runtime dependency (the page
// imports this without pulling in zod): style names, how a test ended, durations and timestamps.
import type { Decision, ThumbnailStyle } from "./contract/common";

/** The one table of style names in words, for the API, the web app and the export alike. */
export const STYLE_LABELS: Record<ThumbnailStyle, string> = {
  FACE_FOCUSED: "Face-focused",
  PRODUCT_DEMO: "Product demo",
  VIRAL: "Viral",
};

/** How a test ended, in the creator's words (first person where the creator acted). */
export const DECISION_WORDS: Record<Decision, string> = {
  winner: "The test proved a winner",
  same: "The variants performed the same",
  manual: "You picked the winner before the test proved it",
  stopped: "You stopped the test",
  timeout: "The test reached its deadline",
};

/** How long something took, for the screen and the export alike. */
export function formatDuration(seconds: number): string {
  if (seconds < 59.5) return `${Math.round(Math.max(0, seconds))} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
}

/** A position in a video as YouTube reads chapter stamps: 0:00, 1:15, 1:02:05. */
export function timestamp(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = Math.floor(seconds % 60);
  const mm = h > 0 ? String(m).padStart(2, "0") : String(m);
  return `${h > 0 ? `${h}:` : ""}${mm}:${String(s).padStart(2, "0")}`;
}
