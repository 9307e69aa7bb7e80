// Traffic splits as the engine keys them: weights normalised and rounded to whole percentages,
// so measured splits that differ in the third decimal share an epoch.
import { type EngineState, MAX_EPOCHS } from "./state";

export interface Split {
  key: string;
  weights: number[];
}

export interface SplitError {
  /** The variant whose weight is wrong, if one is. */
  id?: string;
  message: string;
}

/** Normalised whole-percent weights in arm order, or what is wrong with them. */
export function splitOf(allocation: Record<string, number>, armIds: string[]): Split | SplitError {
  let named = 0;
  for (const id in allocation) {
    const w = allocation[id];
    if (!armIds.includes(id)) return { id, message: "is not a variant of this test" };
    if (!(Number.isFinite(w) && w >= 0)) return { id, message: "must be a finite number ≥ 0" };
    named++;
  }
  let total = 0;
  for (const id of armIds) total += allocation[id] ?? 0;
  if (!(total > 0) || named === 0) return { message: "must give some traffic to some variant" };
  const weights = armIds.map((id) => Math.round((100 * (allocation[id] ?? 0)) / total) / 100);
  return { key: weights.map((w) => Math.round(w * 100)).join(","), weights };
}

/** Whether data under this split key can be kept apart from every other split (epochs are capped). */
export function epochAvailable(state: EngineState, key: string, opening: Set<string> = new Set()): boolean {
  if (state.epochs.some((e) => e.key === key) || opening.has(key)) return true;
  return state.epochs.length + opening.size < MAX_EPOCHS;
}

/** Whether a look under this split can be taken without pooling it with a different split. */
export function acceptsAllocation(state: EngineState, allocation: Record<string, number>): boolean {
  const split = splitOf(allocation, state.armIds);
  if ("message" in split) throw new RangeError(`allocation ${split.id ?? ""} ${split.message}`);
  return epochAvailable(state, split.key);
}
