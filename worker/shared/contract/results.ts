// The finished workflow: the winning script and thumbnail with the test that chose them.
import { z } from "zod";
import { VariantStats } from "./ab";
import { Decision, Verdict } from "./common";
import { ScriptSchema, Thumbnail, UsageTotals } from "./workflow";

export const Results = z.object({
  workflow_id: z.string(),
  topic: z.string(),
  winning_content: z.object({ script: ScriptSchema, thumbnail: Thumbnail }),
  ab_test_summary: z.object({
    duration_seconds: z.number(),
    confidence: z.number(),
    total_impressions: z.number().int(),
    variants: z.array(VariantStats),
    decision: Decision,
    verdict: Verdict.nullable(),
    explanation: z.string().nullable(),
    winner_id: z.string(),
  }),
  usage: UsageTotals,
  export_ready: z.literal(true),
});
export type Results = z.infer<typeof Results>;
