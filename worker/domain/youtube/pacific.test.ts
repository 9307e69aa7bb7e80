import { describe, expect, it } from "vitest";
import {
  addDays,
  daysBetween,
  fromCompactDay,
  isDay,
  nextPacificMidnight,
  pacificDay,
  pacificMidnight,
  pacificOffsetMinutes,
  toCompactDay,
  weekday,
} from "./pacific";

const LOS_ANGELES = new Intl.DateTimeFormat("en-CA", { timeZone: "America/Los_Angeles" });
const intlDay = (ms: number) => LOS_ANGELES.format(ms);

describe("Pacific days", () => {
  it("agrees with the tz database every 37 minutes across 2025-2028", () => {
    let checked = 0;
    for (let ms = Date.UTC(2025, 0, 1); ms < Date.UTC(2028, 11, 31); ms += 37 * 60_000, checked++) {
      if (pacificDay(ms) !== intlDay(ms)) throw new Error(`${new Date(ms).toISOString()}: ${pacificDay(ms)} vs ${intlDay(ms)}`);
    }
    expect(checked).toBeGreaterThan(50_000);
  });

  it("switches offset at 02:00 local on the second Sunday of March and the first of November", () => {
    expect(pacificOffsetMinutes(Date.parse("2026-03-08T09:59:59Z"))).toBe(-480);
    expect(pacificOffsetMinutes(Date.parse("2026-03-08T10:00:00Z"))).toBe(-420);
    expect(pacificOffsetMinutes(Date.parse("2026-11-01T08:59:59Z"))).toBe(-420);
    expect(pacificOffsetMinutes(Date.parse("2026-11-01T09:00:00Z"))).toBe(-480);
  });

  it("finds midnight on ordinary and transition days, so a day lasts 23, 24 or 25 hours", () => {
    expect(new Date(pacificMidnight("2026-01-15")).toISOString()).toBe("2026-01-15T08:00:00.000Z");
    expect(new Date(pacificMidnight("2026-07-04")).toISOString()).toBe("2026-07-04T07:00:00.000Z");
    expect(new Date(pacificMidnight("2026-03-08")).toISOString()).toBe("2026-03-08T08:00:00.000Z");
    expect(new Date(pacificMidnight("2026-11-01")).toISOString()).toBe("2026-11-01T07:00:00.000Z");
    const hours = (day: string) => (pacificMidnight(addDays(day, 1)) - pacificMidnight(day)) / 3_600_000;
    expect([hours("2026-03-08"), hours("2026-06-01"), hours("2026-11-01")]).toEqual([23, 24, 25]);
    for (let d = "2026-01-01"; d < "2027-01-01"; d = addDays(d, 1)) {
      expect(pacificDay(pacificMidnight(d))).toBe(d);
      expect(pacificDay(pacificMidnight(d) - 1)).toBe(addDays(d, -1));
    }
  });

  it("gives the next midnight strictly after an instant", () => {
    const midnight = pacificMidnight("2026-11-20");
    expect(nextPacificMidnight(midnight)).toBe(pacificMidnight("2026-11-21"));
    expect(nextPacificMidnight(midnight - 1)).toBe(midnight);
  });

  it("does calendar arithmetic and converts the reports' YYYYMMDD", () => {
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2028-03-01", -1)).toBe("2028-02-29");
    expect(daysBetween("2026-11-20", "2026-12-11")).toBe(21);
    expect(weekday("2026-11-26")).toBe(4); // a Thursday
    expect(fromCompactDay("20261120")).toBe("2026-11-20");
    expect(toCompactDay("2026-11-20")).toBe("20261120");
    expect(isDay("2026-02-30")).toBe(false);
    expect(() => fromCompactDay("2026-11-20")).toThrow(RangeError);
    expect(() => fromCompactDay("20261340")).toThrow(RangeError);
    expect(() => addDays("yesterday", 1)).toThrow(RangeError);
  });
});
