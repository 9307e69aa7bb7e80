// Turns the stored record into what the API shows, and builds the results and export package.
import type { RowPreview, ScriptRevision, Thumbnail, UsageTotals, WorkflowState } from "../shared/contract";
import { requiredActionFor } from "../shared/contract";
import { toAbStatus } from "./ab-status";
import { sumUsage } from "./usage";
import { STEP_DISPLAY, type StoredThumbnail, currentScripts, lengthOf, pendingStep, type WorkflowRecord } from "./workflow";

/** Where the API serves a thumbnail: the random id is the capability, the version defeats stale caches. */
export function thumbnailView(workflowId: string, t: StoredThumbnail): Thumbnail {
  const base = `/api/v1/thumbnails/${workflowId}/${t.id}`;
  const uploaded = t.upload === "image/jpeg" ? `${base}.jpg?v=${t.version}` : t.upload ? `${base}.png?v=${t.version}` : null;
  return {
    id: t.id,
    style: t.style,
    url: uploaded ?? t.external_url ?? `${base}.svg?v=${t.version}`,
    // An upload or an external image is offered as it is; the embedded design is rendered to PNG.
    png_url: uploaded ?? t.external_url ?? `${base}.png?v=${t.version}`,
    headline: t.headline,
    prompt: t.prompt,
    source: t.upload ? "upload" : t.external_url ? "pollinations" : (t.look?.source ?? "embedded"),
    note: t.upload ? null : (t.look?.note ?? null),
    legibility: t.upload ? null : (t.look?.legibility ?? null),
  };
}

/** Revisions stored before these fields existed read as empty. */
const revisionView = (rev: ScriptRevision): ScriptRevision => ({
  ...rev,
  feedback_applied: rev.feedback_applied ?? [],
  feedback_notes: rev.feedback_notes ?? [],
  edited_from: rev.edited_from ?? null,
});

export const usageOf = (r: WorkflowRecord): UsageTotals => sumUsage(r.script_revisions.flatMap((rev) => rev.usage ?? []));

/** `now` is the clock: a rotation's calendar shows which day is live. */
export function toWorkflowState(r: WorkflowRecord, now?: number): WorkflowState {
  return {
    id: r.id,
    topic: r.topic,
    niche: r.niche,
    audience: r.audience,
    tone: r.tone,
    target_length: lengthOf(r).target,
    words_per_minute: lengthOf(r).words_per_minute,
    status: r.status,
    requires_action: requiredActionFor(r.status),
    created_at: new Date(r.created_at).toISOString(),
    updated_at: new Date(r.updated_at).toISOString(),
    trends: r.trends,
    scripts: currentScripts(r),
    script_revisions: r.script_revisions.map(revisionView),
    approved_script_id: r.approved_script_id,
    thumbnails: r.thumbnails.map((t) => thumbnailView(r.id, t)),
    selected_thumbnail_id: r.selected_thumbnail_id,
    ab_test: r.ab ? toAbStatus(r.ab, undefined, now) : null,
    notices: r.notices,
    usage: usageOf(r),
    error: r.error,
    activity: r.activity,
    step: pendingStep(r) ? STEP_DISPLAY[pendingStep(r)!] : null,
  };
}

/** A dashboard row's picture of the workflow: a thumbnail, and how its test is doing. */
export function rowPreview(r: WorkflowRecord): RowPreview | null {
  if (r.thumbnails.length === 0) return null;
  const ab = r.ab;
  const shownId = ab?.winner_id ?? r.selected_thumbnail_id ?? r.thumbnails[0]!.id;
  const shown = r.thumbnails.find((t) => t.id === shownId) ?? r.thumbnails[0]!;
  if (!ab)
    return {
      thumbnail_url: thumbnailView(r.id, shown).url,
      leader_label: null,
      leader_ctr: null,
      status_text: null,
      time_to_result_seconds: null,
      analytics_source: null,
    };
  const status = toAbStatus(ab);
  const leader = status.summary.leader_id ?? (status.is_running ? null : status.winner_id);
  const leaderStats = status.variants.find((v) => v.thumbnail_id === leader);
  return {
    thumbnail_url: thumbnailView(r.id, shown).url,
    leader_label: leader ? status.labels[leader]! : null,
    leader_ctr: leaderStats && leaderStats.impressions > 0 ? leaderStats.ctr : null,
    status_text: status.summary.text,
    time_to_result_seconds: status.is_running
      ? status.progress.eta_seconds
      : Math.round(((ab.ended_at ?? ab.started_at) - ab.started_at) / 1000),
    analytics_source: ab.source,
  };
}
