// Every result says why, in one plain sentence with the numbers behind it: what was proven,
// at what error rate, and what was not.
import type { ArmCounts } from "./config";
import type { Evaluation, Lift, Verdict } from "./evaluation";
import { percentWords } from "./decisive";
import { liftIntervalTooWide } from "./interval-rule";

export type { Verdict } from "./evaluation";
/** How the test ended (or "running"). "same" (addition): the engine stopped it early on evaluation.stop === "same". */
export type Outcome = "winner" | "same" | "manual" | "stopped" | "timeout" | "running";

/**
 * The previous engine's "preferred" threshold on P(best). Kept as an export for old callers;
 * the verdict no longer uses it: P(best) ≥ 0.8 overturned your pick in ~20% of A/A tests.
 */
export const PREFERRED_PROBABILITY = 0.8;

/**
 * The verdict within the old three values, for callers whose contract has no "same" yet:
 * "same" keeps your pick, as "inconclusive" does. New callers read e.verdict.
 */
export function verdictAtTimeout(e: Evaluation): Exclude<Verdict, "same"> {
  if (e.winnerId) return "winner";
  return e.verdict === "preferred" ? "preferred" : "inconclusive";
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
  // Each side of the range is a one-sided always-valid bound at alpha, so the pair is a
  // 1 − 2·alpha interval; the sentence states the level that is actually promised.
  const level = percent(1 - 2 * alpha);
  // An interval wider than the lift could plausibly be (early, or at tiny CTRs) says nothing a
  // creator can use; "-89% to +28748%" reads as a bug. Say that the data cannot size it yet.
  if (liftIntervalTooWide(lift.interval)) return ` by ${signedPercent(lift.estimate)} CTR (too few impressions yet to say by how much)`;
  return ` by ${signedPercent(lift.estimate)} CTR (${level} range ${signedPercent(lower)} to ${signedPercent(upper)})`;
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
  const name = (id: string | null | undefined) => (id ? (labels[id] ?? id) : "");
  const leader = name(e.leaderId);
  const rival = name(e.rivalId);
  const pick = name(e.pickId);
  const sample = sampleClause(counts);
  const lift = liftClause(e.liftVsRival, alpha);
  // Never "100%" or "0%": the deciding number in the words decisive.ts gives every screen.
  const confidence = percentWords(e.confidence);
  const delta = percent(e.sameMargin ?? 0.1);
  if (!e.leaderId) return "No impressions have been recorded yet, so there is nothing to compare.";
  if (e.winnerId && outcome !== "manual" && outcome !== "stopped") {
    return `${name(e.winnerId)} beat ${rival}${lift} ${sample}.`;
  }
  const led = rival ? `${leader} led ${rival}${lift}` : `${leader} led`;
  const same = `the variants performed the same: none beat another by ${delta} CTR or more (proven with at most ${percent(alpha)} error) ${sample}`;
  const ending = (): string => {
    switch (e.verdict) {
      case "winner":
        return `${leader} was proven best: it beat ${rival}${lift} ${sample}`;
      case "preferred": {
        const overPick = liftClause(e.variants.find((v) => v.id === e.leaderId)?.liftVsPick ?? null, alpha);
        return (
          `${leader} is preferred over your pick ${pick}: it beat it${overPick} (at most a ${percent(alpha)} chance that a variant ` +
          `no better than the pick replaces it), but it was not proven better than ${rival}${lift} ${sample}`
        );
      }
      case "same":
        return `${same}, so your pick ${pick} stays`;
      default:
        return e.leaderId === e.pickId
          ? `nothing was proven: your pick ${pick} led ${rival}${lift} ${sample}, and it stays`
          : `nothing was proven, neither a better variant nor the same performance within ±${delta}: ${led} ${sample}, so your pick ${pick} stays`;
    }
  };
  const sentence = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
  switch (outcome) {
    case "same":
      return sentence(`${same}, so your pick ${pick} stays`);
    case "running":
    case "winner":
      if (e.stop === "same") return sentence(same);
      return `${rival ? `${leader} leads ${rival}${lift}` : `${leader} leads`} ${sample}; the test is ${confidence} sure, and a winner needs ${percent(1 - alpha)}.`;
    case "stopped":
      return `The test was stopped while ${confidence} sure, before a winner was proven; ${ending()}.`;
    case "manual": {
      // First person, and plain that this was a choice made before any proof.
      if (!chosenId) return `You chose before the test proved a winner (it was ${confidence} sure); ${led} ${sample}.`;
      const chose = `You picked ${name(chosenId)} before the test proved it (it was ${confidence} sure)`;
      return chosenId === e.leaderId ? `${chose}, the leader: ${led} ${sample}.` : `${chose} although ${led} ${sample}.`;
    }
    case "timeout":
      return sentence(e.verdict === "winner" ? ending() : `no variant was proven best in time; ${ending()}`);
  }
}
