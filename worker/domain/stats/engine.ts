// One look at an A/B/n test: a validated push in, updated sequential tests out.
// Valid under continuous monitoring (running-max evidence against an always-valid boundary)
// and under adaptive allocation: every comparison is stratified by epoch of constant split
// (pairs.ts), so a split that follows past results cannot mix early and late traffic unevenly
// between arms (Simpson's paradox under drift).
import { thompsonAllocation } from "./allocation";
import { type ArmCounts, type EngineConfig, resolveConfig } from "./config";
import { type Evaluation, evaluate } from "./evaluation";
import { projectionRatio } from "./horizon";
import { updatePair } from "./pairs";
import { type EpochChange, type ValidPush, validatePush } from "./push";
import { type EngineState, type Epoch, MAX_LOGGED_CORRECTIONS } from "./state";

export { acceptsAllocation } from "./split";

function applyChanges(epochs: Epoch[], changes: EpochChange[]): Epoch[] {
  const next = [...epochs];
  for (const change of changes) {
    const at = next.findIndex((e) => e.key === change.key);
    if (at < 0) {
      next.push({ key: change.key, allocation: change.allocation, impressions: [...change.impressions], clicks: [...change.clicks] });
    } else {
      const e = next[at];
      next[at] = {
        ...e,
        impressions: e.impressions.map((n, i) => n + change.impressions[i]),
        clicks: e.clicks.map((c, i) => c + change.clicks[i]),
      };
    }
  }
  return next;
}

/**
 * The sequential part of a look, for a push that validatePush accepted. `elapsedFraction` is the
 * share of the test's time gone at this look (deadline-aware configs: the horizon follows it).
 */
export function applyPush(state: EngineState, push: ValidPush, engineConfig: EngineConfig, elapsedFraction?: number): EngineState {
  const config = resolveConfig(engineConfig);
  const projection = config.horizonFromDeadline && elapsedFraction !== undefined ? projectionRatio(elapsedFraction) : null;
  const k = state.armIds.length;
  const epochs = applyChanges(state.epochs, push.changes);
  const impressions = new Array<number>(k).fill(0);
  const clicks = new Array<number>(k).fill(0);
  for (const e of epochs) {
    for (let i = 0; i < k; i++) {
      impressions[i] += e.impressions[i];
      clicks[i] += e.clicks[i];
    }
  }
  const min = config.minImpressionsPerVariant;
  let pastHorizon = state.horizonReached;
  const pairs = state.pairs.map((pair) => {
    const touched = push.changes.some(
      (c) => c.impressions[pair.a] !== 0 || c.impressions[pair.b] !== 0 || c.clicks[pair.a] !== 0 || c.clicks[pair.b] !== 0,
    );
    if (!touched) return pair;
    const qualified = impressions[pair.a] >= min && impressions[pair.b] >= min;
    const before = state.impressions[pair.a] >= min && state.impressions[pair.b] >= min;
    const updated = updatePair(pair, epochs, qualified, before, config, projection);
    pastHorizon ||= updated.pastHorizon;
    return updated.pair;
  });
  const logged = push.corrections.map((c) => ({ ...c, look: state.looks + 1 }));
  const corrections = logged.length
    ? {
        count: state.corrections.count + logged.length,
        impressions: state.corrections.impressions + logged.reduce((s, c) => s + c.impressions, 0),
        clicks: state.corrections.clicks + logged.reduce((s, c) => s + c.clicks, 0),
        recent: [...state.corrections.recent, ...logged].slice(-MAX_LOGGED_CORRECTIONS),
      }
    : state.corrections;
  const next: EngineState = {
    ...state,
    looks: state.looks + 1,
    impressions,
    clicks,
    epochs,
    pairs,
    form: state.form ?? push.form,
    recommendationFrozen: state.recommendationFrozen || push.undeclared,
    corrections,
    horizonReached: pastHorizon,
  };
  if (next.recommendationFrozen) return next;
  const total = impressions.reduce((s, n) => s + n, 0);
  const due = Math.max(config.epochMinImpressions, config.epochGrowth * state.recommendedAt);
  if (total - state.recommendedAt < due) return next;
  return { ...next, recommendation: thompsonAllocation(next, config), recommendedAt: total };
}

/** A look: validated push in, updated state and evaluation out. */
export function takeLook(
  state: EngineState,
  push: ValidPush,
  pickId: string,
  config: EngineConfig,
  elapsedFraction?: number,
): { state: EngineState; evaluation: Evaluation } {
  const next = applyPush(state, push, config, elapsedFraction);
  return { state: next, evaluation: evaluate(next, pickId, config) };
}

/**
 * The cumulative form as before: whole-test totals, and the split in force since the previous
 * look (omitted: undeclared, see push.ts). Throws RangeError on a push validatePush refuses.
 */
export function advance(
  state: EngineState,
  counts: ArmCounts[],
  config: EngineConfig,
  allocation?: Record<string, number>,
  elapsedFraction?: number,
): EngineState {
  const variants = counts.map((c) => ({ thumbnail_id: c.id, impressions: c.impressions, clicks: c.clicks }));
  // The simulated source's clicks are final when counted, so its changing split stays declared.
  const checked = validatePush(state, allocation ? { variants, allocation } : { variants }, config, { clicksFinal: true });
  if (!checked.ok) throw new RangeError(checked.errors.map((e) => `${e.path}: ${e.message}`).join("; "));
  return applyPush(state, checked.value, config, elapsedFraction);
}

/** One look in the cumulative form: totals in, updated state and evaluation out. */
export function look(
  state: EngineState,
  counts: ArmCounts[],
  pickId: string,
  config: EngineConfig,
  allocation?: Record<string, number>,
  elapsedFraction?: number,
): { state: EngineState; evaluation: Evaluation } {
  const next = advance(state, counts, config, allocation, elapsedFraction);
  return { state: next, evaluation: evaluate(next, pickId, config) };
}
