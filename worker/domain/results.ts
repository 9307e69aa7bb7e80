// The finished workflow as the API and the export show it: the winning script and thumbnail,
// the test that chose them, and the package a creator pastes into YouTube Studio.
import { DECISION_WORDS, STYLE_LABELS, type Results, formatDuration } from "../shared/contract";
import { toAbStatus } from "./ab-status";
import { type Result, conflict, ok, refuse } from "./refusal";
import { timestamp } from "../shared/words";
import { activityText } from "../shared/activity-words";
import { endOnVideo } from "./rotation/ab";
import { endTarget } from "./rotation/phase";
import { ORIGINAL } from "./rotation/record";
import { studioPackage } from "./studio";
import { thumbnailView, usageOf } from "./view";
import { type WorkflowRecord, findScript } from "./workflow";

export function toResults(r: WorkflowRecord): Result<Results> {
  const ab = r.ab;
  const onVideo = ab ? endOnVideo(ab) : null;
  // A rotation that put the original back names no winner; the package then carries the pick, as "your pick, not proven".
  const carried = ab?.winner_id ?? (onVideo?.carries === "original" ? ab!.pick_id : null);
  if (r.status !== "completed" || !ab || ab.decision === null || carried === null || ab.ended_at === null) {
    return refuse(conflict(`Results are ready once the A/B test has completed; the workflow is '${r.status}'.`));
  }
  const script = findScript(r, r.approved_script_id ?? "");
  const stored = r.thumbnails.find((t) => t.id === carried);
  const thumbnail = stored && thumbnailView(r.id, stored);
  if (!script || !thumbnail) throw new Error(`completed workflow ${r.id} lacks its approved script or winning thumbnail`);
  const status = toAbStatus(ab);
  const others = (r.script_revisions.find((rev) => rev.scripts.some((s) => s.id === script.id))?.scripts ?? []).filter(
    (s) => s.id !== script.id,
  );
  return ok({
    workflow_id: r.id,
    topic: r.topic,
    winning_content: { script, thumbnail },
    on_video: onVideo,
    ab_test_summary: {
      analytics_source: ab.source,
      picked_before_proof: ab.decision === "manual",
      confidence_threshold: status.confidence_threshold,
      duration_seconds: Math.round((ab.ended_at - ab.started_at) / 1000),
      confidence: status.current_confidence,
      total_impressions: ab.counts.reduce((sum, c) => sum + c.impressions, 0),
      variants: status.variants,
      decision: ab.decision,
      verdict: ab.verdict,
      explanation: ab.explanation,
      winner_id: ab.winner_id,
    },
    studio: {
      ...withTestedTitle(
        studioPackage({ winner: script, others, topic: r.topic, niche: r.niche, trends: r.trends, chapters: r.chapters }),
        ab,
      ),
      // What the video carries: its own thumbnail when the original went back (kept at the start of the test).
      thumbnail_png_url: (onVideo?.carries === "original" && ab.rotation!.video.thumbnail_url) || thumbnail.png_url,
    },
    usage: usageOf(r),
    activity: r.activity,
    export_ready: true,
  });
}

/** A rotation that tested titles leads with the title that went back on the video with the winner. */
function withTestedTitle<T extends { title_options: string[] }>(pkg: T, ab: NonNullable<WorkflowRecord["ab"]>): T {
  const tested = ab.rotation?.titles?.[ab.winner_id ?? ""];
  if (!tested || (ab.rotation && endTarget(ab.rotation.phase) === ORIGINAL)) return pkg;
  return { ...pkg, title_options: [tested, ...pkg.title_options.filter((t) => t !== tested)] };
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
  const studio = results.studio;
  const label = (style: keyof typeof STYLE_LABELS) => STYLE_LABELS[style];
  const rows = s.variants.map(
    (v) =>
      `| ${label(v.style)}${v.thumbnail_id === s.winner_id ? " (winner)" : ""}${s.winner_id === null && v.thumbnail_id === thumbnail.id ? " (your pick, not proven)" : ""} | ${v.impressions.toLocaleString("en-US")} | ${v.clicks.toLocaleString("en-US")} | ${pct(v.ctr)} |`,
  );
  const url = imageUrl(studio.thumbnail_png_url, origin);
  return [
    `# ${inert(script.title)}`,
    ``,
    `Topic: ${inert(results.topic)} · Workflow ${results.workflow_id}`,
    ``,
    `## For YouTube Studio`,
    ``,
    `**Title options**`,
    ``,
    ...studio.title_options.map((t, i) => `${i + 1}. ${inert(t)}`),
    ``,
    `**Description**`,
    ``,
    ...inert(studio.description)
      .split("\n")
      .map((line) => `> ${line}`),
    ``,
    `**Tags:** ${inert(studio.tags.join(", "))}`,
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
    `Estimated length: ${timestamp(script.estimated_duration_seconds)}`,
    ``,
    `## Thumbnail`,
    ``,
    url
      ? `![${results.on_video?.carries === "original" ? "Your original" : label(thumbnail.style)} thumbnail](${url})`
      : `(thumbnail image not available)`,
    ``,
    `Style: ${label(thumbnail.style)}.${thumbnail.headline ? ` Headline: ${inert(thumbnail.headline)}.` : ""}`,
    ``,
    ...(results.on_video ? [`**On your video:** ${inert(results.on_video.text)}`, ``] : []),
    `## A/B test`,
    ``,
    ...(s.analytics_source === "simulated" ? [`**Simulated traffic:** this test ran on simulated viewers, not real ones.`, ``] : []),
    ...(s.analytics_source === "youtube"
      ? [`**Tested on your YouTube video:** one variant a day, counted from YouTube's own daily thumbnail impressions and CTR.`, ``]
      : []),
    `${DECISION_WORDS[s.decision]} · ${s.total_impressions.toLocaleString("en-US")} impressions · ${formatDuration(s.duration_seconds)}`,
    ``,
    inert(s.explanation ?? ""),
    ``,
    `| Variant | Impressions | Clicks | CTR |`,
    `|---|---:|---:|---:|`,
    ...rows,
    ``,
    ...(results.activity.length
      ? [
          `## Who did what`,
          ``,
          ...results.activity.map((e) => `- ${e.at.slice(0, 16).replace("T", " ")} UTC: ${inert(activityText(e))}`),
          ``,
        ]
      : []),
  ].join("\n");
}
