// Turns the stored record into what the API shows, and builds the results and export package.
import type { Results, UsageTotals, WorkflowState } from "../shared/contract";
import { toAbStatus } from "./ab-test";
import { conflict } from "./errors";
import { sumUsage } from "./usage";
import { currentScripts, requiredActionFor, type WorkflowRecord } from "./workflow";

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
    script_revisions: r.script_revisions,
    approved_script_id: r.approved_script_id,
    thumbnails: r.thumbnails,
    selected_thumbnail_id: r.selected_thumbnail_id,
    ab_test: r.ab ? toAbStatus(r.ab) : null,
    notices: r.notices,
    usage: usageOf(r),
    error: r.error,
  };
}

export function toResults(r: WorkflowRecord): Results {
  const ab = r.ab;
  if (r.status !== "completed" || !ab || ab.decision === null || ab.winner_id === null || ab.ended_at === null) {
    throw conflict(`Results are ready once the A/B test has completed; the workflow is '${r.status}'.`);
  }
  const script = r.script_revisions.flatMap((rev) => rev.scripts).find((s) => s.id === r.approved_script_id);
  const thumbnail = r.thumbnails.find((t) => t.id === ab.winner_id);
  if (!script || !thumbnail) throw new Error(`completed workflow ${r.id} lacks its approved script or winning thumbnail`);
  const status = toAbStatus(ab);
  return {
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
  };
}

const pct = (x: number) => `${(x * 100).toFixed(2)}%`;

export function resultsMarkdown(results: Results, origin: string): string {
  const { script, thumbnail } = results.winning_content;
  const s = results.ab_test_summary;
  const rows = s.variants.map(
    (v) =>
      `| ${v.style}${v.thumbnail_id === s.winner_id ? " (winner)" : ""} | ${v.impressions.toLocaleString("en-US")} | ${v.clicks.toLocaleString("en-US")} | ${pct(v.ctr)} |`,
  );
  const url = thumbnail.url.startsWith("/") ? `${origin}${thumbnail.url}` : thumbnail.url;
  return [
    `# ${script.title}`,
    ``,
    `Topic: ${results.topic} · Workflow ${results.workflow_id}`,
    ``,
    `## Script`,
    ``,
    `**Hook:** ${script.hook}`,
    ``,
    `**Outline**`,
    ``,
    ...script.outline.map((o, i) => `${i + 1}. ${o}`),
    ``,
    script.body,
    ``,
    `**Call to action:** ${script.call_to_action}`,
    ``,
    `Estimated duration: ${Math.floor(script.estimated_duration_seconds / 60)} min ${script.estimated_duration_seconds % 60} s`,
    ``,
    `## Thumbnail`,
    ``,
    `![${thumbnail.style} thumbnail](${url})`,
    ``,
    `Style: ${thumbnail.style}. Prompt: ${thumbnail.prompt}`,
    ``,
    `## A/B test`,
    ``,
    `Decision: ${s.decision}${s.verdict ? ` (verdict: ${s.verdict})` : ""} · confidence ${(s.confidence * 100).toFixed(1)}% · ${s.total_impressions.toLocaleString("en-US")} impressions · ${Math.round(s.duration_seconds / 60)} min`,
    ``,
    s.explanation ?? "",
    ``,
    `| Variant | Impressions | Clicks | CTR |`,
    `|---|---:|---:|---:|`,
    ...rows,
    ``,
  ].join("\n");
}
