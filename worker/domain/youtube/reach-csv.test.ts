import { describe, expect, it } from "vitest";
import { pacificMidnight } from "./pacific";
import { newestPerDay, parseReachCsv, ReachCsvError, videoReach, type ReachReportVersion } from "./reach-csv";

const HEADER = "date,channel_id,video_id,video_thumbnail_impressions,video_thumbnail_impressions_ctr";
const iso = (ms: number) => new Date(ms).toISOString();
const dayRange = (day: string, next: string) => ({ startTime: iso(pacificMidnight(day)), endTime: iso(pacificMidnight(next)) });

describe("parseReachCsv", () => {
  it("reads rows by column name, in any column order, with CRLF and a BOM", () => {
    const text = `\uFEFFvideo_thumbnail_impressions_ctr,date,video_id,extra,channel_id,video_thumbnail_impressions\r\n0.0512,20261120,vidA,"x, y",UC1,1934\r\n0,20261120,vidB,,UC1,12\r\n`;
    expect(parseReachCsv(text)).toEqual([
      { day: "2026-11-20", channelId: "UC1", videoId: "vidA", impressions: 1934, ctr: 0.0512 },
      { day: "2026-11-20", channelId: "UC1", videoId: "vidB", impressions: 12, ctr: 0 },
    ]);
    expect(parseReachCsv(`${HEADER}\n`)).toEqual([]);
  });

  it("refuses what it cannot trust, naming the line", () => {
    expect(() => parseReachCsv("")).toThrow(ReachCsvError);
    expect(() => parseReachCsv("date,video_id\n20261120,a")).toThrow(/lacks the column\(s\) channel_id/);
    expect(() => parseReachCsv(`${HEADER}\n2026-11-20,UC1,a,10,0.1`)).toThrow(/line 2: date/);
    expect(() => parseReachCsv(`${HEADER}\n20261120,UC1,a,10.5,0.1`)).toThrow(/line 2: impressions/);
    expect(() => parseReachCsv(`${HEADER}\n20261120,UC1,a,10,0.1\n20261120,UC1,b,10,5.2`)).toThrow(/line 3: CTR/);
    expect(() => parseReachCsv(`${HEADER}\n20261120,UC1,,10,0.1`)).toThrow(/video_id is empty/);
  });
});

describe("newestPerDay", () => {
  const v1: ReachReportVersion = {
    reportId: "r1",
    ...dayRange("2026-11-20", "2026-11-21"),
    createTime: "2026-11-22T14:00:00Z",
    rows: parseReachCsv(`${HEADER}\n20261120,UC1,vidA,1000,0.05\n20261120,UC1,vidB,300,0.02`),
  };
  const day21: ReachReportVersion = {
    reportId: "r2",
    ...dayRange("2026-11-21", "2026-11-22"),
    createTime: "2026-11-23T14:00:00Z",
    rows: parseReachCsv(`${HEADER}\n20261121,UC1,vidA,800,0.061`),
  };
  // A correction for the 20th: vidB's row is gone, so it had zero impressions after all.
  const reissued: ReachReportVersion = {
    reportId: "r3",
    ...dayRange("2026-11-20", "2026-11-21"),
    createTime: "2026-11-24T14:00:00Z",
    rows: parseReachCsv(`${HEADER}\n20261120,UC1,vidA,1040,0.048`),
  };

  it("keeps the newest version of each day whatever order the reports come in", () => {
    for (const order of [
      [v1, day21, reissued],
      [reissued, day21, v1],
    ]) {
      const days = newestPerDay(order);
      expect(days.map((d) => [d.day, d.reportId])).toEqual([
        ["2026-11-20", "r3"],
        ["2026-11-21", "r2"],
      ]);
      expect(videoReach(days, "vidA")).toEqual([
        { day: "2026-11-20", impressions: 1040, clicks: 50, ctr: 0.048 },
        { day: "2026-11-21", impressions: 800, clicks: 49, ctr: 0.061 },
      ]);
      expect(videoReach(days, "vidB")[0]).toEqual({ day: "2026-11-20", impressions: 0, clicks: 0, ctr: 0 });
    }
  });

  it("counts a day whose newest report has no rows as a day of zeros, not a missing day", () => {
    const empty = { ...day21, reportId: "r4", createTime: "2026-11-25T00:00:00Z", rows: [] };
    const days = newestPerDay([v1, day21, empty]);
    expect(days.find((d) => d.day === "2026-11-21")).toMatchObject({ reportId: "r4", rows: [] });
  });

  it("splits a multi-day backfill report into its days", () => {
    const backfill: ReachReportVersion = {
      reportId: "b",
      ...dayRange("2026-11-18", "2026-11-20"),
      createTime: "2026-11-21T00:00:00Z",
      rows: parseReachCsv(`${HEADER}\n20261118,UC1,vidA,5,0.2\n20261119,UC1,vidA,7,0`),
    };
    const days = newestPerDay([backfill, v1]);
    expect(days.map((d) => [d.day, d.rows.length])).toEqual([
      ["2026-11-18", 1],
      ["2026-11-19", 1],
      ["2026-11-20", 2],
    ]);
  });
});
