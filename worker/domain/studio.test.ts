// The Studio package follows YouTube's rules for chapters, tags and titles.
import { describe, expect, it } from "vitest";
import { timestamp } from "../shared/words";
import { chaptersOf, studioPackage } from "./studio";

const script = (over: Partial<Parameters<typeof chaptersOf>[0]> = {}) => ({
  id: "s",
  title: "Japan on a budget: 10 days for $1,000",
  angle: "a",
  hook: "You can see Japan for less than a new phone.",
  body: "b",
  outline: ["Why Japan is cheaper than you think", "The JR Pass, worth it?", "Hostels and capsule hotels", "Convenience-store meals"],
  call_to_action: "Subscribe for the Kyoto episode.",
  estimated_duration_seconds: 480,
  ...over,
});

describe("studioPackage", () => {
  it("puts the winner's title first, then the other titles, without repeats", () => {
    const pkg = studioPackage({
      winner: script(),
      others: [script({ title: "Cheap Japan" }), script()],
      topic: "Budget travel Japan",
      niche: "travel",
      trends: null,
    });
    expect(pkg.title_options).toEqual(["Japan on a budget: 10 days for $1,000", "Cheap Japan"]);
  });

  it("writes chapters from 0:00 spread over the length, and lists them in the description", () => {
    const pkg = studioPackage({ winner: script(), others: [], topic: "Budget travel Japan", niche: null, trends: null });
    expect(pkg.chapters.map((c) => c.start_seconds)).toEqual([0, 120, 240, 360]);
    expect(pkg.description).toContain("0:00 Why Japan is cheaper than you think");
    expect(pkg.description).toContain("6:00 Convenience-store meals");
    expect(pkg.description.startsWith("You can see Japan")).toBe(true);
    expect(pkg.description).toContain("Subscribe for the Kyoto episode.");
  });

  it("leaves chapters out when YouTube would refuse them (fewer than 3, or under 10 s each)", () => {
    expect(chaptersOf(script({ outline: ["One", "Two"] }))).toEqual([]);
    expect(chaptersOf(script({ estimated_duration_seconds: 25 }))).toEqual([]);
  });

  it("makes unique lower-case tags without commas or angle brackets, within 500 characters", () => {
    const trends = {
      topic: "t",
      source: "x",
      generated_at: "",
      summary: "",
      trends: [
        { keyword: "JR Pass, 2026", score: 1, growth_pct: 1 },
        { keyword: "<b>hostels</b>", score: 1, growth_pct: 1 },
      ],
      related_queries: Array.from({ length: 40 }, (_, i) => `japan travel tip number ${i}`),
      top_formats: [],
    };
    const { tags } = studioPackage({ winner: script(), others: [], topic: "Budget travel Japan", niche: "Travel", trends });
    expect(tags.slice(0, 4)).toEqual(["budget travel japan", "travel", "jr pass 2026", "b hostels /b"]);
    expect(new Set(tags).size).toBe(tags.length);
    expect(tags.join(",").length).toBeLessThanOrEqual(500);
  });

  it("formats timestamps as YouTube reads them", () => {
    expect([timestamp(0), timestamp(75), timestamp(3725)]).toEqual(["0:00", "1:15", "1:02:05"]);
  });
});
