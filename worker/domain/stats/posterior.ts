// Probability to be best from the stratified comparisons. Each arm gets a normal posterior
// placed relative to the leader by the pair's stratified difference, so P(best) never ranks
// arms differently from the lifts and intervals shown beside it, even when the CTR drifted and
// the split changed (pooled Beta posteriors would be Simpson-biased then).
import { logNormalCdf } from "./normal";
import { type EngineState, ctrOf, pairOf } from "./state";

export interface NormalPosterior {
  mean: number;
  sd: number;
}

/** Posteriors in arm order, centred on the leader's CTR (the level cancels in P(best)). */
export function stratifiedPosteriors(state: EngineState, leader: number): NormalPosterior[] {
  if (leader < 0) return state.armIds.map(() => ({ mean: 0, sd: 1 }));
  const centre = ctrOf(state, leader);
  const links = state.armIds.map((_, i) => {
    if (i === leader) return null;
    const { pair, forward } = pairOf(state, leader, i);
    if (!(pair.variance > 0)) return null;
    // The leader's share of the pair variance: the arm on side a or b of the pair.
    const leaderPart = forward ? varianceShare(pair.ctrA, pair.variance, pair.ctrB) : varianceShare(pair.ctrB, pair.variance, pair.ctrA);
    return { gap: forward ? pair.estimate : -pair.estimate, variance: pair.variance, leaderPart };
  });
  const defined = links.filter((l) => l !== null);
  const leaderVar = defined.length ? Math.min(...defined.map((l) => l.leaderPart)) : Math.max(centre * (1 - centre), 1e-6);
  const vague = Math.max(0.05, centre);
  return state.armIds.map((_, i) => {
    if (i === leader) return { mean: centre, sd: Math.sqrt(leaderVar) };
    const link = links[i];
    if (!link) return { mean: centre, sd: vague };
    return { mean: centre - link.gap, sd: Math.sqrt(Math.max(link.variance - leaderVar, link.variance / 4)) };
  });
}

/** Split a pair's variance between its arms in proportion to p(1 − p) (equal information). */
function varianceShare(ctr: number, variance: number, otherCtr: number): number {
  const own = ctr * (1 - ctr);
  const other = otherCtr * (1 - otherCtr);
  return own + other > 0 ? (variance * own) / (own + other) : variance / 2;
}

const INTERVALS = 256; // even, for Simpson's rule

/** P(arm i is highest) for independent normals: ∫ φ_i Π_{j≠i} Φ_j, by Simpson's rule on ±8 sd. */
export function probabilityBestNormal(posteriors: NormalPosterior[]): number[] {
  const k = posteriors.length;
  if (k === 0) return [];
  if (k === 1) return [1];
  const raw = posteriors.map(({ mean, sd }, i) => {
    const lo = mean - 8 * sd;
    const step = (16 * sd) / INTERVALS;
    let sum = 0;
    for (let s = 0; s <= INTERVALS; s++) {
      const x = lo + s * step;
      const u = (x - mean) / sd;
      let logValue = -0.5 * u * u;
      for (let j = 0; j < k; j++) if (j !== i) logValue += logNormalCdf((x - posteriors[j].mean) / posteriors[j].sd);
      const weight = s === 0 || s === INTERVALS ? 1 : s % 2 === 1 ? 4 : 2;
      sum += weight * Math.exp(logValue);
    }
    return (sum * step) / 3 / (sd * Math.sqrt(2 * Math.PI));
  });
  const total = raw.reduce((acc, p) => acc + p, 0);
  return total > 0 ? raw.map((p) => p / total) : raw.map(() => 1 / k);
}
