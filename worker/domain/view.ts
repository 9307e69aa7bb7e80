// Turns the stored record into what the API shows, and builds the results and export package.
import type { Results, ScriptRevision, Thumbnail, UsageTotals, WorkflowState } from "../shared/contract";
import { requiredActionFor } from "../shared/contract";
import { toAbStatus } from "./ab-test";
import { type Result, conflict, ok, refuse } from "./refusal";
import { sumUsage } from "./usage";
import { STEP_DISPLAY, type StoredThumbnail, currentScripts, pendingStep, type WorkflowRecord } from "./workflow";

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

export function toWorkflowState(r: WorkflowRecord): WorkflowState {
  return {
    id: r.id,
    topic: r.topic,
    niche: r.niche,
    audience: r.audience,
    tone: r.tone,
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
    ab_test: r.ab ? toAbStatus(r.ab) : null,
    notices: r.notices,
    usage: usageOf(r),
    error: r.error,
    step: pendingStep(r) ? STEP_DISPLAY[pendingStep(r)!] : null,
  };
}

export function toResults(r: WorkflowRecord): Result<Results> {
  const ab = r.ab;
  if (r.status !== "completed" || !ab || ab.decision === null || ab.winner_id === null || ab.ended_at === null) {
    return refuse(conflict(`Results are ready once the A/B test has completed; the workflow is '${r.status}'.`));
  }
  const script = r.script_revisions.flatMap((rev) => rev.scripts).find((s) => s.id === r.approved_script_id);
  const stored = r.thumbnails.find((t) => t.id === ab.winner_id);
  const thumbnail = stored && thumbnailView(r.id, stored);
  if (!script || !thumbnail) throw new Error(`completed workflow ${r.id} lacks its approved script or winning thumbnail`);
  const status = toAbStatus(ab);
  return ok({
    workflow_id: r.id,
    topic: r.topic,
    winning_content: { script, thumbnail },
    ab_test_summary: {
      duration_seconds: Math.round((ab.ended_at - ab.started_at) / 1000),
      confidence: status.current_confidence,
      total_impressions: ab.counts.reduce((sum, c) => sum + c.impressions, 0),
      variants: status.variants,
      decision: ab.decision,
      verdict: ab.verdict,
      explanation: ab.explanation,
      winner_id: ab.winner_id,
    },
    usage: usageOf(r),
    export_ready: true,
  });
}

const pct = (x: number) => `${(x * 100).toFixed(2)}%`;

/**
 * User and model text made inert for Markdown: a backslash before every character that could
 * open raw HTML, a link or an image (and before backslashes themselves), so a renderer shows
 * the text as written; script-like URL schemes get their colon escaped as well.
 */
const inert = (text: string) => text.replace(/[\\<>[\]]/g, (ch) => `\\${ch}`).replace(/\b(javascript|vbscript|data)(\s*):/gi, "$1$2\\:");

/** Our own thumbnail path or an http(s) image URL, with the characters that would end a Markdown link encoded; null for anything else. */
function imageUrl(url: string, origin: string): string | null {
  const absolute = url.startsWith("/") ? `${origin}${url}` : url;
  if (!/^https?:\/\//i.test(absolute)) return null;
  return absolute.replace(/[()<>\s\\]/g, (ch) => encodeURIComponent(ch));
}

export function resultsMarkdown(results: Results, origin: string): string {
  const { script, thumbnail } = results.winning_content;
  const s = results.ab_test_summary;
  const rows = s.variants.map(
    (v) =>
      `| ${v.style}${v.thumbnail_id === s.winner_id ? " (winner)" : ""} | ${v.impressions.toLocaleString("en-US")} | ${v.clicks.toLocaleString("en-US")} | ${pct(v.ctr)} |`,
  );
  const url = imageUrl(thumbnail.url, origin);
  return [
    `# ${inert(script.title)}`,
    ``,
    `Topic: ${inert(results.topic)} · Workflow ${results.workflow_id}`,
    ``,
    `## Script`,
    ``,
    `**Hook:** ${inert(script.hook)}`,
    ``,
    `**Outline**`,
    ``,
    ...script.outline.map((o, i) => `${i + 1}. ${inert(o)}`),
    ``,
    inert(script.body),
    ``,
    `**Call to action:** ${inert(script.call_to_action)}`,
    ``,
    `Estimated duration: ${Math.floor(script.estimated_duration_seconds / 60)} min ${script.estimated_duration_seconds % 60} s`,
    ``,
    `## Thumbnail`,
    ``,
    url ? `![${thumbnail.style} thumbnail](${url})` : `(thumbnail image not available)`,
    ``,
    `Style: ${thumbnail.style}. Prompt: ${inert(thumbnail.prompt)}`,
    ``,
    `## A/B test`,
    ``,
    `Decision: ${s.decision}${s.verdict ? ` (verdict: ${s.verdict})` : ""} · confidence ${(s.confidence * 100).toFixed(1)}% · ${s.total_impressions.toLocaleString("en-US")} impressions · ${Math.round(s.duration_seconds / 60)} min`,
    ``,
    inert(s.explanation ?? ""),
    ``,
    `| Variant | Impressions | Clicks | CTR |`,
    `|---|---:|---:|---:|`,
    ...rows,
    ``,
  ].join("\n");
}
