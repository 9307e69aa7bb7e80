// Simulated analytics: what the Durable Object serves when a workflow has no real numbers, and
// what the benchmark runs on. Deterministic in its seeds, so a retried alarm reproduces a poll.
import type { ArmCounts } from "./config";
import { binomialDraw, mixSeed, mulberry32, normalDraw } from "./random";

/**
 * Style baselines and how much a workflow's true CTR varies around them (log-normal sd, i.e.
 * roughly relative). Viral thumbnails are hit or miss, so they vary most; that is what makes
 * the winner differ from one workflow to the next.
 */
export const STYLE_BASELINES: Record<string, { ctr: number; spread: number }> = {
  FACE_FOCUSED: { ctr: 0.085, spread: 0.1 },
  PRODUCT_DEMO: { ctr: 0.062, spread: 0.1 },
  VIRAL: { ctr: 0.095, spread: 0.25 },
};
const UNKNOWN_STYLE = { ctr: 0.07, spread: 0.15 };

/**
 * Impressions per 30-second poll when AB_SIM_IMPRESSIONS_PER_POLL is unset: 30 (10 per
 * variant) is ~260,000 impressions over a 72-hour test, a mid-sized channel's new video, and
 * enough for the 40,000 per variant that a 1-point CTR difference can need.
 */
export const DEFAULT_IMPRESSIONS_PER_POLL = 30;

/**
 * True CTRs for one workflow, keyed by style, drawn log-normally around the baselines with
 * mean preserved (the −σ²/2 term). The same seed always gives the same CTRs.
 */
export function drawTrueCtrs(seed: number, styles: string[]): Record<string, number> {
  const rand = mulberry32(mixSeed(seed, 0x7c7));
  const out: Record<string, number> = {};
  for (const style of styles) {
    if (style in out) continue;
    const { ctr, spread } = STYLE_BASELINES[style] ?? UNKNOWN_STYLE;
    const drawn = ctr * Math.exp(spread * normalDraw(rand) - (spread * spread) / 2);
    out[style] = Math.min(0.5, Math.max(0.005, drawn));
  }
  return out;
}

/**
 * Impressions and clicks gained by each arm during poll `pollIndex` (increments, not totals).
 * Each impression goes to an arm with the allocation's probabilities (a multinomial, drawn as
 * successive binomials) and is clicked with the arm's true CTR. Arms are those of `trueCtrs`,
 * in its key order; an arm missing from `allocation` gets no traffic.
 */
export function simulatePoll(
  seed: number,
  pollIndex: number,
  trueCtrs: Record<string, number>,
  impressionsPerPoll: number,
  allocation: Record<string, number>,
): ArmCounts[] {
  const rand = mulberry32(mixSeed(seed, pollIndex));
  const ids = Object.keys(trueCtrs);
  const weights = ids.map((id) => Math.max(0, allocation[id] ?? 0));
  let remainingWeight = weights.reduce((s, w) => s + w, 0);
  let remaining = Math.max(0, Math.floor(impressionsPerPoll));
  return ids.map((id, i) => {
    const share = remainingWeight > 0 ? weights[i] / remainingWeight : 0;
    // Rounding can leave the last weighted arm a share of 0.9999…; it must take the rest.
    const impressions = binomialDraw(rand, remaining, share > 1 - 1e-9 ? 1 : share);
    remaining -= impressions;
    remainingWeight -= weights[i];
    return { id, impressions, clicks: binomialDraw(rand, impressions, trueCtrs[id]) };
  });
}
