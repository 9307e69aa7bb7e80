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
import { reason } from "../providers/reason";
import { svgThumbnailDesigner } from "../providers/svg-thumbnails";
import { recordTokenUsage } from "../providers/token-usage";
import { faceReferences } from "../faces/photos";
import { finishDesign } from "../render/thumbnail-look";
import type { Script, ThumbnailStyle } from "../shared/contract";
import { TARGET_SECONDS } from "../shared/script-length";

const SCRIPT_VARIANTS = 3;
const STYLES: readonly ThumbnailStyle[] = ["FACE_FOCUSED", "PRODUCT_DEMO", "VIRAL"];

export { reason };

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
    teamId: record.owner_id,
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

/** The creator's "My face" photos go to the face-focused variant as the model's references. */
const FACE_STYLES: readonly ThumbnailStyle[] = ["FACE_FOCUSED"];

async function designRequest(
  env: Env,
  record: WorkflowRecord,
  script: Script,
  styles: readonly ThumbnailStyle[],
  variation?: number,
  useMyFace = false,
) {
  // The face-focused variant always; another one when the creator ticks "use my face" on it.
  const faceStyles = useMyFace ? [...new Set([...FACE_STYLES, ...styles])] : FACE_STYLES;
  const wantsFace = styles.some((s) => faceStyles.includes(s));
  const images =
    wantsFace && providersFor(env).thumbnails.name !== svgThumbnailDesigner.name ? await faceReferences(env.MEDIA, record.owner_id) : [];
  return { topic: record.topic, niche: record.niche, script, styles, variation, references: { images, styles: faceStyles } };
}

async function thumbnails(env: Env, record: WorkflowRecord): Promise<Command> {
  const designer = providersFor(env).thumbnails;
  const script = findScript(record, record.approved_script_id ?? "");
  if (!script) throw new Error("the approved script is missing");
  const request = await designRequest(env, record, script, STYLES);
  let notice: string | undefined;
  // A workflow must never stay stuck in generating_thumbnails: the embedded renderer stands in.
  const designs = await designer.design(request).catch(async (err: unknown) => {
    notice = `Thumbnails via ${designer.name} failed (${reason(err)}); the embedded SVG renderer was used.`;
    return svgThumbnailDesigner.design(request);
  });
  const context = { topic: record.topic, niche: record.niche };
  const finished = await Promise.all(designs.map((d) => finishDesign(env.MEDIA, d, context)));
  return { type: "thumbnails_ready", thumbnails: thumbnailsFromDesigns(finished, () => crypto.randomUUID()), notice };
}

export function runStep(step: Step, env: Env, record: WorkflowRecord, now: number): Promise<Command> {
  if (step === "trends") return trends(env, record, now);
  if (step === "scripts") return scripts(env, record, now);
  return thumbnails(env, record);
}

/** A new design for one thumbnail: the next headline and palette from the same designer. */
export async function redrawThumbnail(env: Env, record: WorkflowRecord, thumbnailId: string, useMyFace = false): Promise<Command> {
  const current = findThumbnail(record, thumbnailId);
  const script = findScript(record, record.approved_script_id ?? "");
  if (!current || !script)
    return { type: "redraw_thumbnail", thumbnail_id: thumbnailId, headline: "", prompt: "", variation: 0, external_url: null };
  const variation = current.variation + 1;
  const request = await designRequest(env, record, script, [current.style], variation, useMyFace);
  const designer = providersFor(env).thumbnails;
  const [drawn] = await designer.design(request).catch(() => svgThumbnailDesigner.design(request));
  const design = await finishDesign(env.MEDIA, drawn!, { topic: record.topic, niche: record.niche });
  return {
    type: "redraw_thumbnail",
    thumbnail_id: thumbnailId,
    headline: design.headline,
    prompt: design.prompt,
    variation: design.variation ?? variation,
    external_url: design.external_url ?? null,
    look: design.look,
  };
}
