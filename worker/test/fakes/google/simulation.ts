/// <reference types="node" />
// The simulated audience: daily thumbnail impressions with weekday swings and a launch boost
// that decays, clicks from the true CTR of whichever thumbnails were live that Pacific day
// (weighted by the hours each was live), and watch time from each thumbnail's own retention.
// Each day's CTR swings a little, mostly with the whole channel (the back catalogue in the reach
// report swings with it). Noise is seeded by video and day, so a report downloaded twice says the same thing.
import { createHash } from "node:crypto";
import { addDays, daysBetween, pacificDay, pacificMidnight, toCompactDay, weekday } from "../../../domain/youtube/pacific";
import type { FakeVideo, World } from "./world";

/** Sunday ... Saturday: weekends watch more. */
const WEEKDAY_FACTOR = [1.2, 0.88, 0.86, 0.9, 0.95, 1.05, 1.25];

/** A uniform number in [0, 1) fixed by its key. */
function unit(key: string): number {
  return createHash("sha256").update(key).digest().readUInt32BE(0) / 2 ** 32;
}

/** A standard normal fixed by its key (Box–Muller on two keyed uniforms). */
function normal(key: string): number {
  return Math.sqrt(-2 * Math.log(1 - unit(`${key}:a`))) * Math.cos(2 * Math.PI * unit(`${key}:b`));
}

/** Day-to-day CTR swing (log sd), of which a share is common to the whole channel that day (the traffic mix). */
const DAY_CTR_SD = 0.1;
const SHARED_SHARE = 0.8;

/** The CTR multiplier of one video on one day: the channel's shared swing plus the video's own. */
function daySwing(channelId: string, videoId: string, day: string): number {
  const z = Math.sqrt(SHARED_SHARE) * normal(`${channelId}:${day}:mix`) + Math.sqrt(1 - SHARED_SHARE) * normal(`${videoId}:${day}:mix`);
  return Math.exp(DAY_CTR_SD * z);
}

/** The channel's back catalogue: old videos seen only in the reach report (not among the uploads the app lists). */
const BACK_CATALOGUE = Array.from({ length: 16 }, (_, i) => ({
  id: `fkBack${String(i).padStart(5, "0")}`,
  base: 200 + 150 * i,
  ctr: 0.03 + 0.002 * i,
}));

/** The day a video went public, or null if it is not public. */
function publicSince(video: FakeVideo): string | null {
  if (video.status.privacyStatus !== "public" && !video.status.publishAt) return null;
  return pacificDay(Date.parse(video.status.publishAt ?? video.snippet.publishedAt));
}

export interface DayStats {
  impressions: number;
  clicks: number;
  views: number;
  minutesWatched: number;
}

/** One video's numbers for one Pacific day; `version` > 1 is a re-issued, slightly corrected count. */
export function dayStats(world: World, video: FakeVideo, day: string, version = 1): DayStats {
  const since = publicSince(video);
  const zero = { impressions: 0, clicks: 0, views: 0, minutesWatched: 0 };
  if (!since || day < since || video.snippet.channelId !== world.channel.id) return zero;
  const age = daysBetween(since, day);
  const noise = 0.9 + 0.2 * unit(`${video.id}:${day}:impressions`);
  const correction = 1 + 0.02 * (version - 1);
  const expected = video.baseImpressions * WEEKDAY_FACTOR[weekday(day)]! * (1 + 3 * Math.exp(-age / 3)) * noise * correction;
  const impressions = Math.round(expected);
  let clicks = 0;
  let seconds = 0;
  for (const { change, share } of world.sharesOfDay(video.id, day)) {
    const truth = world.truthOf(change.sha256);
    const ctr = Math.min(1, truth.ctr * daySwing(world.channel.id, video.id, day));
    const shown = impressions * share;
    // Binomial spread around the true CTR (normal approximation), seeded per thumbnail and day.
    const sd = Math.sqrt(shown * ctr * (1 - ctr));
    const z = normal(`${video.id}:${day}:${change.sha256}`);
    const c = Math.max(0, Math.round(shown * ctr + z * sd));
    clicks += c;
    seconds += c * truth.avgViewSeconds;
  }
  const external = Math.round(impressions * 0.01);
  const views = clicks + external;
  return { impressions, clicks, views, minutesWatched: Math.round((seconds + external * 200) / 60) };
}

/** The channel_reach_basic_a1 CSV for one day; all-zero rows are left out, as YouTube does. */
export function reachCsv(world: World, day: string, version: number): string {
  const lines = ["date,channel_id,video_id,video_thumbnail_impressions,video_thumbnail_impressions_ctr"];
  for (const video of world.videos.values()) {
    const s = dayStats(world, video, day, version);
    if (s.impressions === 0) continue;
    lines.push([toCompactDay(day), world.channel.id, video.id, s.impressions, (s.clicks / s.impressions).toFixed(4)].join(","));
  }
  for (const old of BACK_CATALOGUE) {
    const correction = 1 + 0.02 * (version - 1);
    const impressions = Math.round(
      old.base * WEEKDAY_FACTOR[weekday(day)]! * (0.9 + 0.2 * unit(`${old.id}:${day}:impressions`)) * correction,
    );
    const ctr = Math.min(1, old.ctr * daySwing(world.channel.id, old.id, day));
    const clicks = Math.max(
      0,
      Math.round(impressions * ctr + normal(`${old.id}:${day}:clicks`) * Math.sqrt(impressions * ctr * (1 - ctr))),
    );
    lines.push([toCompactDay(day), world.channel.id, old.id, impressions, (clicks / impressions).toFixed(4)].join(","));
  }
  return `${lines.join("\n")}\n`;
}

export interface ReportVersion {
  id: string;
  day: string;
  version: number;
  startTime: string;
  endTime: string;
  createTime: string;
  createdAt: number;
}

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * The reports a job has produced by now. Day D's report appears at 06:00 Pacific on D+2 (never
 * before the job is a day old, when a 30-day backfill appears at once); one day in four is
 * re-issued a day later, and POST /__control/reissue adds more versions.
 */
export function reportsOf(world: World, job: { id: string; createdAt: number }): ReportVersion[] {
  const now = world.now();
  const firstReady = job.createdAt + 24 * 3_600_000;
  if (now < firstReady) return [];
  const out: ReportVersion[] = [];
  const version = (day: string, n: number, createdAt: number) =>
    out.push({
      id: `${job.id.slice(0, 8)}${toCompactDay(day)}v${n}`,
      day,
      version: n,
      startTime: iso(pacificMidnight(day)),
      endTime: iso(pacificMidnight(addDays(day, 1))),
      createTime: iso(createdAt),
      createdAt,
    });
  const firstDay = addDays(pacificDay(job.createdAt), -30);
  for (let day = firstDay; ; day = addDays(day, 1)) {
    const ready = Math.max(pacificMidnight(addDays(day, 2)) + 6 * 3_600_000, firstReady);
    if (ready > now) break;
    // Versions are numbered in the order they were made, so a later version always carries the
    // later correction (a re-issue asked for before the automatic one comes before it).
    const made = [ready, ...(world.reissues.get(day) ?? []).filter((at) => at >= ready)];
    if (unit(`${day}:reissue`) < 0.25 && ready + 86_400_000 <= now) made.push(ready + 86_400_000);
    made.sort((a, b) => a - b).forEach((at, i) => version(day, i + 1, at));
  }
  return out;
}
