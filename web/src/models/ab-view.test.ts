import { describe, expect, it } from "vitest";
import type { AbStatus, VariantStats } from "../api/types";
import {
  ctrRangeText,
  earlyEstimate,
  leaderOf,
  liftText,
  progressOf,
  proofLine,
  riskOf,
  statusLine,
  thresholdOf,
  winnerOf,
} from "./ab-view";

const v = (id: string, style: VariantStats["style"], impressions: number, clicks: number, best?: number): VariantStats => ({
  thumbnail_id: id,
  style,
  impressions,
  clicks,
  ctr: impressions ? clicks / impressions : 0,
  probability_best: best ?? null,
});
const base = {
  is_running: true,
  analytics_source: "simulated",
  creator_pick_id: "a",
  variants: [v("a", "FACE_FOCUSED", 100, 5, 0.02), v("b", "VIRAL", 100, 11, 0.97), v("c", "PRODUCT_DEMO", 100, 6, 0.01)],
  current_confidence: 0,
  can_declare_early: false,
  leader_id: "b",
  winner_id: null,
  started_at: "2026-01-01T00:00:00Z",
  deadline_at: "2026-01-01T01:00:00Z",
  ended_at: null,
  decision: null,
  verdict: null,
  explanation: null,
  polls: 3,
  poll_interval_seconds: 30,
} as AbStatus; // an older server: no threshold, labels, summary or progress
const at = (iso: string) => Date.parse(iso);

describe("status line", () => {
  it("says who is ahead in words, with no percentage beside a 97% leader", () => {
    const s = statusLine(base);
    expect(s).toEqual({ state: "ahead", leader_id: "b", text: "Viral is ahead, not proven yet" });
    expect(s.text).not.toMatch(/%/);
  });
  it("prefers the server's summary and labels", () => {
    const ab = { ...base, summary: { state: "ahead" as const, leader_id: "b", text: "Server words" }, labels: { b: "Bold" } };
    expect(statusLine(ab).text).toBe("Server words");
  });
  it("never makes a variant nobody has seen the leader", () => {
    const ab = { ...base, leader_id: "c", variants: [v("a", "FACE_FOCUSED", 0, 0), v("c", "PRODUCT_DEMO", 0, 0)] };
    expect(leaderOf(ab)).toBeNull();
    expect(statusLine(ab).text).toBe("Collecting the first impressions");
  });
  it("names the result once the test ends, in the first person when picked early", () => {
    const ended = { ...base, is_running: false, ended_at: base.deadline_at, winner_id: "b" };
    expect(statusLine({ ...ended, decision: "winner", verdict: "winner" }).text).toBe("Viral wins");
    expect(statusLine({ ...ended, decision: "manual", verdict: "inconclusive" }).text).toBe("You picked Viral before the test proved it");
    expect(statusLine({ ...ended, decision: "timeout", verdict: "same" }).text).toBe("No meaningful difference");
    expect(statusLine({ ...ended, decision: "timeout", verdict: "inconclusive", winner_id: "a" }).text).toBe(
      "No clear winner, so your pick Face-focused stays",
    );
  });
  it("uses the server's threshold, 0.95 only while it is missing", () => {
    expect(thresholdOf(base)).toBe(0.95);
    expect(thresholdOf({ ...base, confidence_threshold: 0.9 })).toBe(0.9);
    expect(statusLine({ ...base, current_confidence: 0.92, confidence_threshold: 0.9 }).state).toBe("winner");
  });
});

describe("progress", () => {
  it("shows the engine's estimate when sent", () => {
    const progress = {
      fraction: 0.4,
      impressions_per_variant: 100,
      needed_impressions_per_variant: 250,
      eta_seconds: 600,
      toward: "winner" as const,
      text: "x",
    };
    expect(progressOf({ ...base, progress }, at("2026-01-01T00:10:00Z"))).toEqual({ ...progress, estimated: true });
  });
  it("falls back to the time toward the deadline, never a stuck 0", () => {
    const p = progressOf(base, at("2026-01-01T00:15:00Z"));
    expect(p.estimated).toBe(false);
    expect(p.fraction).toBeCloseTo(0.25, 5);
    expect(p.text).toMatch(/100 impressions per thumbnail so far.*45 min 00 s/);
  });
});

describe("declaring and results", () => {
  it("names no winner while running, nor when a rotation put the original back", () => {
    const ended = { ...base, is_running: false, winner_id: "a", decision: "timeout" } as AbStatus;
    expect(winnerOf(base)).toBeNull();
    expect(winnerOf(ended)).toBe("a");
    const restore = (target: string) => ({ target, done_at: null, attempts: 0, next_attempt_at: null, last_error: null });
    // The server names no winner when the original went back (nothing was proven).
    const rotation = (target: string) =>
      ({ ...ended, winner_id: target === "original" ? null : target, rotation: { restore: restore(target) } }) as unknown as AbStatus;
    expect(winnerOf(rotation("original"))).toBeNull();
    expect(winnerOf(rotation("a"))).toBe("a");
  });

  it("says what declaring risks in words, from the deciding number, never 100%", () => {
    const label = (id: string | null) => ({ a: "Face-focused", b: "Viral", c: "Product demo" })[id ?? "a"]!;
    // The case: P(best) 97% for the leader beside confidence 0%.
    const leader = riskOf(base, "b", label);
    expect(leader).toContain("only under 1% sure");
    const other = riskOf(base, "c", label);
    expect(other).toBe(
      "Product demo is not ahead: Viral has the better click-through so far. Declaring Product demo keeps a thumbnail the numbers do not favour.",
    );
    for (const text of [leader, other, riskOf({ ...base, current_confidence: 1 }, "b", label)]) expect(text).not.toMatch(/100%/);
  });
});

describe("one decisive number", () => {
  const label = (id: string | null) => (id === "b" ? "Viral" : String(id));
  it("leads with how sure the test is, and hides a chance to be best that disagrees with it", () => {
    expect(proofLine(base, label)).toBe("The test is under 1% sure Viral beats every other thumbnail; it calls a winner at 95%.");
    expect(earlyEstimate(base)).toBeNull(); // 97% beside 0%: not shown
    expect(earlyEstimate({ ...base, current_confidence: 0.95 })).toBe("97%");
    expect(proofLine({ ...base, variants: base.variants.map((x) => ({ ...x, impressions: 0 })) }, label)).toBeNull();
  });

  it("prints no range while it is too wide: the issue's 8.00% with 0.0% – 20.6% at 200 impressions", () => {
    const wide = { ...v("x", "VIRAL", 200, 16), ctr_interval: { lower: 0, upper: 0.206 } };
    expect(ctrRangeText(wide, (x) => `${(x * 100).toFixed(1)}%`)).toBe("too early for a range");
    const narrow = { ...v("x", "VIRAL", 20000, 1600), ctr_interval: { lower: 0.075, upper: 0.085 } };
    expect(ctrRangeText(narrow, (x) => `${(x * 100).toFixed(1)}%`)).toBe("7.5% – 8.5%");
    const lift = { ...narrow, lift_vs_pick: { estimate: 0.4, interval: { lower: -0.89, upper: 287 } } };
    expect(liftText(lift, (x) => `${Math.round(x * 100)}%`)).toBe("+40% (too early for a range)");
  });
});
