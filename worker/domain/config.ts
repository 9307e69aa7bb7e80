// Reads the A/B settings from string variables, rejecting nonsense instead of running with it.
import type { AbConfig, AllocationMode } from "./ab-test";
import { DEFAULT_ENGINE_CONFIG, DEFAULT_IMPRESSIONS_PER_POLL } from "./stats";

function positive(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === "") return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number, got '${value}'`);
  return n;
}

export function abConfigFrom(vars: Record<string, unknown>): AbConfig {
  const get = (k: string) => (typeof vars[k] === "string" ? (vars[k] as string) : undefined);
  const allocation = (get("AB_ALLOCATION") ?? "uniform") as AllocationMode;
  if (allocation !== "uniform" && allocation !== "thompson") throw new Error(`AB_ALLOCATION must be 'uniform' or 'thompson'`);
  const alpha = positive(get("AB_ALPHA"), DEFAULT_ENGINE_CONFIG.alpha, "AB_ALPHA");
  return {
    pollIntervalMs: Math.round(positive(get("AB_POLL_INTERVAL_SECONDS"), 30, "AB_POLL_INTERVAL_SECONDS") * 1000),
    timeoutMs: Math.round(positive(get("AB_TEST_TIMEOUT_HOURS"), 72, "AB_TEST_TIMEOUT_HOURS") * 3600_000),
    impressionsPerPoll: Math.round(
      positive(get("AB_SIM_IMPRESSIONS_PER_POLL"), DEFAULT_IMPRESSIONS_PER_POLL, "AB_SIM_IMPRESSIONS_PER_POLL"),
    ),
    allocationMode: allocation,
    engine: {
      ...DEFAULT_ENGINE_CONFIG,
      alpha: Math.min(alpha, 0.5),
      plannedImpressionsPerVariant: positive(
        get("AB_PLANNED_IMPRESSIONS"),
        DEFAULT_ENGINE_CONFIG.plannedImpressionsPerVariant,
        "AB_PLANNED_IMPRESSIONS",
      ),
    },
  };
}
