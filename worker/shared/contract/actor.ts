// Who did what: the principal behind each gate decision and test action, as the workflow, the
// results export and the webhook events show it.
import { z } from "zod";
import { AnalyticsSource } from "./common";

export const Actor = z
  .discriminatedUnion("kind", [
    z.object({ kind: z.literal("member"), user_id: z.string(), email: z.string().describe("The member's address when they acted") }),
    z.object({ kind: z.literal("api_key"), key_id: z.string(), name: z.string().describe("The key's name when it acted") }),
    z.object({ kind: z.literal("system") }).describe("The app itself: a provider step, the engine's decision, the deadline"),
  ])
  .describe("Who took the action: a team member signed in, an API key, or the app itself");
export type Actor = z.infer<typeof Actor>;

/** The app's own doings (a step finished, the engine decided, the deadline passed). */
export const SYSTEM_ACTOR: Actor = { kind: "system" };

const by = { actor: Actor, at: z.string().describe("ISO 8601 time of the action") };

export const ActivityEntry = z
  .discriminatedUnion("action", [
    z.object({ action: z.literal("approve"), script_id: z.string(), ...by }),
    z.object({ action: z.literal("reject"), feedback: z.string().nullable(), ...by }),
    z.object({ action: z.literal("edit_script"), script_id: z.string(), new_script_id: z.string(), ...by }),
    z.object({ action: z.literal("set_chapters"), reset: z.boolean().describe("Back to the estimated times"), ...by }),
    z.object({ action: z.literal("redraw_thumbnail"), thumbnail_id: z.string(), ...by }),
    z.object({ action: z.literal("upload_thumbnail"), thumbnail_id: z.string(), ...by }),
    z.object({ action: z.literal("select"), thumbnail_id: z.string(), analytics_source: AnalyticsSource, ...by }),
    z.object({ action: z.literal("declare"), thumbnail_id: z.string(), ...by }),
    z.object({ action: z.literal("stop"), ...by }),
  ])
  .describe("One gate decision or test action and who took it");
export type ActivityEntry = z.infer<typeof ActivityEntry>;
export type ActivityAction = ActivityEntry["action"];
