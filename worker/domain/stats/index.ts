// The A/B statistics engine: the one module the Durable Object and the benchmark import.
export { type ArmCounts, type EngineConfig, DEFAULT_ENGINE_CONFIG } from "./config";
export { type EngineState, initialEngineState } from "./state";
export { acceptsAllocation, advance, look } from "./engine";
export { decide } from "./decision";
export { type Evaluation, type Interval, type Lift, type VariantEvaluation, EARLY_CONFIDENCE, evaluate } from "./evaluation";
export { type Outcome, type Verdict, PREFERRED_PROBABILITY, explain, verdictAtTimeout } from "./explain";
export { DEFAULT_IMPRESSIONS_PER_POLL, STYLE_BASELINES, drawTrueCtrs, simulatePoll } from "./simulate";
export { mixSeed, mulberry32 } from "./random";
export { fixedHorizonSampleSize, normalCdf, normalQuantile, twoSidedP } from "./normal";
