// Before a rotation starts: the video is checked (the creator's, public or scheduled), its
// original thumbnail and title are saved, the titles and length are settled, the quota plan is
// checked against the daily budget, and the video is claimed so no second test swaps it.
import { type Result, conflict, invalid, ok, refuse } from "../domain/refusal";
import { DATA_WAIT_DAYS, type RotationSetup, defaultDays } from "../domain/rotation/record";
import { toYouTube } from "../domain/rotation/clock";
import { type WorkflowRecord, currentScripts, findScript } from "../domain/workflow";
import { blocksToSucceed } from "../domain/stats/rotation";
import { checkVideoLink, parseVideoRef } from "../domain/youtube/video-link";
import { addDays, pacificDay, nextPacificMidnight } from "../domain/youtube/pacific";
import { fitsBudget, swapUnits } from "../domain/youtube/quota";
import type { Env } from "../env";
import type { YouTubeTestSettings } from "../shared/contract";
import { openYouTubeChannel } from "../youtube/channel";
import { YouTubeNotConfigured, youtubeConfig } from "../youtube/config";
import { YouTubeError } from "../youtube/errors";
import { bookedByDay, claimVideo } from "../youtube/rotations-store";
import { recordCharges, unitsByDay } from "../youtube/store";
import { type StoredImage, fetchImage, variantImage } from "./rotation-images";
import type { ThumbnailStore } from "../do/thumbnail-media";

export interface PreparedRotation {
  setup: RotationSetup;
  original: StoredImage | null;
  /** Each tested variant's bytes, when thumbnails vary. */
  images: Record<string, StoredImage>;
  warnings: string[];
}

const at = (field: string, message: string) => refuse(invalid([{ path: `youtube.${field}`, message }], "The YouTube test cannot start."));

/** The variants' titles: the creator's, or the approved script's title for the pick and the other scripts' for the rest. */
function titlesFor(
  record: WorkflowRecord,
  ids: string[],
  pickId: string,
  given: Record<string, string> | undefined,
): Result<Record<string, string>> {
  if (given) {
    const unknown = Object.keys(given).filter((id) => !ids.includes(id));
    if (unknown.length) return at("titles", `names thumbnails this workflow does not have: ${unknown.join(", ")}`);
    const missing = ids.filter((id) => !given[id]);
    if (missing.length) return at("titles", `needs a title for every variant; missing ${missing.join(", ")}`);
  }
  const approved = findScript(record, record.approved_script_id ?? "")?.title;
  const others = currentScripts(record)
    .map((s) => s.title)
    .filter((t) => t !== approved);
  const titles: Record<string, string> = {};
  let next = 0;
  for (const id of ids) titles[id] = given?.[id] ?? (id === pickId ? approved : others[next++]) ?? "";
  const list = Object.values(titles);
  if (list.some((t) => !t)) return at("titles", "there are not enough scripts to give every variant a title; send titles yourself");
  if (list.some((t) => t.length > 100 || /[<>]/.test(t))) return at("titles", "a YouTube title is 1 to 100 characters without < or >");
  if (new Set(list).size !== list.length) return at("titles", "every variant needs a different title");
  return ok(titles);
}

function refusalFor(err: unknown): Result<never> {
  if (err instanceof YouTubeNotConfigured) return refuse(conflict(err.message));
  if (!(err instanceof YouTubeError)) throw err;
  if (err.kind === "not_connected") return refuse(conflict("Connect your YouTube channel in Settings before starting a YouTube test."));
  if (err.kind === "quota_exceeded") return refuse({ status: 429, detail: err.message });
  if (err.kind === "unavailable") return refuse({ status: 503, detail: err.message });
  return refuse(conflict(err.message));
}

export async function prepareRotation(
  env: Env,
  record: WorkflowRecord,
  pickId: string,
  settings: YouTubeTestSettings,
  now: number,
  media: ThumbnailStore,
): Promise<Result<PreparedRotation>> {
  const videoId = parseVideoRef(settings.video);
  if (!videoId) return at("video", "is not a YouTube video URL or 11-character id");
  const all = record.thumbnails.map((t) => t.id);
  const ids = settings.variants ?? all;
  if (ids.some((id) => !all.includes(id))) return at("variants", "names thumbnails this workflow does not have");
  if (new Set(ids).size !== ids.length) return at("variants", "names a thumbnail twice");
  if (!ids.includes(pickId)) return at("variants", "must include your pick");
  const k = ids.length;
  const days = settings.days ?? defaultDays(k);
  const fewest = blocksToSucceed(k) * k;
  if (days < fewest)
    return at("days", `must be at least ${fewest}: with fewer days for each of the ${k} variants no test can prove anything`);
  const varyTitle = settings.vary !== "thumbnail";
  const titles = varyTitle ? titlesFor(record, ids, pickId, settings.titles) : ok(null);
  if (!titles.ok) return titles;
  if (!varyTitle && settings.titles) return at("titles", "are only used when the test varies titles");
  try {
    const cfg = youtubeConfig(env);
    const ytNow = toYouTube(cfg.clock, now);
    const channel = await openYouTubeChannel({ cfg, db: env.DB, teamId: record.owner_id, now: () => toYouTube(cfg.clock, now) });
    let video;
    try {
      video = await channel.getVideo(videoId);
    } finally {
      await recordCharges(env.DB, record.owner_id, channel.takeCharges());
    }
    if (!video) return at("video", `YouTube has no video ${videoId}`);
    const check = checkVideoLink(video, channel.channelId, ytNow);
    if (!check.ok) return at("video", check.problems.join(" "));

    // The plan's units per Pacific day (a swap a day, the return to the original, the restore) must fit the budget.
    const perSwap = swapUnits({ thumbnail: settings.vary !== "title", title: varyTitle });
    const start = pacificDay(nextPacificMidnight(ytNow));
    const end = addDays(start, days + 1);
    const planned = new Map<string, number>();
    for (let d = start; d <= end; d = addDays(d, 1)) planned.set(d, perSwap);
    // Spent units, plus what the other running tests have booked for each day.
    const used = await unitsByDay(env.DB, start, end);
    for (const [day, units] of await bookedByDay(env.DB, start, end, record.id)) used.set(day, (used.get(day) ?? 0) + units);
    const budget = fitsBudget(planned, used, cfg.dailyQuotaUnits);
    if (!budget.ok) {
      const o = budget.overrun!;
      return refuse(
        conflict(
          `The test would exceed the daily YouTube budget on ${o.day}: ${o.used} units used or booked by running tests + ${o.planned} planned > ${o.budget}. Raise YOUTUBE_DAILY_QUOTA_UNITS or start later.`,
        ),
      );
    }
    const original = settings.vary !== "title" ? await saveOriginal(video.thumbnailUrl) : null;
    if (original && !original.ok) return original;
    const images = settings.vary !== "title" ? await variantImages(record, media, ids) : ok({});
    if (!images.ok) return images;
    const claim = { workflowId: record.id, teamId: record.owner_id, videoId: `${channel.channelId}/${videoId}`, now };
    // Booked through the last day the restore may come (the data wait after the last day).
    const lastDay = addDays(start, days + DATA_WAIT_DAYS + 1);
    if (!(await claimVideo(env.DB, { ...claim, firstDay: start, lastDay, unitsPerDay: perSwap })))
      return refuse(conflict("Another test is already rotating this video; stop it first or pick another video."));
    return ok({
      setup: {
        video: {
          id: video.id,
          title: video.title,
          published_at: video.publishedAt,
          thumbnail_url: video.thumbnailUrl,
          channel_id: channel.channelId,
        },
        vary: settings.vary,
        variants: ids,
        titles: titles.value,
        days,
        clock: cfg.clock,
      },
      original: original?.value ?? null,
      images: images.value,
      warnings: check.warnings,
    });
  } catch (err) {
    return refusalFor(err);
  }
}

/** Every tested variant as the bytes YouTube will get, made now so each day shows the same pixels. */
async function variantImages(record: WorkflowRecord, media: ThumbnailStore, ids: string[]): Promise<Result<Record<string, StoredImage>>> {
  const images: Record<string, StoredImage> = {};
  for (const id of ids) {
    try {
      images[id] = await variantImage(record, media, id);
    } catch (err) {
      return refuse(
        conflict(`The image of thumbnail ${id} could not be prepared (${err instanceof Error ? err.message : "error"}); try again.`),
      );
    }
  }
  return ok(images);
}

async function saveOriginal(url: string | null): Promise<Result<StoredImage>> {
  if (!url) return refuse(conflict("YouTube shows no thumbnail for this video, so it could not be saved to put back later."));
  try {
    const { info, ...image } = await fetchImage(url);
    // YouTube takes thumbnails from 640 px wide; a smaller copy (a video without maxres) could never be put back.
    const width = info.width;
    if (width < 640)
      return refuse(
        conflict(
          `YouTube only serves a ${width} px wide copy of this video's thumbnail, too small to upload again at the end. Upload a 1280×720 thumbnail to the video in YouTube Studio first, or test titles only.`,
        ),
      );
    return ok(image);
  } catch (err) {
    return refuse(
      conflict(
        `The video's current thumbnail could not be saved to put back later (${err instanceof Error ? err.message : "error"}); try again.`,
      ),
    );
  }
}
