// What the monitor says, derived from the A/B status: the leader, the winner, the threshold,
// one plain status line and the progress toward a decision. The server's own answer (summary,
// progress, confidence_threshold) always wins; the fallbacks below only cover an older server.
import type { AbProgress, AbStatus, AbSummary, VariantStats } from "../api/types";
import { declareRisk, percentWords, shownBeside, sureSentence } from "../../../worker/domain/stats/decisive";
import { ctrIntervalTooWide, liftIntervalTooWide, TOO_EARLY_FOR_A_RANGE } from "../../../worker/domain/stats/interval-rule";
import { clock, int } from "./format";
import { variantLabel } from "./labels";

/** 1 − α as the server states it; 0.95 only while the field is missing. */
export const thresholdOf = (ab: Pick<AbStatus, "confidence_threshold">) => ab.confidence_threshold ?? 0.95;

/** The one interval level every interval on screen uses. */
export const intervalLevelOf = (ab: AbStatus) => ab.interval_level ?? thresholdOf(ab);

const shown = (ab: AbStatus, id: string | null | undefined) =>
  id && (ab.variants.find((v) => v.thumbnail_id === id)?.impressions ?? 0) > 0 ? id : null;

/** The leader, but never a variant nobody has seen yet. */
export function leaderOf(ab: AbStatus): string | null {
  const fromServer = shown(ab, ab.summary ? ab.summary.leader_id : ab.leader_id);
  if (fromServer || ab.summary) return fromServer;
  const seen = ab.variants.filter((v) => v.impressions > 0).sort((a, b) => b.ctr - a.ctr);
  return seen[0]?.thumbnail_id ?? null;
}

/** No winner while running; the server names none after a rotation that put the creator's original back (nothing was proven). */
export const winnerOf = (ab: AbStatus) => (ab.is_running ? null : ab.winner_id);

/** One sentence for the whole test, e.g. "Viral is ahead, not proven yet". */
export function statusLine(ab: AbStatus): AbSummary {
  if (ab.summary) return ab.summary;
  const label = (id: string | null) => variantLabel(ab, id);
  const leader = leaderOf(ab);
  const proven = ab.current_confidence >= thresholdOf(ab);
  if (!ab.is_running) {
    const w = ab.winner_id;
    if (ab.verdict === "same") return { state: "same", leader_id: null, text: "No meaningful difference" };
    if (ab.decision === "winner" || ab.verdict === "winner" || (ab.decision === "manual" && proven))
      return { state: "winner", leader_id: w, text: `${label(w)} wins` };
    if (ab.decision === "manual") return { state: "picked", leader_id: w, text: `You picked ${label(w)} before the test proved it` };
    if (ab.verdict === "preferred") return { state: "preferred", leader_id: w, text: `${label(w)} did best, but it is not proven` };
    return { state: "inconclusive", leader_id: w, text: `No clear winner, so your pick ${label(ab.creator_pick_id)} stays` };
  }
  if (!leader) return { state: "collecting", leader_id: null, text: "Collecting the first impressions" };
  if (proven) return { state: "winner", leader_id: leader, text: `${label(leader)} wins` };
  return { state: "ahead", leader_id: leader, text: `${label(leader)} is ahead, not proven yet` };
}

export interface ProgressView extends AbProgress {
  /** False when this is only the time toward the deadline, not the engine's estimate. */
  estimated: boolean;
}

/** Progress toward a decision; without the engine's estimate, the time toward the deadline. */
export function progressOf(ab: AbStatus, now: number): ProgressView {
  const perVariant = ab.variants.reduce((s, v) => s + v.impressions, 0) / Math.max(1, ab.variants.length);
  if (ab.progress) return { ...ab.progress, estimated: true };
  const start = Date.parse(ab.started_at);
  const end = Date.parse(ab.deadline_at);
  const at = ab.ended_at ? Date.parse(ab.ended_at) : now;
  const fraction = ab.is_running ? Math.min(1, Math.max(0, (at - start) / Math.max(1, end - start))) : 1;
  const left = (end - now) / 1000;
  const text = ab.is_running
    ? `${int(perVariant)} impressions per thumbnail so far. The engine gives no estimate yet; the test ends by its deadline at the latest, in ${clock(left)}.`
    : `Ended after ${int(perVariant)} impressions per thumbnail.`;
  return {
    fraction,
    impressions_per_variant: perVariant,
    needed_impressions_per_variant: null,
    eta_seconds: ab.is_running ? left : null,
    toward: null,
    text,
    estimated: false,
  };
}

/**
 * The proof in words with the one number that decides: how sure the test is that the leader beats
 * every other variant (or that it is too early to name one). Null before any impression, and for
 * a rotation (its own panel says it).
 */
export function proofLine(ab: AbStatus, labelOf: (id: string | null) => string): string | null {
  const leader = leaderOf(ab);
  const seen = ab.variants.some((v) => v.impressions > 0);
  if (!seen || ab.analytics_source === "youtube") return null;
  return sureSentence(leader ? labelOf(leader) : null, ab.current_confidence, thresholdOf(ab));
}

/** What declaring `chosen` now risks, in a creator's sentence, from the deciding number only. */
export function riskOf(ab: AbStatus, chosen: string, labelOf: (id: string | null) => string): string {
  const leader = leaderOf(ab);
  return declareRisk({
    chosen: labelOf(chosen),
    leader: leader ? labelOf(leader) : null,
    confidence: ab.current_confidence,
    threshold: thresholdOf(ab),
    seen: ab.variants.some((v) => v.impressions > 0),
  });
}

/** A CTR range as printed, or "too early for a range" while it is too wide to inform (interval-rule.ts). */
export function ctrRangeText(v: VariantStats, format: (x: number) => string): string {
  const ci = v.ctr_interval;
  if (!ci || !v.impressions || ctrIntervalTooWide(ci, v.ctr)) return TOO_EARLY_FOR_A_RANGE;
  return `${format(ci.lower)} – ${format(ci.upper)}`;
}

/** The difference from the creator's pick as printed: the estimate, and its range once it informs. */
export function liftText(v: VariantStats, format: (x: number) => string): string {
  const lift = v.lift_vs_pick;
  if (!lift) return "–";
  const estimate = `${lift.estimate >= 0 ? "+" : ""}${format(lift.estimate)}`;
  return liftIntervalTooWide(lift.interval)
    ? `${estimate} (${TOO_EARLY_FOR_A_RANGE})`
    : `${estimate} (${format(lift.interval.lower)} to ${format(lift.interval.upper)})`;
}

/**
 * "Chance to be best" for the leader, only where it agrees with the deciding number within the
 * rule (decisive.ts); otherwise null, and the screen does not show it.
 */
export function earlyEstimate(ab: AbStatus): string | null {
  const leader = leaderOf(ab);
  const p = ab.variants.find((v) => v.thumbnail_id === leader)?.probability_best;
  const shown = shownBeside(ab.current_confidence, p);
  return shown == null ? null : percentWords(shown);
}
