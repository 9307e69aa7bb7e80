// Who leads, how sure we are, and whether the leader has been proven best.
import type { EngineConfig } from "./config";
import { holmAdjust } from "./msprt";
import { type EngineState, ctrOf, pBeats } from "./state";

export interface Decision {
  /** Arm index with the highest CTR, or −1 before any impressions. */
  leader: number;
  /** The rival with the largest Holm-adjusted p-value: the one the leader is least sure to beat. */
  rival: number;
  /** 1 − that adjusted p-value. */
  confidence: number;
  /** The leader beats every other arm with the family-wise error at most alpha. */
  proven: boolean;
}

export function leaderOf(state: EngineState): number {
  let leader = -1;
  for (let i = 0; i < state.armIds.length; i++) {
    if (state.impressions[i] === 0) continue;
    if (leader < 0 || ctrOf(state, i) > ctrOf(state, leader)) leader = i;
  }
  return leader;
}

/**
 * Declaring "the leader is best" means rejecting "leader ≤ j" for every other arm j. We test
 * those K−1 one-sided hypotheses with running-min always-valid p-values and Holm's correction,
 * so a wrong "best" (in either the A/A or a real-difference case) needs at least one false
 * rejection among them; the choice of leader is the comparison-with-the-best setting of Hsu
 * (1984), where K−1 comparisons at family level alpha suffice. The winner needs every
 * adjusted p ≤ alpha, i.e. the largest one: that is why confidence uses the maximum.
 */
export function decide(state: EngineState, config: EngineConfig): Decision {
  const leader = leaderOf(state);
  const k = state.armIds.length;
  if (leader < 0 || k < 2) return { leader, rival: -1, confidence: 0, proven: false };
  const others: number[] = [];
  for (let j = 0; j < k; j++) if (j !== leader) others.push(j);
  const adjusted = holmAdjust(others.map((j) => pBeats(state, leader, j)));
  let rivalAt = 0;
  for (let r = 1; r < others.length; r++) {
    const larger = adjusted[r] > adjusted[rivalAt];
    // On ties, the rival is the closer one by CTR.
    const closer = adjusted[r] === adjusted[rivalAt] && ctrOf(state, others[r]) > ctrOf(state, others[rivalAt]);
    if (larger || closer) rivalAt = r;
  }
  const worst = adjusted[rivalAt];
  return {
    leader,
    rival: others[rivalAt],
    confidence: Math.min(1, Math.max(0, 1 - worst)),
    proven: worst <= config.alpha,
  };
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
