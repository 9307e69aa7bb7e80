// The provider calls a workflow waits for, outside the pure core: each step reads the record,
// calls its provider (falling back to the offline one), and returns the command that reports the
// result. The Durable Object feeds that command to the core; a step that throws becomes
// step_failed there, so nothing stays "generating".
import type { Command, Step, WorkflowRecord } from "../domain/workflow";
import { allScripts, findScript, findThumbnail, lengthOf, thumbnailsFromDesigns } from "../domain/workflow";
import type { Env } from "../env";
import { providersFor } from "../providers";
import { offlineScriptWriter } from "../providers/offline-scripts";
import { offlineTrends } from "../providers/offline-trends";
import { svgThumbnailDesigner } from "../providers/svg-thumbnails";
import { recordTokenUsage } from "../providers/token-usage";
import type { ThumbnailStyle } from "../shared/contract";
import { TARGET_SECONDS } from "../shared/script-length";

const SCRIPT_VARIANTS = 3;
const STYLES: readonly ThumbnailStyle[] = ["FACE_FOCUSED", "PRODUCT_DEMO", "VIRAL"];

export function reason(err: unknown): string {
  return err instanceof Error ? err.message.slice(0, 200) : String(err).slice(0, 200);
}

async function trends(env: Env, record: WorkflowRecord, now: number): Promise<Command> {
  const provider = providersFor(env).trends;
  const query = { topic: record.topic, niche: record.niche, audience: record.audience };
  try {
    return { type: "trends_ready", trends: await provider.research(query, new Date(now)) };
  } catch (err) {
    const notice = `Trend research via ${provider.name} failed (${reason(err)}); offline trends were used.`;
    return { type: "trends_ready", trends: await offlineTrends.research(query, new Date(now)), notice };
  }
}

async function scripts(env: Env, record: WorkflowRecord, now: number): Promise<Command> {
  const writer = providersFor(env).scripts;
  const input = {
    topic: record.topic,
    niche: record.niche,
    audience: record.audience,
    tone: record.tone,
    trends: record.trends!,
    feedback: record.pending_feedback ?? null,
    previous: allScripts(record),
    revision: record.script_revisions.length + 1,
    count: SCRIPT_VARIANTS,
    // Items asked for two revisions ago should not drop out of the next one.
    earlier_feedback: record.script_revisions.map((r) => r.feedback).filter((f): f is string => !!f),
    target_seconds: TARGET_SECONDS[lengthOf(record).target],
    words_per_minute: lengthOf(record).words_per_minute,
  };
  let result;
  try {
    result = await writer.write(input);
  } catch (err) {
    result = { ...(await offlineScriptWriter.write(input)), fallback: { reason: reason(err) } };
  }
  await recordTokenUsage(env.DB, {
    userId: record.owner_id,
    workflowId: record.id,
    callKey: `${record.id}:rev${input.revision}`,
    usage: result.usage,
    now,
  });
  const notice = result.fallback
    ? `Scripts came from the offline writer because ${writer.name} failed: ${result.fallback.reason}`
    : undefined;
  return { type: "scripts_ready", result, notice };
}

async function thumbnails(env: Env, record: WorkflowRecord): Promise<Command> {
  const designer = providersFor(env).thumbnails;
  const script = findScript(record, record.approved_script_id ?? "");
  if (!script) throw new Error("the approved script is missing");
  const request = { topic: record.topic, niche: record.niche, script, styles: STYLES };
  let notice: string | undefined;
  // A workflow must never stay stuck in generating_thumbnails: the embedded renderer stands in.
  const designs = await designer.design(request).catch(async (err: unknown) => {
    notice = `Thumbnails via ${designer.name} failed (${reason(err)}); the embedded SVG renderer was used.`;
    return svgThumbnailDesigner.design(request);
  });
  return { type: "thumbnails_ready", thumbnails: thumbnailsFromDesigns(designs, () => crypto.randomUUID()), notice };
}

export function runStep(step: Step, env: Env, record: WorkflowRecord, now: number): Promise<Command> {
  if (step === "trends") return trends(env, record, now);
  if (step === "scripts") return scripts(env, record, now);
  return thumbnails(env, record);
}

/** A new design for one thumbnail: the next headline and palette from the same designer. */
export async function redrawThumbnail(env: Env, record: WorkflowRecord, thumbnailId: string): Promise<Command> {
  const current = findThumbnail(record, thumbnailId);
  const script = findScript(record, record.approved_script_id ?? "");
  if (!current || !script)
    return { type: "redraw_thumbnail", thumbnail_id: thumbnailId, headline: "", prompt: "", variation: 0, external_url: null };
  const variation = current.variation + 1;
  const request = { topic: record.topic, niche: record.niche, script, styles: [current.style], variation };
  const designer = providersFor(env).thumbnails;
  const [design] = await designer.design(request).catch(() => svgThumbnailDesigner.design(request));
  return {
    type: "redraw_thumbnail",
    thumbnail_id: thumbnailId,
    headline: design!.headline,
    prompt: design!.prompt,
    variation: design!.variation ?? variation,
    external_url: design!.external_url ?? null,
  };
}
