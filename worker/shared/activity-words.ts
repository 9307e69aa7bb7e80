// The activity log in words, for the workflow page and the Markdown export (no zod: the web imports it).
import type { ActivityAction, ActivityEntry, Actor } from "./contract";

export const actorName = (a: Actor): string => (a.kind === "member" ? a.email : a.kind === "api_key" ? `API key "${a.name}"` : "the app");

export const ACTIVITY_VERBS: Record<ActivityAction, string> = {
  approve: "approved the script",
  reject: "asked for new scripts",
  edit_script: "edited a script",
  set_chapters: "set the chapter times",
  redraw_thumbnail: "redrew a thumbnail",
  upload_thumbnail: "uploaded a thumbnail",
  select: "picked the thumbnail and started the test",
  declare: "declared the winner",
  stop: "stopped the test",
};

/** "ana@example.com approved the script", with a rejection's feedback quoted. */
export const activityText = (e: ActivityEntry): string =>
  `${actorName(e.actor)} ${ACTIVITY_VERBS[e.action]}${e.action === "reject" && e.feedback ? `: “${e.feedback}”` : ""}`;
