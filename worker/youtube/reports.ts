// The Reporting API (the reach job, its reports and their CSVs) and the Analytics API's daily
// watch time. Neither costs Data API units.
import { isDay } from "../domain/youtube/pacific";
import { parseReachCsv, REACH_REPORT_TYPE, ReachCsvError, type ReachReportVersion } from "../domain/youtube/reach-csv";
import { fromGoogleAnswer, YouTubeError } from "./errors";
import type { GoogleSession } from "./session";
import type { ReportFile, ReportingJob, WatchTimeDay } from "./types";

const MAX_PAGES = 50;

export async function ensureReachJob(session: GoogleSession, base: string, retried = false): Promise<ReportingJob> {
  const list = await session.json<{ jobs?: ReportingJob[] }>("Listing reporting jobs", `${base}/jobs`);
  const existing = list.jobs?.find((j) => j.reportTypeId === REACH_REPORT_TYPE);
  if (existing) return pick(existing);
  const answer = await session.send("Creating the reach reporting job", `${base}/jobs`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ reportTypeId: REACH_REPORT_TYPE, name: "Creator Agent Toolbox thumbnail reach" }),
  });
  // Two connects racing: the loser sees ALREADY_EXISTS and takes the winner's job.
  if (answer.status === 409 && !retried) return ensureReachJob(session, base, true);
  return pick(await session.parse<ReportingJob>("Creating the reach reporting job", answer));
}

const pick = (j: ReportingJob): ReportingJob => ({ id: j.id, reportTypeId: j.reportTypeId, createTime: j.createTime });

export async function listReports(session: GoogleSession, base: string, jobId: string, createdAfter?: string): Promise<ReportFile[]> {
  const out: ReportFile[] = [];
  let pageToken: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const q = new URLSearchParams({ pageSize: "100" });
    if (createdAfter) q.set("createdAfter", createdAfter);
    if (pageToken) q.set("pageToken", pageToken);
    const body = await session.json<{ reports?: ReportFile[]; nextPageToken?: string }>(
      "Listing reach reports",
      `${base}/jobs/${encodeURIComponent(jobId)}/reports?${q}`,
    );
    for (const r of body.reports ?? [])
      out.push({
        id: r.id,
        jobId: r.jobId,
        startTime: r.startTime,
        endTime: r.endTime,
        createTime: r.createTime,
        downloadUrl: r.downloadUrl,
      });
    pageToken = body.nextPageToken;
    if (!pageToken) break;
  }
  return out;
}

export async function downloadReport(session: GoogleSession, base: string, report: ReportFile): Promise<ReachReportVersion> {
  // The download carries our bearer token, so it may only go where the Reporting API lives.
  if (new URL(report.downloadUrl).origin !== new URL(base).origin)
    throw new YouTubeError(
      "invalid_request",
      "The report's download URL is not on the Reporting API's host; refusing to send credentials there.",
    );
  const answer = await session.send("Downloading a reach report", report.downloadUrl);
  if (answer.status < 200 || answer.status >= 300) await session.parse("Downloading a reach report", answer);
  try {
    return {
      reportId: report.id,
      startTime: report.startTime,
      endTime: report.endTime,
      createTime: report.createTime,
      rows: parseReachCsv(answer.text),
    };
  } catch (err) {
    if (err instanceof ReachCsvError) throw new YouTubeError("invalid_request", `Reach report ${report.id} is malformed: ${err.message}`);
    throw err;
  }
}

interface ResultTable {
  columnHeaders?: { name: string }[];
  rows?: (string | number)[][];
}

export async function queryWatchTime(
  session: GoogleSession,
  base: string,
  videoId: string,
  startDay: string,
  endDay: string,
): Promise<WatchTimeDay[]> {
  if (!isDay(startDay) || !isDay(endDay) || startDay > endDay)
    throw new YouTubeError("invalid_request", "startDay and endDay must be YYYY-MM-DD, start first.");
  const q = new URLSearchParams({
    ids: "channel==MINE",
    startDate: startDay,
    endDate: endDay,
    metrics: "views,estimatedMinutesWatched,averageViewDuration",
    dimensions: "day",
    filters: `video==${videoId}`,
    sort: "day",
  });
  const table = await session.json<ResultTable>("Querying watch time", `${base}/reports?${q}`);
  const names = (table.columnHeaders ?? []).map((h) => h.name);
  const at = (row: (string | number)[], name: string) => row[names.indexOf(name)];
  if (!["day", "views", "estimatedMinutesWatched", "averageViewDuration"].every((n) => names.includes(n)))
    throw fromGoogleAnswer("Querying watch time", 502, { error: { message: "the result table lacks the requested columns" } }, session.now);
  return (table.rows ?? []).map((row) => ({
    day: String(at(row, "day")),
    views: Number(at(row, "views")),
    estimatedMinutesWatched: Number(at(row, "estimatedMinutesWatched")),
    averageViewDurationSeconds: Number(at(row, "averageViewDuration")),
  }));
}
