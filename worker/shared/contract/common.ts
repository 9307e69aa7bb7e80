// Enumerations and small shapes every other part of the contract uses. Zod first: each type is
// inferred from its schema, so the routes, the OpenAPI document and the web app read one source.
import { z } from "zod";
import { TARGET_LENGTHS } from "../script-length";

export const WorkflowStatus = z.enum([
  "researching_trends",
  "generating_scripts",
  "awaiting_approval",
  "generating_thumbnails",
  "awaiting_thumbnail_selection",
  "ab_testing",
  "completed",
  "failed",
]);
export type WorkflowStatus = z.infer<typeof WorkflowStatus>;

export const RequiredAction = z.enum(["script_approval", "thumbnail_selection", "ab_test_monitoring"]);
export type RequiredAction = z.infer<typeof RequiredAction>;

export const ThumbnailStyle = z.enum(["FACE_FOCUSED", "PRODUCT_DEMO", "VIRAL"]);
export type ThumbnailStyle = z.infer<typeof ThumbnailStyle>;

export const TargetLength = z.enum(TARGET_LENGTHS).describe("short: under 60 s; 3min, 8min, 12min: about that long");
export type TargetLength = z.infer<typeof TargetLength>;

export const AnalyticsSource = z.enum(["simulated", "external", "youtube"]);
export type AnalyticsSource = z.infer<typeof AnalyticsSource>;

export const Decision = z.enum(["winner", "same", "manual", "stopped", "timeout"]);
export type Decision = z.infer<typeof Decision>;

/**
 * winner: proven best (family-wise error ≤ α). preferred: proven better than your pick, not
 * proven best. same: no variant beats another by δ or more. inconclusive: nothing proven.
 */
export const Verdict = z.enum(["winner", "preferred", "same", "inconclusive"]);
export type Verdict = z.infer<typeof Verdict>;

export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type Problem = z.infer<typeof Problem>;

export const Interval = z.object({ lower: z.number(), upper: z.number() });
export type Interval = z.infer<typeof Interval>;

export const requiredActionFor = (status: WorkflowStatus): RequiredAction | null =>
  status === "awaiting_approval"
    ? "script_approval"
    : status === "awaiting_thumbnail_selection"
      ? "thumbnail_selection"
      : status === "ab_testing"
        ? "ab_test_monitoring"
        : null;

export { DECISION_WORDS, STYLE_LABELS, formatDuration, timestamp } from "../words";
