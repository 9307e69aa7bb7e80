// How far a running test is from a decision, in numbers a creator can read: the impressions per
// variant the engine expects to need at the effect seen so far (to prove the leader, or to prove
// that the variants perform the same), and when that should happen at the observed traffic rate.
// An estimate for the screen only; it never drives a decision.
import { mixtureBoundary } from "./stats/boundary";

export interface ProgressInput {
  /** Impressions and clicks per variant, leader first when there is one. */
  leader: { impressions: number; clicks: number } | null;
  rival: { impressions: number; clicks: number } | null;
  variants: number;
  alpha: number;
  plannedImpressionsPerVariant: number;
  sameMargin: number;
  minImpressionsPerVariant: number;
  impressionsPerVariant: number;
  elapsedSeconds: number;
}

export interface Progress {
  fraction: number;
  impressions_per_variant: number;
  needed_impressions_per_variant: number | null;
  eta_seconds: number | null;
  /** Which decision the estimate is for. */
  toward: "winner" | "same" | null;
}

const CAP = 1e8;

/** The smallest n (per variant) at which `reached(n)` holds, or null when not even at CAP. */
function smallestN(from: number, reached: (n: number) => boolean): number | null {
  if (!reached(CAP)) return null;
  let lo = Math.max(1, from);
  if (reached(lo)) return lo;
  let hi = CAP;
  while (hi - lo > Math.max(1, lo * 0.005)) {
    const mid = Math.sqrt(lo * hi);
    if (reached(mid)) hi = mid;
    else lo = mid;
  }
  return Math.ceil(hi);
}

export function estimateProgress(input: ProgressInput): Progress {
  const n = input.impressionsPerVariant;
  const none: Progress = { fraction: 0, impressions_per_variant: n, needed_impressions_per_variant: null, eta_seconds: null, toward: null };
  const { leader, rival } = input;
  if (!leader || !rival || leader.impressions === 0 || rival.impressions === 0) return none;
  const p1 = leader.clicks / leader.impressions;
  const p2 = rival.clicks / rival.impressions;
  const pooled = (leader.clicks + rival.clicks) / (leader.impressions + rival.impressions);
  const variance = Math.max(2 * pooled * (1 - pooled), 1e-9);
  const d = p1 - p2;
  const boundary = mixtureBoundary(input.alpha, input.plannedImpressionsPerVariant);
  const perPair = input.alpha / Math.max(1, input.variants - 1);
  const winnerAt = d > 0 ? smallestN(n, (m) => d * Math.sqrt(m / variance) >= boundary.zCritical(m, perPair)) : null;
  // "Same": the difference plus its always-valid half-width stays inside ±δ of the CTR.
  const margin = input.sameMargin * pooled;
  const sameAt =
    Math.abs(d) < margin
      ? smallestN(n, (m) => Math.abs(d) + boundary.zCritical(m, input.alpha / 2) * Math.sqrt(variance / m) <= margin)
      : null;
  const candidates = [
    winnerAt === null ? null : { at: winnerAt, toward: "winner" as const },
    sameAt === null ? null : { at: sameAt, toward: "same" as const },
  ].filter((c): c is { at: number; toward: "winner" | "same" } => c !== null);
  if (candidates.length === 0) return none;
  const best = candidates.reduce((a, b) => (b.at < a.at ? b : a));
  const needed = Math.max(best.at, input.minImpressionsPerVariant, n);
  const rate = input.elapsedSeconds > 0 ? n / input.elapsedSeconds : 0;
  return {
    fraction: Math.min(1, n / needed),
    impressions_per_variant: n,
    needed_impressions_per_variant: needed,
    eta_seconds: rate > 0 ? Math.round((needed - n) / rate) : null,
    toward: best.toward,
  };
}
