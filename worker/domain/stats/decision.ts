// Who leads, how sure we are, and which claims are proven. Every claim is a statement about
// the epoch-stratified pair comparisons (pairs.ts) and carries its own error rate:
//   winner     the leader beats every other variant: family-wise error ≤ alpha (Holm).
//   preferred  the leader beats the creator's pick: ≤ alpha that a variant no better than the
//              pick replaces it (Bonferroni over the K − 1 challengers).
//   same       no variant beats another by δ or more: ≤ alpha (intersection–union: every pair's
//              two one-sided relative tests must reject, each at alpha).
import { type EngineConfig, resolveConfig } from "./config";
import { holmAdjust } from "./msprt";
import { type EngineState, ctrOf, pBeats, pairOf } from "./state";

export interface Decision {
  /** Arm index that leads on the stratified comparisons, or −1 before any impressions. */
  leader: number;
  /** The rival with the largest Holm-adjusted p-value: the one the leader is least sure to beat. */
  rival: number;
  /** 1 − that adjusted p-value. */
  confidence: number;
  /** The leader beats every other arm with the family-wise error at most alpha. */
  proven: boolean;
  /** The leader when it is proven better than the pick (and is not the pick), else −1. */
  preferred: number;
  /** Every pair is proven within ±δ (relative): the variants performed the same. */
  same: boolean;
}

/**
 * The arm whose worst stratified difference against the others is largest: the arm that beats
 * all others on the pair estimates whenever one does, so the leader never contradicts its own
 * lift. Arms are compared only on pairs with data in common; with none, pooled CTRs decide.
 */
export function leaderOf(state: EngineState): number {
  const k = state.armIds.length;
  let leader = -1;
  let best = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < k; i++) {
    if (state.impressions[i] === 0) continue;
    let worst = Number.POSITIVE_INFINITY;
    for (let j = 0; j < k; j++) {
      if (j === i) continue;
      const { pair, forward } = pairOf(state, i, j);
      if (pair.variance > 0) worst = Math.min(worst, forward ? pair.estimate : -pair.estimate);
    }
    const score = worst === Number.POSITIVE_INFINITY ? Number.NEGATIVE_INFINITY : worst;
    const better = score > best || (score === best && leader >= 0 && ctrOf(state, i) > ctrOf(state, leader));
    if (leader < 0 || better) {
      leader = i;
      best = score;
    }
  }
  return leader;
}

/** Whether every pair's always-valid lift interval shows neither arm beating the other by δ. */
export function performedTheSame(state: EngineState, sameMargin: number): boolean {
  if (state.armIds.length < 2) return false;
  // ctr_a < (1 + δ)·ctr_b and ctr_b < (1 + δ)·ctr_a, i.e. lift a/b − 1 in (−δ/(1 + δ), δ).
  return state.pairs.every((p) => p.variance > 0 && p.liftUpper < sameMargin && p.liftLower > -sameMargin / (1 + sameMargin));
}

/**
 * Declaring "the leader is best" means rejecting "leader ≤ j" for every other arm j. We test
 * those K−1 one-sided hypotheses with running-min always-valid p-values and Holm's correction,
 * so a wrong "best" (in either the A/A or a real-difference case) needs at least one false
 * rejection among them; the choice of leader is the comparison-with-the-best setting of Hsu
 * (1984), where K−1 comparisons at family level alpha suffice. The winner needs every
 * adjusted p ≤ alpha, i.e. the largest one: that is why confidence uses the maximum.
 * `pick` (optional addition) enables the preferred claim.
 */
export function decide(state: EngineState, engineConfig: EngineConfig, pick = -1): Decision {
  const config = resolveConfig(engineConfig);
  const leader = leaderOf(state);
  const k = state.armIds.length;
  const same = performedTheSame(state, config.sameMargin);
  if (leader < 0 || k < 2) return { leader, rival: -1, confidence: 0, proven: false, preferred: -1, same };
  const others: number[] = [];
  for (let j = 0; j < k; j++) if (j !== leader) others.push(j);
  const adjusted = holmAdjust(others.map((j) => pBeats(state, leader, j)));
  let rivalAt = 0;
  for (let r = 1; r < others.length; r++) {
    const larger = adjusted[r] > adjusted[rivalAt];
    // On ties, the rival is the closer one on the stratified difference.
    const closer = adjusted[r] === adjusted[rivalAt] && gap(state, leader, others[r]) < gap(state, leader, others[rivalAt]);
    if (larger || closer) rivalAt = r;
  }
  const worst = adjusted[rivalAt];
  const preferred = pick >= 0 && pick !== leader && pBeats(state, leader, pick) <= config.alpha / (k - 1) ? leader : -1;
  return {
    leader,
    rival: others[rivalAt],
    confidence: Math.min(1, Math.max(0, 1 - worst)),
    proven: worst <= config.alpha,
    preferred,
    same,
  };
}

function gap(state: EngineState, i: number, j: number): number {
  const { pair, forward } = pairOf(state, i, j);
  return forward ? pair.estimate : -pair.estimate;
}

/**
 * Arms already shown worse than the leader at the Bonferroni level alpha/(K−1). They need no
 * more traffic while that leader leads: running-min p-values never rise, so those steps of
 * Holm's procedure stay passed. If another arm takes the lead they are reconsidered.
 */
export function eliminatedArms(state: EngineState, config: EngineConfig, leader: number): boolean[] {
  const k = state.armIds.length;
  const threshold = config.alpha / Math.max(1, k - 1);
  return state.armIds.map((_, j) => leader >= 0 && j !== leader && pBeats(state, leader, j) <= threshold);
}
