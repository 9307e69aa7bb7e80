import { describe, expect, it } from "vitest";
import { clock, duration, relativeTime, roughly, timestamp } from "./format";

const now = Date.parse("2026-03-10T12:00:00Z");
const ago = (s: number) => new Date(now - s * 1000).toISOString();

describe("format", () => {
  it("says durations in whole seconds, minutes, or hours and minutes", () => {
    const said = [0, 5, 59.4, 59.6, 61, 125, 317, 3599, 3600, 3661, 5400, 3 * 3600 + 60, 86_400 + 7].map(duration);
    expect(said).toEqual([
      "0 s",
      "5 s",
      "59 s",
      "1 min",
      "1 min",
      "2 min",
      "5 min",
      "1 h",
      "1 h",
      "1 h 1 min",
      "1 h 30 min",
      "3 h 1 min",
      "24 h",
    ]);
  });
  it("runs clocks to the second", () => {
    expect(clock(5)).toBe("5 s");
    expect(clock(125)).toBe("2 min 05 s");
    expect(clock(3 * 3600 + 60)).toBe("3 h 01 min");
  });
  it("says dates relative to now", () => {
    expect(relativeTime(ago(10), now)).toBe("just now");
    expect(relativeTime(ago(300), now)).toBe("5 min ago");
    expect(relativeTime(ago(3 * 3600), now)).toBe("3 h ago");
    expect(relativeTime(ago(26 * 3600), now)).toBe("yesterday");
    expect(relativeTime(ago(4 * 86400), now)).toBe("4 days ago");
    expect(relativeTime(ago(40 * 86400), now)).toBe("29 Jan 2026");
  });
  it("rounds estimates and writes chapter stamps as YouTube reads them", () => {
    expect(roughly(20)).toBe("under a minute");
    expect(roughly(600)).toBe("about 10 min");
    expect(roughly(5 * 3600)).toBe("about 5 h");
    expect(timestamp(0)).toBe("0:00");
    expect(timestamp(75)).toBe("1:15");
    expect(timestamp(3725)).toBe("1:02:05");
  });
});
