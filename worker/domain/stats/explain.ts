// Every result says why, in one plain sentence with the numbers behind it.
import type { ArmCounts } from "./config";
import type { Evaluation, Lift } from "./evaluation";

export type Verdict = "winner" | "preferred" | "inconclusive";
export type Outcome = "winner" | "manual" | "stopped" | "timeout" | "running";

/** A leader at least this likely to be best is "preferred" when the test times out unproven. */
export const PREFERRED_PROBABILITY = 0.8;

export function verdictAtTimeout(e: Evaluation): Verdict {
  if (e.winnerId) return "winner";
  const leader = e.variants.find((v) => v.id === e.leaderId);
  return leader && leader.probabilityBest >= PREFERRED_PROBABILITY ? "preferred" : "inconclusive";
}

/** Signed percentage: whole percent, or one decimal below 1% so small lifts do not read "+0%". */
function signedPercent(x: number): string {
  const pct = x * 100;
  const text = Math.abs(pct) < 0.95 ? pct.toFixed(1) : Math.round(pct).toString();
  return `${pct >= 0 ? "+" : ""}${text === "-0.0" ? "0.0" : text}%`;
}

const percent = (x: number) => `${Math.round(x * 100)}%`;
const thousands = (n: number) =>
  Math.round(n)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ",");

function sampleClause(counts: ArmCounts[]): string {
  const sizes = counts.map((c) => c.impressions);
  const mean = sizes.reduce((s, n) => s + n, 0) / Math.max(1, sizes.length);
  const even = Math.max(...sizes) <= 1.1 * Math.min(...sizes);
  return `after ${thousands(mean)} impressions per variant${even ? "" : " on average"}`;
}

function liftClause(lift: Lift | null, alpha: number): string {
  if (!lift) return "";
  const { lower, upper } = lift.interval;
  // The lift divides two always-valid intervals, so only 1 − 2·alpha is guaranteed (see
  // relativeLift); the sentence states the level that is actually promised.
  const level = percent(1 - 2 * alpha);
  return ` by ${signedPercent(lift.estimate)} CTR (always-valid ${level} interval ${signedPercent(lower)} to ${signedPercent(upper)})`;
}

/**
 * One sentence for a result or a running test. `chosenId` (optional addition) names the
 * variant a creator picked by hand, for the "manual" outcome.
 */
export function explain(
  e: Evaluation,
  counts: ArmCounts[],
  labels: Record<string, string>,
  outcome: Outcome,
  alpha: number,
  chosenId?: string,
): string {
  const name = (id: string | null) => (id ? (labels[id] ?? id) : "");
  const leader = name(e.leaderId);
  const rival = name(e.rivalId);
  const sample = sampleClause(counts);
  const lift = liftClause(e.liftVsRival, alpha);
  const confidence = percent(e.confidence);
  if (!e.leaderId) return "No impressions have been recorded yet, so there is nothing to compare.";
  if (e.winnerId && outcome !== "manual" && outcome !== "stopped") {
    return `${name(e.winnerId)} beat ${rival}${lift} ${sample}.`;
  }
  const leads = rival ? `${leader} leads ${rival}${lift}` : `${leader} leads`;
  const led = rival ? `${leader} led ${rival}${lift}` : `${leader} led`;
  switch (outcome) {
    case "running":
    case "winner":
      return `${leads} ${sample}; confidence is ${confidence}, and a winner needs ${percent(1 - alpha)}.`;
    case "stopped":
      return `The test was stopped at ${confidence} confidence before a winner was proven; ${led} ${sample}.`;
    case "manual": {
      if (!chosenId) return `The creator chose manually at ${confidence} confidence; ${led} ${sample}.`;
      const chose = `The creator chose ${name(chosenId)} at ${confidence} confidence`;
      return chosenId === e.leaderId ? `${chose}, the leader: ${led} ${sample}.` : `${chose} although ${led} ${sample}.`;
    }
    case "timeout": {
      const best = e.variants.find((v) => v.id === e.leaderId)?.probabilityBest ?? 0;
      if (verdictAtTimeout(e) === "preferred") {
        return `No variant was proven best in time, but ${leader} is preferred with an estimated ${percent(best)} chance of being best: ${led} ${sample}.`;
      }
      return `No variant was proven best in time and none reached an estimated ${percent(PREFERRED_PROBABILITY)} chance of being best, so the result is inconclusive: ${led} ${sample}.`;
    }
  }
}
