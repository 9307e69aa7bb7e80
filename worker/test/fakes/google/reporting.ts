/// <reference types="node" />
// The YouTube Reporting API (report types, jobs, reports and their CSV downloads) and the
// Analytics API's reports.query for daily views and watch time of one video.
import type { IncomingMessage, ServerResponse } from "node:http";
import { addDays, isDay, pacificDay } from "../../../domain/youtube/pacific";
import { authorizeCall, badRequest } from "./auth";
import { googleError, readJson, send } from "./http";
import { dayStats, reachCsv, reportsOf } from "./simulation";
import { newId, SCOPE, type Worlds } from "./world";

const ANALYTICS = [SCOPE.analytics];
const REPORT_TYPES = [
  { id: "channel_basic_a2", name: "User activity" },
  { id: "channel_reach_basic_a1", name: "Reach (thumbnail impressions and CTR)" },
  { id: "channel_traffic_source_a2", name: "Traffic sources" },
];

export async function reportingApi(worlds: Worlds, req: IncomingMessage, res: ServerResponse, path: string): Promise<boolean> {
  const url = new URL(req.url ?? "/", "http://fake");
  const q = url.searchParams;
  const method = req.method ?? "GET";
  const route = (m: string, pattern: RegExp) => (method === m ? pattern.exec(path) : null);
  let match: RegExpExecArray | null;

  if (route("GET", /^\/reporting\/v1\/reportTypes$/)) {
    if (!authorizeCall(worlds, req, res, "reporting.reportTypes.list", ANALYTICS)) return true;
    return (send(res, 200, { reportTypes: REPORT_TYPES }), true);
  }
  if (route("GET", /^\/reporting\/v1\/jobs$/)) {
    const call = authorizeCall(worlds, req, res, "reporting.jobs.list", ANALYTICS);
    if (!call) return true;
    const jobs = call.world.jobs.map(({ createdAt: _c, ...job }) => job);
    return (send(res, 200, jobs.length ? { jobs } : {}), true);
  }
  if (route("POST", /^\/reporting\/v1\/jobs$/)) {
    const call = authorizeCall(worlds, req, res, "reporting.jobs.create", ANALYTICS);
    if (!call) return true;
    const body = await readJson<{ reportTypeId?: string; name?: string }>(req);
    if (!body?.reportTypeId || !REPORT_TYPES.some((t) => t.id === body.reportTypeId))
      return (badRequest(res, "invalidArgument", "Unknown or missing reportTypeId."), true);
    if (call.world.jobs.some((j) => j.reportTypeId === body.reportTypeId))
      return (googleError(res, 409, "alreadyExists", "Job for this report type already exists.", "youtubereporting"), true);
    const now = call.world.now();
    const job = {
      id: newId("", 9),
      reportTypeId: body.reportTypeId,
      name: body.name ?? "",
      createTime: new Date(now).toISOString(),
      createdAt: now,
    };
    call.world.jobs.push(job);
    call.world.record("reporting.jobs.create", { job_id: job.id, report_type: job.reportTypeId });
    const { createdAt: _c, ...shown } = job;
    return (send(res, 200, shown), true);
  }
  if ((match = route("GET", /^\/reporting\/v1\/jobs\/([^/]+)\/reports$/))) {
    const call = authorizeCall(worlds, req, res, "reporting.reports.list", ANALYTICS);
    if (!call) return true;
    const job = call.world.jobs.find((j) => j.id === match![1]);
    if (!job) return (googleError(res, 404, "notFound", "Requested entity was not found.", "youtubereporting"), true);
    const after = Date.parse(q.get("createdAfter") ?? "") || -Infinity;
    const startAtOrAfter = Date.parse(q.get("startTimeAtOrAfter") ?? "") || -Infinity;
    const startBefore = Date.parse(q.get("startTimeBefore") ?? "") || Infinity;
    const all = reportsOf(call.world, job)
      .filter((r) => r.createdAt > after && Date.parse(r.startTime) >= startAtOrAfter && Date.parse(r.startTime) < startBefore)
      .sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? -1 : 1));
    // At most 25 per page, whatever is asked, so clients must follow nextPageToken.
    const size = Math.min(25, Number(q.get("pageSize") ?? 20));
    const start = Number(q.get("pageToken")?.replace("p", "") ?? 0);
    const page = all.slice(start, start + size).map((r) => ({
      id: r.id,
      jobId: job.id,
      startTime: r.startTime,
      endTime: r.endTime,
      createTime: r.createTime,
      downloadUrl: `${worlds.base}/reporting/v1/media/CHANNEL/${call.world.channel.id}/jobs/${job.id}/reports/${r.id}?alt=media`,
    }));
    return (
      send(res, 200, {
        ...(page.length ? { reports: page } : {}),
        ...(start + size < all.length ? { nextPageToken: `p${start + size}` } : {}),
      }),
      true
    );
  }
  if ((match = route("GET", /^\/reporting\/v1\/media\/CHANNEL\/[^/]+\/jobs\/([^/]+)\/reports\/([^/]+)$/))) {
    const call = authorizeCall(worlds, req, res, "reporting.media.download", ANALYTICS);
    if (!call) return true;
    const job = call.world.jobs.find((j) => j.id === match![1]);
    const report = job && reportsOf(call.world, job).find((r) => r.id === match![2]);
    if (!report) return (googleError(res, 404, "notFound", "Requested entity was not found.", "youtubereporting"), true);
    call.world.record("reporting.download", { report_id: report.id, day: report.day, version: report.version });
    res.writeHead(200, { "content-type": "application/octet-stream" });
    res.end(reachCsv(call.world, report.day, report.version));
    return true;
  }
  if (route("GET", /^\/analytics\/v2\/reports$/)) {
    const call = authorizeCall(worlds, req, res, "analytics.reports.query", ANALYTICS);
    if (!call) return true;
    const { world } = call;
    const [start, end] = [q.get("startDate") ?? "", q.get("endDate") ?? ""];
    if (q.get("ids") !== "channel==MINE") return (badRequest(res, "invalidArgument", "ids must be channel==MINE"), true);
    if (!isDay(start) || !isDay(end) || start > end)
      return (badRequest(res, "invalidArgument", "startDate and endDate must be YYYY-MM-DD, start first."), true);
    if (q.get("dimensions") !== "day") return (badRequest(res, "invalidArgument", "This fake supports dimensions=day only."), true);
    const videoId = /^video==([\w-]+)$/.exec(q.get("filters") ?? "")?.[1];
    const video = videoId ? world.videos.get(videoId) : undefined;
    if (!video) return (badRequest(res, "invalidArgument", "filters must be video==<a video of this channel>"), true);
    const metrics = (q.get("metrics") ?? "").split(",");
    const known = ["views", "estimatedMinutesWatched", "averageViewDuration"];
    if (!metrics.every((m) => known.includes(m)))
      return (badRequest(res, "invalidArgument", `Unknown metric; use ${known.join(", ")}.`), true);
    // Analytics lags like the reports: nothing after the day before yesterday.
    const last = addDays(pacificDay(world.now()), -2);
    const rows: (string | number)[][] = [];
    for (let day = start; day <= end && day <= last; day = addDays(day, 1)) {
      const s = dayStats(world, video, day);
      if (s.views === 0) continue;
      const value = {
        views: s.views,
        estimatedMinutesWatched: s.minutesWatched,
        averageViewDuration: Math.round((s.minutesWatched * 60) / s.views),
      };
      rows.push([day, ...metrics.map((m) => value[m as keyof typeof value])]);
    }
    return (
      send(res, 200, {
        kind: "youtubeAnalytics#resultTable",
        columnHeaders: [
          { name: "day", columnType: "DIMENSION", dataType: "STRING" },
          ...metrics.map((m) => ({ name: m, columnType: "METRIC", dataType: "INTEGER" })),
        ],
        rows,
      }),
      true
    );
  }
  return false;
}
