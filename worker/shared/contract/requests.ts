// What clients send: the schemas the routes validate with (and the OpenAPI document shows).
import { z } from "zod";
import { MAX_WORDS_PER_MINUTE, MIN_WORDS_PER_MINUTE } from "../script-length";
import { AnalyticsSource, TargetLength, WorkflowStatus } from "./common";
import { YouTubeTestSettings } from "./rotation";

const id = z.string().trim().min(1).max(100);
const optionalText = (max: number) => z.string().trim().max(max).optional();

export const RegisterRequest = z.strictObject({
  email: z
    .email()
    .max(254)
    .transform((e) => e.toLowerCase()),
  password: z
    .string()
    .min(10, "must be at least 10 characters")
    .max(200)
    .refine((p) => /[a-zA-Z]/.test(p) && /[^a-zA-Z]/.test(p), "must mix letters with digits or symbols"),
});
export type RegisterRequest = z.infer<typeof RegisterRequest>;

export const LoginRequest = z.object({
  username: z
    .string()
    .trim()
    .min(1)
    .max(254)
    .transform((e) => e.toLowerCase()),
  password: z.string().min(1).max(200),
});
export type LoginRequest = z.infer<typeof LoginRequest>;

export const StartWorkflowRequest = z.strictObject({
  topic: z.string().trim().min(3).max(200),
  niche: optionalText(100),
  audience: optionalText(200),
  tone: optionalText(50),
  target_length: TargetLength.optional().describe("How long the video should be; 3min when omitted"),
  words_per_minute: z
    .number()
    .int()
    .min(MIN_WORDS_PER_MINUTE)
    .max(MAX_WORDS_PER_MINUTE)
    .optional()
    .describe("The creator's speaking pace; 150 when omitted"),
});
export type StartWorkflowRequest = z.infer<typeof StartWorkflowRequest>;

export const ApproveRequest = z.discriminatedUnion("action", [
  z.strictObject({ action: z.literal("approve"), script_id: id }),
  z.strictObject({ action: z.literal("reject"), feedback: optionalText(2000) }),
]);
export type ApproveRequest = z.infer<typeof ApproveRequest>;

export const SelectThumbnailRequest = z
  .strictObject({
    thumbnail_id: id,
    analytics_source: AnalyticsSource.default("simulated"),
    youtube: YouTubeTestSettings.optional().describe("Required with analytics_source 'youtube': the video and what to rotate"),
    planned_impressions: z
      .number()
      .int()
      .min(1000)
      .max(1e9)
      .optional()
      .describe(
        "Only with analytics_source 'external': the most impressions per variant you expect to push before the deadline. The engine spends its error rate up to the smaller of this and what the deadline allows at the traffic it sees, which proves more by the end than a test with no end",
      ),
  })
  .superRefine((body, ctx) => {
    if (body.planned_impressions !== undefined && body.analytics_source !== "external")
      ctx.addIssue({ code: "custom", path: ["planned_impressions"], message: "is only for analytics_source 'external'" });
    if (body.analytics_source === "youtube" && !body.youtube)
      ctx.addIssue({ code: "custom", path: ["youtube"], message: "is required when analytics_source is 'youtube'" });
    if (body.analytics_source !== "youtube" && body.youtube)
      ctx.addIssue({ code: "custom", path: ["youtube"], message: "is only for analytics_source 'youtube'" });
  });
export type SelectThumbnailRequest = z.infer<typeof SelectThumbnailRequest>;

export const EditScriptRequest = z.strictObject({
  script_id: id,
  title: z.string().trim().min(1).max(200).optional(),
  hook: z.string().trim().min(1).max(2000).optional(),
  body: z.string().trim().min(1).max(20000).optional(),
  outline: z.array(z.string().trim().min(1).max(300)).min(1).max(30).optional(),
  call_to_action: z.string().trim().min(1).max(1000).optional(),
});
export type EditScriptRequest = z.infer<typeof EditScriptRequest>;

const ChapterEntry = z.strictObject({ start_seconds: z.number().int().min(0).max(86_400), title: z.string().trim().min(1).max(100) });
export const SetChaptersRequest = z.union([
  z.strictObject({ chapters: z.array(ChapterEntry).min(3).max(100).describe("The real chapter times after recording") }),
  z.strictObject({ text: z.string().min(1).max(10_000).describe('A chapter list as pasted from an editor: one "0:00 Title" per line') }),
  z.strictObject({ reset: z.literal(true).describe("Go back to the estimated times") }),
]);
export type SetChaptersRequest = z.infer<typeof SetChaptersRequest>;

export const DeclareWinnerRequest = z.strictObject({ thumbnail_id: id });
export type DeclareWinnerRequest = z.infer<typeof DeclareWinnerRequest>;

const count = (min: number) => z.number().int().min(min).max(1e12);
const pushedVariants = (min: number) =>
  z
    .array(z.strictObject({ thumbnail_id: id, impressions: count(min), clicks: count(min) }))
    .min(1)
    .max(10);
/** A traffic split: weights per thumbnail_id (normalised, rounded to whole percentages). */
const Split = z.record(id, z.number().min(0).max(1e6));

/**
 * Three forms (README "Integrator contract"). Cumulative totals: one split; a push that changes it
 * makes the rest of the test undeclared (late clicks could not be placed). Split totals and
 * increments: safe when you follow recommended_allocation and clicks arrive late. A test keeps
 * the form of its first push.
 */
export const MetricsPushRequest = z.union([
  z.strictObject({
    variants: pushedVariants(0).describe("Whole-test cumulative totals"),
    allocation: Split.optional().describe(
      "The split in force since the previous push; omitted: undeclared (the recommendation then freezes). A split different from the first one also makes this and every later push undeclared, since late clicks cannot be placed in their split: to change splits, use the split_totals form",
    ),
  }),
  z.strictObject({
    splits: z
      .array(z.strictObject({ allocation: Split, variants: pushedVariants(0) }))
      .min(1)
      .max(64)
      .describe("Cumulative totals per split: impressions served under it and the clicks on them, late ones included"),
  }),
  z.strictObject({
    periods: z
      .array(z.strictObject({ allocation: Split.optional(), variants: pushedVariants(-1e12) }))
      .min(1)
      .max(64)
      .describe("Additions since the last push, each tagged with the split that served them; negative numbers are corrections"),
  }),
]);
export type MetricsPushRequest = z.infer<typeof MetricsPushRequest>;

export const ListWorkflowsQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(200).optional(),
  status: WorkflowStatus.optional(),
});
export type ListWorkflowsQuery = z.infer<typeof ListWorkflowsQuery>;

/** Redraw one variant; `use_my_face` sends the creator's My face photos to the image model for it too. */
export const RegenerateThumbnailRequest = z.strictObject({
  use_my_face: z.boolean().optional().describe("Use your My face photos as references for this variant (always on for face-focused)"),
});
export type RegenerateThumbnailRequest = z.infer<typeof RegenerateThumbnailRequest>;
