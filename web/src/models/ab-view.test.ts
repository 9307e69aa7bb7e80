import { describe, expect, it } from "vitest";
import type { AbStatus, VariantStats } from "../api/types";
import { chanceWrong, leaderOf, progressOf, statusLine, thresholdOf, winnerOf } from "./ab-view";

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

  it("says how likely a pick is to be wrong", () => {
    expect(chanceWrong(base, "b")).toBeCloseTo(0.03, 5);
    expect(chanceWrong({ ...base, probability_wrong_if_declared: { b: 0.2 } }, "b")).toBe(0.2);
  });
});
