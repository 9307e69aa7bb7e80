// One look at an A/B/n test: cumulative counts in, updated sequential test out.
// Valid under continuous monitoring (mixture boundary, running-min p-values) and under
// adaptive allocation: differences are estimated within each epoch of constant traffic split
// and combined with inverse-variance weights, so a split that follows past results cannot
// mix early and late traffic unevenly between arms (Simpson's paradox under drift).
import { thompsonAllocation } from "./allocation";
import type { ArmCounts, EngineConfig } from "./config";
import { type Evaluation, evaluate } from "./evaluation";
import { confidenceHalfWidth, mixtureRhoSquared, alwaysValidP } from "./msprt";
import { type EngineState, type Epoch, MAX_EPOCHS, type PairState, bernoulliVariance } from "./state";

/** Orders pushed counts by arm and rejects anything that cannot be a cumulative total. */
function orderCounts(state: EngineState, counts: ArmCounts[]) {
  // K entries that between them name all K arms cannot hold a duplicate or a stranger.
  if (counts.length !== state.armIds.length) throw new RangeError("counts must list every arm exactly once");
  let byId: Map<string, ArmCounts> | undefined;
  const impressions: number[] = [];
  const clicks: number[] = [];
  state.armIds.forEach((id, i) => {
    const c = counts[i].id === id ? counts[i] : (byId ??= new Map(counts.map((x) => [x.id, x]))).get(id);
    if (!c) throw new RangeError(`no counts for arm ${id}`);
    const ok =
      Number.isInteger(c.impressions) &&
      Number.isInteger(c.clicks) &&
      c.clicks >= 0 &&
      c.clicks <= c.impressions &&
      c.impressions >= state.impressions[i] &&
      c.clicks >= state.clicks[i];
    if (!ok) throw new RangeError(`counts for arm ${id} are not a valid cumulative total`);
    impressions.push(c.impressions);
    clicks.push(c.clicks);
  });
  return { impressions, clicks };
}

function normalise(allocation: Record<string, number>, armIds: string[]): number[] {
  const raw = armIds.map((id) => Math.max(0, allocation[id] ?? 0));
  const total = raw.reduce((s, w) => s + w, 0);
  if (!(total > 0)) throw new RangeError("allocation must give some traffic to some arm");
  return raw.map((w) => w / total);
}

const sameSplit = (x: number[] | null, y: number[] | null) =>
  x === y || (x !== null && y !== null && x.every((w, i) => Math.abs(w - y[i]) < 1e-9));

/**
 * Adds this look's increments to the epoch with the same split, or opens a new one. Pooling
 * periods of equal split is unbiased (both arms see the same mix of times), so a split that
 * returns joins its old epoch. Late clicks that arrive with no new impressions, and looks whose
 * split is unknown, join the latest epoch.
 */
function addToEpochs(epochs: Epoch[], split: number[] | null, addImpressions: number[], addClicks: number[]): Epoch[] {
  const noImpressions = addImpressions.every((n) => n === 0);
  if (noImpressions && addClicks.every((c) => c === 0)) return epochs;
  const target = noImpressions || split === null ? epochs.length - 1 : epochs.findIndex((e) => sameSplit(e.allocation, split));
  if (target < 0) {
    // Pooling different splits would break the guarantee; callers check acceptsAllocation first.
    if (epochs.length >= MAX_EPOCHS) throw new RangeError(`more than ${MAX_EPOCHS} distinct traffic splits`);
    return [...epochs, { allocation: split, impressions: addImpressions, clicks: addClicks }];
  }
  const merged: Epoch = {
    allocation: epochs[target].allocation,
    impressions: epochs[target].impressions.map((n, i) => n + addImpressions[i]),
    clicks: epochs[target].clicks.map((c, i) => c + addClicks[i]),
  };
  return epochs.map((e, i) => (i === target ? merged : e));
}

/** Whether a look under this split can be taken without pooling it with a different split. */
export function acceptsAllocation(state: EngineState, allocation: Record<string, number>): boolean {
  const split = normalise(allocation, state.armIds);
  return state.epochs.length < MAX_EPOCHS || state.epochs.some((e) => sameSplit(e.allocation, split));
}

/** Inverse-variance-weighted mean of the per-epoch differences, and its variance. */
function epochWeightedDifference(epochs: Epoch[], a: number, b: number, va: number, vb: number) {
  let weightSum = 0;
  let weighted = 0;
  for (const e of epochs) {
    const na = e.impressions[a];
    const nb = e.impressions[b];
    if (na === 0 || nb === 0) continue;
    const w = 1 / (va / na + vb / nb);
    weightSum += w;
    weighted += w * (e.clicks[a] / na - e.clicks[b] / nb);
  }
  return weightSum > 0 ? { estimate: weighted / weightSum, variance: 1 / weightSum } : null;
}

function updatePair(
  pair: PairState,
  epochs: Epoch[],
  impressions: number[],
  clicks: number[],
  qualifiedBefore: boolean,
  config: EngineConfig,
  rhoSquared: number,
): PairState {
  const { a, b } = pair;
  const va = bernoulliVariance(impressions[a], clicks[a]);
  const vb = bernoulliVariance(impressions[b], clicks[b]);
  const diff = epochWeightedDifference(epochs, a, b, va, vb);
  if (!diff) return pair;
  const { estimate, variance } = diff;
  // Information in impressions-per-arm units: n_eff = σ²/V with σ² = va + vb, so x = n_eff·ρ².
  const x = ((va + vb) / variance) * rhoSquared;
  const half = confidenceHalfWidth(variance, x, config.alpha);
  const lower = Math.max(-1, estimate - half);
  const upper = Math.min(1, estimate + half);
  const qualified = impressions[a] >= config.minImpressionsPerVariant && impressions[b] >= config.minImpressionsPerVariant;
  if (!qualified) return { ...pair, estimate, variance, lower, upper };
  const p = alwaysValidP(estimate / Math.sqrt(variance), x);
  // Intersecting keeps the interval consistent with the running-min p-values. An empty
  // intersection would mean the model failed (e.g. the CTRs drifted); show the current one then.
  const keep = qualifiedBefore && Math.max(pair.lower, lower) <= Math.min(pair.upper, upper);
  return {
    ...pair,
    estimate,
    variance,
    pAbove: estimate > 0 ? Math.min(pair.pAbove, p) : pair.pAbove,
    pBelow: estimate < 0 ? Math.min(pair.pBelow, p) : pair.pBelow,
    lower: keep ? Math.max(pair.lower, lower) : lower,
    upper: keep ? Math.min(pair.upper, upper) : upper,
  };
}

/**
 * The sequential part of a look, without the display-only numbers: the benchmark runs this
 * millions of times. `allocation` is the split in force since the previous look.
 */
export function advance(state: EngineState, counts: ArmCounts[], config: EngineConfig, allocation?: Record<string, number>): EngineState {
  const { impressions, clicks } = orderCounts(state, counts);
  const split = allocation ? normalise(allocation, state.armIds) : null;
  const epochs = addToEpochs(
    state.epochs,
    split,
    impressions.map((n, i) => n - state.impressions[i]),
    clicks.map((c, i) => c - state.clicks[i]),
  );
  const rhoSquared = mixtureRhoSquared(config.alpha, config.plannedImpressionsPerVariant);
  const min = config.minImpressionsPerVariant;
  const pairs = state.pairs.map((pair) =>
    updatePair(pair, epochs, impressions, clicks, state.impressions[pair.a] >= min && state.impressions[pair.b] >= min, config, rhoSquared),
  );
  const next: EngineState = { ...state, looks: state.looks + 1, impressions, clicks, epochs, pairs };
  const total = impressions.reduce((s, n) => s + n, 0);
  const due = Math.max(config.epochMinImpressions, config.epochGrowth * state.recommendedAt);
  if (total - state.recommendedAt < due) return next;
  return { ...next, recommendation: thompsonAllocation(next, config), recommendedAt: total };
}

/** One look: cumulative counts in, updated state and evaluation out. */
export function look(
  state: EngineState,
  counts: ArmCounts[],
  pickId: string,
  config: EngineConfig,
  allocation?: Record<string, number>,
): { state: EngineState; evaluation: Evaluation } {
  const next = advance(state, counts, config, allocation);
  return { state: next, evaluation: evaluate(next, pickId, config) };
}
