// Reads the A/B settings from string variables, rejecting nonsense instead of running with it.
import { type VarSource, positiveVar, textVar } from "../lib/vars";
import type { AbConfig, AllocationMode } from "./ab-test";
import { hashString } from "./seed";
import { DEFAULT_ENGINE_CONFIG, DEFAULT_IMPRESSIONS_PER_POLL, DEFAULT_SAME_MARGIN } from "./stats";

export function abConfigFrom(vars: VarSource): AbConfig {
  const number = (name: string, fallback: number) => positiveVar(vars, name) ?? fallback;
  const allocation = (textVar(vars, "AB_ALLOCATION") ?? "uniform") as AllocationMode;
  if (allocation !== "uniform" && allocation !== "thompson") throw new Error(`AB_ALLOCATION must be 'uniform' or 'thompson'`);
  return {
    pollIntervalMs: Math.round(number("AB_POLL_INTERVAL_SECONDS", 30) * 1000),
    timeoutMs: Math.round(number("AB_TEST_TIMEOUT_HOURS", 72) * 3600_000),
    impressionsPerPoll: Math.round(number("AB_SIM_IMPRESSIONS_PER_POLL", DEFAULT_IMPRESSIONS_PER_POLL)),
    allocationMode: allocation,
    engine: {
      ...DEFAULT_ENGINE_CONFIG,
      alpha: Math.min(number("AB_ALPHA", DEFAULT_ENGINE_CONFIG.alpha), 0.5),
      plannedImpressionsPerVariant: number("AB_PLANNED_IMPRESSIONS", DEFAULT_ENGINE_CONFIG.plannedImpressionsPerVariant),
      // δ of "performed the same": a relative CTR difference, below 1.
      sameMargin: Math.min(number("AB_SAME_MARGIN", DEFAULT_SAME_MARGIN), 0.9),
      // Every test ends at its deadline (AB_TEST_TIMEOUT_HOURS): spend alpha up to it.
      horizonFromDeadline: true,
    },
  };
}

/** An integrator's declared planned_impressions (per variant) caps the test's horizon. */
export function withPlannedImpressions(config: AbConfig, planned: number | undefined): AbConfig {
  return planned === undefined ? config : { ...config, engine: { ...config.engine, horizonImpressionsPerVariant: planned } };
}

/** The simulation's seed: fixed by AB_SEED (per workflow) for reproducible runs, else drawn. */
export function abSeed(vars: VarSource, workflowId: string, draw: () => number): number {
  const fixed = positiveVar(vars, "AB_SEED");
  return fixed === undefined ? draw() : hashString(`${fixed}|${workflowId}`);
}
