// The Reporting API's channel_reach_basic_a1 CSV: thumbnail impressions and their CTR per video
// per Pacific day. Reports arrive days late and can be re-issued with corrections; for each day
// only the newest version counts, and a video missing from it had zero impressions (YouTube
// omits all-zero rows).
import { addDays, fromCompactDay, pacificDay } from "./pacific";

export const REACH_REPORT_TYPE = "channel_reach_basic_a1";
const REQUIRED = ["date", "channel_id", "video_id", "video_thumbnail_impressions", "video_thumbnail_impressions_ctr"] as const;

export interface ReachRow {
  day: string;
  channelId: string;
  videoId: string;
  impressions: number;
  /** A 0-1 fraction, as the report writes it. */
  ctr: number;
}

export class ReachCsvError extends Error {
  override name = "ReachCsvError";
}

/** Splits one CSV line; quoted fields may hold commas and doubled quotes. */
function splitLine(line: string): string[] {
  const out: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') ((field += '"'), i++);
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") (out.push(field), (field = ""));
    else field += ch;
  }
  out.push(field);
  return out;
}

/** Parses a whole report; columns are found by name, so added columns do not break it. */
export function parseReachCsv(text: string): ReachRow[] {
  const lines = text
    .replace(/^\uFEFF/, "")
    .split(/\r?\n/)
    .filter((l) => l.trim() !== "");
  if (lines.length === 0) throw new ReachCsvError("the report is empty (not even a header)");
  const header = splitLine(lines[0]!).map((h) => h.trim());
  const col = Object.fromEntries(REQUIRED.map((name) => [name, header.indexOf(name)])) as Record<(typeof REQUIRED)[number], number>;
  const missing = REQUIRED.filter((name) => col[name] < 0);
  if (missing.length) throw new ReachCsvError(`the report lacks the column(s) ${missing.join(", ")}`);

  return lines.slice(1).map((line, i) => {
    const cells = splitLine(line);
    const at = (name: (typeof REQUIRED)[number]) => (cells[col[name]] ?? "").trim();
    const where = `line ${i + 2}`;
    let day: string;
    try {
      day = fromCompactDay(at("date"));
    } catch {
      throw new ReachCsvError(`${where}: date '${at("date")}' is not YYYYMMDD`);
    }
    const impressions = Number(at("video_thumbnail_impressions"));
    const ctr = Number(at("video_thumbnail_impressions_ctr"));
    if (!Number.isInteger(impressions) || impressions < 0) throw new ReachCsvError(`${where}: impressions must be a whole number ≥ 0`);
    if (!Number.isFinite(ctr) || ctr < 0 || ctr > 1) throw new ReachCsvError(`${where}: CTR must be a fraction between 0 and 1`);
    if (!at("video_id")) throw new ReachCsvError(`${where}: video_id is empty`);
    return { day, channelId: at("channel_id"), videoId: at("video_id"), impressions, ctr };
  });
}

/** One downloaded report: its time range, when YouTube made it, and its rows. */
export interface ReachReportVersion {
  reportId: string;
  /** RFC 3339; the range's days are the Pacific days in [startTime, endTime). */
  startTime: string;
  endTime: string;
  createTime: string;
  rows: ReachRow[];
}

export interface ReachDay {
  day: string;
  /** The version that counts for this day. */
  reportId: string;
  createTime: string;
  rows: ReachRow[];
}

/** The Pacific days a report covers. */
export function coveredDays(report: Pick<ReachReportVersion, "startTime" | "endTime">): string[] {
  const first = pacificDay(Date.parse(report.startTime));
  const end = pacificDay(Date.parse(report.endTime));
  const days: string[] = [];
  for (let d = first; d < end; d = addDays(d, 1)) days.push(d);
  return days.length ? days : [first];
}

/** The newest version of each day, sorted by day. Ties (same createTime) keep the later report id. */
export function newestPerDay(reports: ReachReportVersion[]): ReachDay[] {
  const best = new Map<string, ReachDay>();
  for (const report of reports) {
    for (const day of coveredDays(report)) {
      const current = best.get(day);
      const newer =
        !current ||
        Date.parse(report.createTime) > Date.parse(current.createTime) ||
        (report.createTime === current.createTime && report.reportId > current.reportId);
      if (newer)
        best.set(day, { day, reportId: report.reportId, createTime: report.createTime, rows: report.rows.filter((r) => r.day === day) });
    }
  }
  return [...best.values()].sort((a, b) => (a.day < b.day ? -1 : 1));
}

export interface VideoReachDay {
  day: string;
  impressions: number;
  /** Estimated from the rounded CTR the report gives; exact to about ±0.5 click per 1,000 impressions. */
  clicks: number;
  ctr: number;
}

/** One video's days; a day with data but no row for the video had zero impressions. */
export function videoReach(days: ReachDay[], videoId: string): VideoReachDay[] {
  return days.map(({ day, rows }) => {
    const row = rows.find((r) => r.videoId === videoId);
    if (!row) return { day, impressions: 0, clicks: 0, ctr: 0 };
    return { day, impressions: row.impressions, clicks: Math.round(row.impressions * row.ctr), ctr: row.ctr };
  });
}

/** The channel's other videos together, per day: the rotation's concurrent control (same report, no quota). */
export function othersReach(days: ReachDay[], videoId: string): { day: string; impressions: number; clicks: number }[] {
  return days.map(({ day, rows }) => {
    const others = rows.filter((r) => r.videoId !== videoId);
    return {
      day,
      impressions: others.reduce((s, r) => s + r.impressions, 0),
      clicks: others.reduce((s, r) => s + Math.round(r.impressions * r.ctr), 0),
    };
  });
}
