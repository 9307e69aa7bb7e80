// The one runner of the core's effects, outside the pure core: each arrives fully described (day,
// target, key, attempt) from the timer list; the runner talks to YouTube through the YouTubeChannel interface,
// records the quota it spent, and returns the command that reports the outcome. It decides nothing:
// a YouTube failure becomes a *_failed command (the core decides the retry); anything else throws,
// and the alarm tries again later.
import { ORIGINAL, type RotationRecord, changesThumbnail, changesTitle } from "../domain/rotation/record";
import type { RotationEffect } from "../domain/rotation/effects";
import { toYouTube } from "../domain/rotation/clock";
import type { FailureKind, ReportDay } from "../domain/rotation/progress";
import type { Command, WorkflowRecord } from "../domain/workflow";
import { coveredDays, newestPerDay, othersReach, videoReach } from "../domain/youtube/reach-csv";
import type { Env } from "../env";
import { openYouTubeChannel } from "../youtube/channel";
import { YouTubeNotConfigured, youtubeConfig } from "../youtube/config";
import { YouTubeError } from "../youtube/errors";
import { recordCharges, updateConnection } from "../youtube/store";
import type { YouTubeChannel } from "../youtube/types";
import { variantImage } from "./rotation-images";
import type { ThumbnailStore } from "../do/thumbnail-media";

export interface RotationContext {
  env: Env;
  record: WorkflowRecord;
  now: number;
  media: ThumbnailStore;
  /** Calls cut off before their outcome was recorded: each may have been charged, so attempts count them. */
  interrupted?: number;
}

/** A failure YouTube (or the missing connection) caused, as the core's retry rules see it. */
export function classify(err: unknown): { failure: FailureKind; reason: string; hint: number | null } | null {
  if (err instanceof YouTubeNotConfigured) return { failure: "forbidden", reason: err.message, hint: null };
  if (!(err instanceof YouTubeError)) return null;
  const failure: FailureKind =
    err.kind === "not_connected" || err.kind === "needs_reconnect"
      ? "needs_reconnect"
      : err.kind === "quota_exceeded" || err.kind === "forbidden" || err.kind === "unavailable"
        ? err.kind
        : err.kind === "not_found"
          ? "gone"
          : "other";
  // A lost grant is the creator's to fix: the reason says where.
  const reason = failure === "needs_reconnect" ? `The YouTube channel needs reconnecting in Settings (${err.message})` : err.message;
  return { failure, reason: reason.slice(0, 300), hint: err.retryAt };
}

/** Units Google charged for one effect's calls, failed ones included (Google charges those too). */
interface Spent {
  units: number;
}

/** Runs `fn` on the owner's channel in YouTube's time, then records every unit Google charged. */
async function withChannel<T>(ctx: RotationContext, r: RotationRecord, spent: Spent, fn: (ch: YouTubeChannel) => Promise<T>): Promise<T> {
  const started = Date.now();
  const now = () => toYouTube(r.clock, ctx.now + (Date.now() - started));
  const channel = await openYouTubeChannel({ cfg: youtubeConfig(ctx.env), db: ctx.env.DB, teamId: ctx.record.owner_id, now });
  // Reconnected with another of the creator's channels: its reports and rights are not the video's.
  if (channel.channelId !== r.video.channel_id)
    throw new YouTubeError(
      "needs_reconnect",
      `The connected channel (${channel.channelId}) is not the one this video is on (${r.video.channel_id}); reconnect that channel.`,
    );
  try {
    return await fn(channel);
  } finally {
    const charges = channel.takeCharges();
    spent.units += charges.reduce((s, c) => s + c.units, 0);
    // A ledger that cannot be written must not turn a swap YouTube took into one done again.
    await recordCharges(ctx.env.DB, ctx.record.owner_id, charges).catch((err: unknown) =>
      console.error("the quota ledger could not record a rotation's units", err instanceof Error ? err.message : "error"),
    );
  }
}

/** The bytes a target puts on the video: the saved original, or the variant as made when the test started. */
async function imageFor(ctx: RotationContext, target: string): Promise<Uint8Array> {
  try {
    if (target === ORIGINAL) {
      const original = ctx.media.original();
      if (!original) throw new Error("the video's original thumbnail was not saved");
      return original.bytes;
    }
    // Tests started before variants were kept make the image again.
    return (ctx.media.variant(target) ?? (await variantImage(ctx.record, ctx.media, target))).bytes;
  } catch (err) {
    // Retried with the same backoff as a refusal, instead of failing the alarm every few seconds.
    throw new YouTubeError(
      "invalid_request",
      `The image for the swap could not be prepared: ${err instanceof Error ? err.message : "error"}.`,
    );
  }
}

const titleFor = (r: RotationRecord, target: string) => (target === ORIGINAL ? r.video.title : (r.titles?.[target] ?? r.video.title));

/** Puts a target on the video: thumbnail (then a read to verify it), title, or both. */
async function putOnVideo(
  ctx: RotationContext,
  r: RotationRecord,
  spent: Spent,
  target: string,
  key: string,
  attempt: number,
): Promise<string> {
  const image = changesThumbnail(r) ? await imageFor(ctx, target) : null;
  return withChannel(ctx, r, spent, async (channel) => {
    const done: string[] = [];
    if (image) {
      const set = await channel.setThumbnail(r.video.id, image, { idempotencyKey: `${key}:thumbnail`, attempt });
      const video = await channel.getVideo(r.video.id);
      // YouTube's answer to the upload is the proof it took the image; this read checks the video is still ours and shows one.
      if (!video) throw new YouTubeError("not_found", `YouTube no longer has the video ${r.video.id}.`);
      if (!video.ownedByChannel || !video.thumbnailUrl)
        throw new YouTubeError("unavailable", "YouTube did not show the video's thumbnail after the upload.");
      done.push(`thumbnail ${set.sha256.slice(0, 12)} (${set.bytes} bytes)`);
    }
    if (changesTitle(r)) {
      const title = await channel.updateTitle(r.video.id, titleFor(r, target), { idempotencyKey: `${key}:title`, attempt });
      done.push(title.unchanged ? "title already set" : `title “${title.title}”`);
    }
    return done.join("; ");
  });
}

type Described<K extends RotationEffect["kind"]> = Extract<RotationEffect, { kind: K }>;

/** The attempt YouTube sees: the core's count, plus calls cut off before their outcome was recorded. */
const attemptOf = (ctx: RotationContext, attempt: number) => attempt + (ctx.interrupted ?? 0);

async function swap(ctx: RotationContext, r: RotationRecord, e: Described<"swap">): Promise<Command> {
  const spent = { units: 0 };
  try {
    const detail = await putOnVideo(ctx, r, spent, e.target, e.key, attemptOf(ctx, e.attempt));
    return { type: "rotation_swapped", date: e.date, target: e.target, units: spent.units, detail };
  } catch (err) {
    const failed = classify(err);
    if (!failed) throw err;
    return { type: "rotation_swap_failed", date: e.date, target: e.target, units: spent.units, ...failed };
  }
}

async function restore(ctx: RotationContext, r: RotationRecord, e: Described<"restore">): Promise<Command> {
  const { date, target } = e;
  if (!e.send) return { type: "rotation_restored", date, target, units: 0 };
  const spent = { units: 0 };
  try {
    await putOnVideo(ctx, r, spent, target, e.key, attemptOf(ctx, e.attempt));
    return { type: "rotation_restored", date, target, units: spent.units };
  } catch (err) {
    const failed = classify(err);
    if (!failed) throw err;
    return { type: "rotation_restore_failed", date, target, units: spent.units, ...failed };
  }
}

/** New reach report versions for the rotation's days, and watch minutes per day so far. */
async function readReports(ctx: RotationContext, r: RotationRecord, e: Described<"read_reports">): Promise<Command> {
  const { since: first, until: last } = e;
  try {
    const read = await withChannel(ctx, r, { units: 0 }, async (channel) => {
      // The session already read the connection row, job id included.
      let jobId = channel.reachJobId;
      if (!jobId) {
        jobId = (await channel.ensureReachJob()).id;
        await updateConnection(ctx.env.DB, ctx.record.owner_id, { reachJobId: jobId, updatedAt: ctx.now });
      }
      const known = new Set(r.reports_seen);
      const fresh = (await channel.listReports(jobId)).filter((rep) => !known.has(rep.id));
      // Each version is read once; only those covering the rotation's days are downloaded.
      const relevant = fresh.filter((rep) => coveredDays(rep).some((d) => d >= first && d <= last));
      const versions = [];
      for (const rep of relevant) {
        try {
          versions.push(await channel.downloadReport(rep));
        } catch (err) {
          // A malformed version is skipped (and remembered as read); anything else fails the whole check.
          if (!(err instanceof YouTubeError && err.kind === "invalid_request")) throw err;
          console.warn("skipped a reach report YouTube cannot parse", rep.id);
        }
      }
      const reports: ReportDay[] = newestPerDay(versions).flatMap((day) => {
        if (day.day < first || day.day > last) return [];
        const row = day.rows.some((x) => x.videoId === r.video.id) ? videoReach([day], r.video.id)[0]! : null;
        const { impressions, clicks } = othersReach([day], r.video.id)[0]!;
        return [
          {
            id: day.reportId,
            date: day.day,
            created: day.createTime,
            row: row && { impressions: row.impressions, clicks: row.clicks },
            channel: { impressions, clicks },
          },
        ];
      });
      const watch = e.watch_until ? await channel.queryWatchTime(r.video.id, first, e.watch_until) : [];
      return { reports, seen: fresh.map((rep) => rep.id), watch: watch.map((w) => ({ date: w.day, minutes: w.estimatedMinutesWatched })) };
    });
    return { type: "rotation_data", ...read };
  } catch (err) {
    const failed = classify(err);
    if (!failed) throw err;
    return { type: "rotation_data_failed", ...failed };
  }
}

/** Carries out one described effect and answers with the command that reports its outcome; the shell only commits it. */
export function runEffect(effect: RotationEffect, ctx: RotationContext): Promise<Command> {
  const r = ctx.record.ab!.rotation!;
  if (effect.kind === "swap") return swap(ctx, r, effect);
  if (effect.kind === "restore") return restore(ctx, r, effect);
  return readReports(ctx, r, effect);
}
