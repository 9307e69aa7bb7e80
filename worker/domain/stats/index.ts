// The A/B statistics engine: the one module the Durable Object and the benchmark import.
// Daily-swap rotation tests have their own entry point: ./rotation.
export { type AllocationRule, type ArmCounts, type EngineConfig, DEFAULT_ENGINE_CONFIG, DEFAULT_SAME_MARGIN } from "./config";
export { type EngineState, type Correction, type PushForm, UNDECLARED, initialEngineState } from "./state";
export { type EngineStateV1, upgradeEngineState } from "./migrate";
export { acceptsAllocation, advance, applyPush, look, takeLook } from "./engine";
export {
  type CumulativePush,
  type IncrementsPush,
  type MetricsPush,
  type PushCheck,
  type PushError,
  type PushedVariant,
  type SplitTotalsPush,
  type ValidPush,
  validatePush,
} from "./push";
export { type Decision, decide } from "./decision";
export { type Evaluation, type Interval, type Lift, type VariantEvaluation, EARLY_CONFIDENCE, evaluate } from "./evaluation";
export { type Outcome, type Verdict, PREFERRED_PROBABILITY, explain, verdictAtTimeout } from "./explain";
export { DEFAULT_IMPRESSIONS_PER_POLL, STYLE_BASELINES, drawTrueCtrs, simulatePoll } from "./simulate";
export { mixSeed, mulberry32 } from "./random";
export { fixedHorizonSampleSize, normalCdf, normalQuantile, twoSidedP } from "./normal";
