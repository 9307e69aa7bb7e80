// Reading YouTube's numbers from the fake Google: the reach job made once, reports that arrive
// two days late with a 30-day backfill, re-issued days where the newest version wins, each
// Pacific day's CTR following the thumbnail that was live, and watch time from the Analytics API.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { addDays, pacificDay, pacificMidnight } from "../domain/youtube/pacific";
import { newestPerDay, videoReach } from "../domain/youtube/reach-csv";
import { openYouTubeChannel } from "../youtube/channel";
import { YouTubeError } from "../youtube/errors";
import { cfg, connected, control, fakeLog, sha256Hex, solidPng } from "./youtube-support";

const world = () => `reports-${crypto.randomUUID()}`;
const open = (userId: string) => openYouTubeChannel({ cfg: cfg(), db: env.DB, teamId: userId });
const setClock = (w: string, ms: number) => control(w, "POST", "clock", { set: new Date(ms).toISOString() });

describe("the fake's clock", () => {
  it("reads the shared epoch mapping (real time here), until a test moves it; align puts it back", async () => {
    const w = world();
    const clock = await control(w, "GET", "clock");
    expect(clock).toMatchObject({ speed: 1, aligned: true, epoch: expect.any(Number) });
    expect(Math.abs(Date.parse(clock.now) - Date.now())).toBeLessThan(5_000);
    expect((await control(w, "POST", "clock", { advance_days: 2 })).aligned).toBe(false);
    const back = await control(w, "POST", "clock", { align: true });
    expect(back.aligned).toBe(true);
    expect(Math.abs(Date.parse(back.now) - Date.now())).toBeLessThan(5_000);
  });
});

describe("reach reports", () => {
  it("creates the reach job once, however often it is asked", async () => {
    const w = world();
    const user = await connected(w);
    const channel = await open(user.userId);
    const [a, b] = [await channel.ensureReachJob(), await channel.ensureReachJob()];
    expect(a).toEqual(b);
    expect(a.reportTypeId).toBe("channel_reach_basic_a1");
    expect(await fakeLog(w, "reporting.jobs.create")).toHaveLength(1);
  });

  it("has nothing for a day, then a 30-day backfill, never the last two days, and re-issues where the newest wins", async () => {
    const w = world();
    const user = await connected(w);
    const channel = await open(user.userId);
    const job = await channel.ensureReachJob();
    expect(await channel.listReports(job.id)).toEqual([]);

    await control(w, "POST", "clock", { advance_days: 3 });
    const today = pacificDay(Date.parse((await control(w, "GET", "clock")).now));
    const reports = await channel.listReports(job.id); // over 30 reports, 25 a page: the client follows nextPageToken
    const days = newestPerDay(await Promise.all(reports.map((r) => channel.downloadReport(r))));
    expect(days.length).toBeGreaterThanOrEqual(31);
    expect((await fakeLog(w, "reporting.download")).length).toBe(reports.length);
    expect(days.at(-1)!.day <= addDays(today, -2)).toBe(true);
    expect(days.some((d) => d.day === addDays(today, -1))).toBe(false);
    const launch = videoReach(days, "fkVidLaunch");
    expect(launch.some((d) => d.impressions === 0)).toBe(true); // before it was published: rows omitted, read as zero
    expect(launch.at(-1)!.impressions).toBeGreaterThan(0);

    // YouTube re-issues a day: only the new version is listed as new, and it replaces the old.
    const seen = reports
      .map((r) => r.createTime)
      .sort()
      .at(-1)!;
    const target = days.at(-3)!.day;
    await control(w, "POST", "reissue", { day: target });
    const fresh = await channel.listReports(job.id, { createdAfter: seen });
    expect(fresh).toHaveLength(1);
    const merged = newestPerDay([
      ...(await Promise.all(reports.map((r) => channel.downloadReport(r)))),
      await channel.downloadReport(fresh[0]!),
    ]);
    expect(merged.find((d) => d.day === target)!.reportId).toBe(fresh[0]!.id);
    const before = videoReach(days, "fkVidSteady").find((d) => d.day === target)!;
    const after = videoReach(merged, "fkVidSteady").find((d) => d.day === target)!;
    expect(after.impressions).not.toBe(before.impressions);
  });

  it("reports each Pacific day's CTR and watch time for the thumbnail that was live that day", async () => {
    const w = world();
    const user = await connected(w);
    const channel = await open(user.userId);
    const job = await channel.ensureReachJob();
    const [bright, dull] = [await solidPng([250, 200, 0]), await solidPng([40, 40, 40])];
    await control(w, "POST", "truth", { sha256: await sha256Hex(bright), ctr: 0.09, avg_view_seconds: 120, label: "bright" });
    await control(w, "POST", "truth", { sha256: await sha256Hex(dull), ctr: 0.02, avg_view_seconds: 420, label: "dull" });

    // Swaps just after midnight Pacific, as the rotation's alarm does.
    const day1 = addDays(pacificDay(Date.parse((await control(w, "GET", "clock")).now)), 1);
    await setClock(w, pacificMidnight(day1) + 5_000);
    await channel.setThumbnail("fkVidSteady", bright, { idempotencyKey: `${w}:${day1}` });
    await setClock(w, pacificMidnight(addDays(day1, 1)) + 5_000);
    await channel.setThumbnail("fkVidSteady", dull, { idempotencyKey: `${w}:${addDays(day1, 1)}` });
    await setClock(w, pacificMidnight(addDays(day1, 4)) + 7 * 3_600_000);

    const reports = (await channel.listReports(job.id)).filter((r) => r.startTime >= new Date(pacificMidnight(day1)).toISOString());
    const reach = videoReach(newestPerDay(await Promise.all(reports.map((r) => channel.downloadReport(r)))), "fkVidSteady");
    const [first, second] = [reach.find((d) => d.day === day1)!, reach.find((d) => d.day === addDays(day1, 1))!];
    expect(first.impressions).toBeGreaterThan(1000);
    expect(first.ctr).toBeGreaterThan(0.07);
    expect(second.ctr).toBeLessThan(0.035);

    const watch = await channel.queryWatchTime("fkVidSteady", day1, addDays(day1, 1));
    expect(watch.map((d) => d.day)).toEqual([day1, addDays(day1, 1)]);
    expect(watch[0]!.averageViewDurationSeconds).toBeLessThan(watch[1]!.averageViewDurationSeconds);
    expect(watch[0]!.views).toBeGreaterThan(watch[1]!.views);
    expect(watch[0]!.estimatedMinutesWatched).toBeGreaterThan(0);
  });

  it("never sends the token to a download URL off the Reporting API's host", async () => {
    const w = world();
    const user = await connected(w);
    const channel = await open(user.userId);
    const err = await channel
      .downloadReport({ id: "r", jobId: "j", startTime: "", endTime: "", createTime: "", downloadUrl: "https://attacker.example/steal" })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(YouTubeError);
    expect((err as YouTubeError).kind).toBe("invalid_request");
    expect(await fakeLog(w, "reporting.download")).toEqual([]);
  });
});
