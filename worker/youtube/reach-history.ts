// The last 30 days of the reach report (its backfill), for the plan before a rotation: for each
// day only the newest version is downloaded, so a re-issued day costs one download, not two.
// Reporting API calls cost no Data API units.
import { addDays } from "../domain/youtube/pacific";
import { coveredDays, newestPerDay, type ReachDay } from "../domain/youtube/reach-csv";
import { YouTubeError } from "./errors";
import type { ReportFile, YouTubeChannel } from "./types";

export const HISTORY_DAYS = 30;
/** Downloads run a few at a time: a Worker may hold only six connections open at once. */
const PARALLEL = 6;

/** The reach days in [today − 30, today); empty when the channel has no reach job yet. */
export async function readReachHistory(channel: YouTubeChannel, today: string): Promise<ReachDay[]> {
  if (!channel.reachJobId) return [];
  const first = addDays(today, -HISTORY_DAYS);
  const newest = new Map<string, ReportFile>();
  for (const report of await channel.listReports(channel.reachJobId)) {
    const days = coveredDays(report);
    // Daily reports only: a report spanning several days would stand in for each of them.
    if (days.length !== 1 || days[0]! < first || days[0]! >= today) continue;
    const current = newest.get(days[0]!);
    if (!current || Date.parse(report.createTime) > Date.parse(current.createTime)) newest.set(days[0]!, report);
  }
  const queue = [...newest.values()];
  const versions = [];
  while (queue.length) {
    const batch = queue.splice(0, PARALLEL);
    const got = await Promise.all(
      batch.map((r) =>
        channel.downloadReport(r).catch((err) => {
          // A malformed version is left out, as the rotation's reader does; anything else fails.
          if (err instanceof YouTubeError && err.kind === "invalid_request") return null;
          throw err;
        }),
      ),
    );
    for (const v of got) if (v) versions.push(v);
  }
  return newestPerDay(versions);
}
