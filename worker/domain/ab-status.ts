// What the API shows of a test: the figures, one plain status line, and progress toward a
// decision. Every rule the web app would otherwise repeat (who leads, what is proven, the
// threshold, the labels) is decided here once.
import type { AbStatus } from "../shared/contract";
import { formatDuration } from "../shared/contract";
import { estimateProgress } from "./ab-progress";
import { type AbTestRecord, displayInterval, displayLevel, isRunning, labelsOf } from "./ab-test";
import { rotationSummary, toRotationStatus } from "./rotation/view";
import { DEFAULT_SAME_MARGIN } from "./stats";

function summaryOf(ab: AbTestRecord, labels: Record<string, string>): AbStatus["summary"] {
  const e = ab.evaluation;
  const name = (id: string | null | undefined) => (id ? labels[id]! : "");
  const leader = e?.leaderId ?? null;
  if (!isRunning(ab)) {
    const winner = ab.winner_id;
    if (ab.decision === "manual")
      return { state: "picked", leader_id: winner, text: `You picked ${name(winner)} before the test proved it` };
    if (ab.verdict === "winner") return { state: "winner", leader_id: winner, text: `${name(winner)} wins` };
    if (ab.verdict === "preferred")
      return { state: "preferred", leader_id: winner, text: `${name(winner)} beat your pick; not proven best` };
    if (ab.verdict === "same") return { state: "same", leader_id: null, text: "No meaningful difference: they performed the same" };
    return { state: "inconclusive", leader_id: null, text: `No proven difference; your pick ${name(ab.pick_id)} stays` };
  }
  const enough = ab.counts.every((c) => c.impressions >= ab.engine.minImpressionsPerVariant);
  if (!e || !leader || !enough) {
    const total = ab.counts.reduce((s, c) => s + c.impressions, 0);
    return { state: "collecting", leader_id: null, text: `Collecting data: ${total.toLocaleString("en-US")} impressions so far` };
  }
  return { state: "ahead", leader_id: leader, text: `${name(leader)} is ahead, not proven yet` };
}

export const sameMarginOf = (ab: AbTestRecord) => ab.evaluation?.sameMargin ?? ab.engine.sameMargin ?? DEFAULT_SAME_MARGIN;

function progressOf(ab: AbTestRecord, now: number): AbStatus["progress"] {
  const e = ab.evaluation;
  const find = (id: string | null | undefined) => (id ? (ab.counts.find((c) => c.id === id) ?? null) : null);
  const perVariant = Math.min(...ab.counts.map((c) => c.impressions));
  const p = estimateProgress({
    leader: find(e?.leaderId),
    rival: find(e?.rivalId),
    variants: ab.variant_ids.length,
    alpha: ab.engine.alpha,
    plannedImpressionsPerVariant: ab.engine.plannedImpressionsPerVariant,
    sameMargin: sameMarginOf(ab),
    minImpressionsPerVariant: ab.engine.minImpressionsPerVariant,
    impressionsPerVariant: perVariant,
    elapsedSeconds: Math.max(0, (now - ab.started_at) / 1000),
  });
  if (!isRunning(ab)) return { ...p, fraction: 1, eta_seconds: null, text: "Decided." };
  const needed = p.needed_impressions_per_variant;
  const text =
    needed === null
      ? "Not enough data to estimate when a result will come."
      : `About ${needed.toLocaleString("en-US")} impressions per variant are needed at the difference seen so far (${perVariant.toLocaleString("en-US")} now)` +
        (p.eta_seconds !== null ? `: roughly ${formatDuration(p.eta_seconds)} more at the current traffic.` : ".");
  return { ...p, text };
}

/** The traffic rate behind the progress estimate runs from the start to the latest look. */
export function toAbStatus(ab: AbTestRecord, now = ab.ended_at ?? ab.last_look_at ?? ab.started_at, clock?: number): AbStatus {
  const base = engineStatus(ab, now);
  if (!ab.rotation) return base;
  // A rotation's calendar depends on today's date, so it reads the clock, not the last look.
  const today = clock ?? now;
  const rotation = toRotationStatus(ab, today);
  const result = ab.rotation.result;
  return {
    ...base,
    ...rotationSummary(ab, base.labels, today),
    leader_id: result?.leader_id ?? null,
    current_confidence: result?.p_value === null || result?.p_value === undefined ? 0 : 1 - result.p_value,
    poll_interval_seconds: 0,
    rotation,
  };
}

function engineStatus(ab: AbTestRecord, now: number): AbStatus {
  const e = ab.evaluation;
  const labels = labelsOf(ab);
  const best = e?.variants.map((v) => [v.id, v.probabilityBest] as const);
  return {
    is_running: isRunning(ab),
    analytics_source: ab.source,
    creator_pick_id: ab.pick_id,
    variants: ab.counts.map((c) => {
      const v = e?.variants.find((x) => x.id === c.id);
      return {
        thumbnail_id: c.id,
        style: ab.styles[c.id]!,
        impressions: c.impressions,
        clicks: c.clicks,
        ctr: c.impressions > 0 ? c.clicks / c.impressions : 0,
        ctr_interval: displayInterval(ab, c),
        lift_vs_pick: v?.liftVsPick ?? null,
        probability_best: v?.probabilityBest ?? null,
        adjusted_ctr: v?.adjustedCtr ?? null,
      };
    }),
    current_confidence: e?.confidence ?? 0,
    confidence_threshold: 1 - ab.engine.alpha,
    labels,
    can_declare_early: e?.canDeclareEarly ?? false,
    leader_id: e?.leaderId ?? null,
    winner_id: ab.winner_id,
    started_at: new Date(ab.started_at).toISOString(),
    deadline_at: new Date(ab.deadline_at).toISOString(),
    ended_at: ab.ended_at === null ? null : new Date(ab.ended_at).toISOString(),
    decision: ab.decision,
    verdict: ab.verdict,
    explanation: ab.explanation,
    polls: ab.polls,
    poll_interval_seconds: ab.poll_interval_ms / 1000,
    recommended_allocation: e?.recommendedAllocation ?? null,
    summary: summaryOf(ab, labels),
    progress: progressOf(ab, now),
    interval_level: displayLevel(ab),
    same_margin: sameMarginOf(ab),
    preferred_id: e?.preferredId ?? null,
    probability_wrong_if_declared:
      best && best.every(([, p]) => p !== null) ? Object.fromEntries(best.map(([id, p]) => [id, 1 - p!])) : null,
    recommendation_frozen: e?.recommendationFrozen ?? false,
    corrections: e?.corrections ?? { count: 0, impressions: 0, clicks: 0 },
  };
}
