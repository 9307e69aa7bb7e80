// The A/B test as data: start, one look at a time, finish. Pure; the clock and the
// analytics totals are passed in. The statistics live in ./stats.
import {
  type AbHistoryPoint,
  type AbStatus,
  type AnalyticsSource,
  type Decision,
  type MetricsPushRequest,
  STYLE_LABELS,
  type Thumbnail,
  type ThumbnailStyle,
  type Verdict,
} from "../shared/contract";
import { type FieldError, type Result, conflict, invalid, ok, refuse } from "./refusal";
import {
  acceptsAllocation,
  type ArmCounts,
  type EngineConfig,
  type EngineState,
  type Evaluation,
  drawTrueCtrs,
  explain,
  initialEngineState,
  look,
  simulatePoll,
  verdictAtTimeout,
} from "./stats";

export type AllocationMode = "uniform" | "thompson";

export interface AbConfig {
  pollIntervalMs: number;
  timeoutMs: number;
  impressionsPerPoll: number;
  allocationMode: AllocationMode;
  engine: EngineConfig;
}

export interface AbTestRecord {
  source: AnalyticsSource;
  pick_id: string;
  variant_ids: string[];
  styles: Record<string, ThumbnailStyle>;
  started_at: number;
  deadline_at: number;
  ended_at: number | null;
  poll_interval_ms: number;
  /** Looks taken so far; also the index of the next simulated poll, which keeps retries idempotent. */
  polls: number;
  next_poll_at: number | null;
  counts: ArmCounts[];
  seed: number;
  true_ctrs: Record<string, number> | null;
  impressions_per_poll: number;
  allocation_mode: AllocationMode;
  allocation: Record<string, number>;
  engine: EngineConfig;
  engine_state: EngineState;
  evaluation: Evaluation | null;
  decision: Decision | null;
  verdict: Verdict | null;
  winner_id: string | null;
  explanation: string | null;
}

export function startTest(
  thumbnails: Pick<Thumbnail, "id" | "style">[],
  pickId: string,
  source: AnalyticsSource,
  config: AbConfig,
  seed: number,
  now: number,
): AbTestRecord {
  const ids = thumbnails.map((t) => t.id);
  const uniform = Object.fromEntries(ids.map((id) => [id, 1 / ids.length]));
  const styles = Object.fromEntries(thumbnails.map((t) => [t.id, t.style]));
  const trueByStyle =
    source === "simulated"
      ? drawTrueCtrs(
          seed,
          thumbnails.map((t) => t.style),
        )
      : null;
  return {
    source,
    pick_id: pickId,
    variant_ids: ids,
    styles,
    started_at: now,
    deadline_at: now + config.timeoutMs,
    ended_at: null,
    poll_interval_ms: config.pollIntervalMs,
    polls: 0,
    next_poll_at: source === "simulated" ? now + config.pollIntervalMs : null,
    counts: ids.map((id) => ({ id, impressions: 0, clicks: 0 })),
    seed,
    true_ctrs: trueByStyle ? Object.fromEntries(thumbnails.map((t) => [t.id, trueByStyle[t.style]!])) : null,
    impressions_per_poll: config.impressionsPerPoll,
    allocation_mode: config.allocationMode,
    allocation: uniform,
    engine: config.engine,
    engine_state: initialEngineState(ids),
    evaluation: null,
    decision: null,
    verdict: null,
    winner_id: null,
    explanation: null,
  };
}

export const isRunning = (ab: AbTestRecord) => ab.decision === null;

/** The cumulative totals after the next simulated poll; deterministic in (seed, poll index). */
export function simulatedTotals(ab: AbTestRecord): ArmCounts[] {
  if (!ab.true_ctrs) throw new Error("simulatedTotals on a test without a simulated source");
  const increments = simulatePoll(ab.seed, ab.polls, ab.true_ctrs, ab.impressions_per_poll, ab.allocation);
  return ab.counts.map((c) => {
    const inc = increments.find((i) => i.id === c.id);
    return { id: c.id, impressions: c.impressions + (inc?.impressions ?? 0), clicks: c.clicks + (inc?.clicks ?? 0) };
  });
}

export type PushedTotals = MetricsPushRequest;

const PUSH_INVALID = "The metrics push is invalid.";

/** Checks the split an integrator declares: weights for this test's variants only, not all zero. */
function checkDeclaredSplit(ab: AbTestRecord, split: Record<string, number>): Result<Record<string, number>> {
  const unknown = Object.keys(split).find((id) => !ab.variant_ids.includes(id));
  if (unknown) return refuse(invalid([{ path: `allocation.${unknown}`, message: "is not a variant of this test" }], PUSH_INVALID));
  const total = ab.variant_ids.reduce((s, id) => s + (split[id] ?? 0), 0);
  if (!(total > 0)) return refuse(invalid([{ path: "allocation", message: "must give some traffic to some variant" }], PUSH_INVALID));
  // Whole percentages: measured splits that differ in the third decimal are the same split.
  const rounded = Object.fromEntries(ab.variant_ids.map((id) => [id, Math.round((100 * (split[id] ?? 0)) / total) / 100]));
  if (!acceptsAllocation(ab.engine_state, rounded)) {
    return refuse(conflict("This test has seen too many different traffic splits; keep one of the splits used before."));
  }
  return ok(rounded);
}

/**
 * The one check of an integrator's push (the zod schema has checked its shape): the test takes
 * pushes, every variant comes once, totals never decrease, clicks <= impressions, and a declared
 * split is valid. Returns the totals in variant order and the split, or a refusal.
 */
export function validatePush(
  ab: AbTestRecord,
  push: PushedTotals,
  now: number,
): Result<{ totals: ArmCounts[]; allocation: Record<string, number> | null }> {
  // Past the deadline the test is over even if the alarm that ends it has not run yet.
  if (!isRunning(ab) || now >= ab.deadline_at) return refuse(conflict("The A/B test has ended; metrics are no longer accepted."));
  if (ab.source !== "external")
    return refuse(conflict("This test uses simulated analytics; start it with analytics_source 'external' to push metrics."));
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  push.variants.forEach((v, i) => {
    if (!ab.variant_ids.includes(v.thumbnail_id))
      errors.push({ path: `variants.${i}.thumbnail_id`, message: "is not a variant of this test" });
    if (seen.has(v.thumbnail_id)) errors.push({ path: `variants.${i}.thumbnail_id`, message: "appears more than once" });
    seen.add(v.thumbnail_id);
    if (v.clicks > v.impressions) errors.push({ path: `variants.${i}.clicks`, message: "exceeds impressions" });
    const before = ab.counts.find((c) => c.id === v.thumbnail_id);
    if (before && (v.impressions < before.impressions || v.clicks < before.clicks)) {
      errors.push({
        path: `variants.${i}`,
        message: `totals went down (had ${before.impressions} impressions, ${before.clicks} clicks); send cumulative totals`,
      });
    }
  });
  for (const id of ab.variant_ids) if (!seen.has(id)) errors.push({ path: "variants", message: `missing variant ${id}` });
  if (errors.length) return refuse(invalid(errors, PUSH_INVALID));
  const split = push.allocation ? checkDeclaredSplit(ab, push.allocation) : null;
  if (split && !split.ok) return split;
  const totals = ab.variant_ids.map((id) => {
    const v = push.variants.find((p) => p.thumbnail_id === id)!;
    return { id, impressions: v.impressions, clicks: v.clicks };
  });
  return ok({ totals, allocation: split?.value ?? null });
}

const labelsOf = (ab: AbTestRecord) => Object.fromEntries(ab.variant_ids.map((id) => [id, STYLE_LABELS[ab.styles[id]!]]));

/** One look: new totals in, evaluated; the test ends itself when the engine proves a winner. */
export function recordLook(ab: AbTestRecord, totals: ArmCounts[], now: number): { ab: AbTestRecord; point: AbHistoryPoint } {
  const { state, evaluation } = look(ab.engine_state, totals, ab.pick_id, ab.engine, ab.allocation);
  let next: AbTestRecord = {
    ...ab,
    counts: totals,
    polls: ab.polls + 1,
    next_poll_at: ab.source === "simulated" ? now + ab.poll_interval_ms : null,
    engine_state: state,
    evaluation,
    // Only the simulated source is ours to steer; an integrator's split is whatever they declare.
    allocation:
      ab.source === "simulated" && ab.allocation_mode === "thompson" && acceptsAllocation(state, evaluation.recommendedAllocation)
        ? evaluation.recommendedAllocation
        : ab.allocation,
    explanation: explain(evaluation, totals, labelsOf(ab), "running", ab.engine.alpha),
  };
  if (evaluation.winnerId) next = finishTest(next, "winner", evaluation.winnerId, now);
  return { ab: next, point: historyPoint(next, now) };
}

/** The test's latest look as one compact history point: cumulative counts and the engine's intervals. */
export function historyPoint(ab: AbTestRecord, t: number): AbHistoryPoint {
  return {
    t,
    impressions: ab.counts.map((c) => c.impressions),
    clicks: ab.counts.map((c) => c.clicks),
    ctr_intervals: ab.counts.map((c) => ab.evaluation?.variants.find((v) => v.id === c.id)?.ctrInterval ?? null),
  };
}

/** Ends the test. For timeout and stop the winner is the proven one, else the preferred leader, else the creator's pick. */
export function finishTest(ab: AbTestRecord, decision: Decision, chosenId: string | null, now: number): AbTestRecord {
  const evaluation = ab.evaluation;
  const verdict: Verdict = evaluation ? (decision === "winner" ? "winner" : verdictAtTimeout(evaluation)) : "inconclusive";
  let winner = chosenId;
  if (!winner) {
    winner = verdict === "inconclusive" || !evaluation?.leaderId ? ab.pick_id : evaluation.leaderId;
  }
  const outcome = decision;
  const explanation = evaluation
    ? explain(evaluation, ab.counts, labelsOf(ab), outcome, ab.engine.alpha, decision === "manual" ? (chosenId ?? undefined) : undefined)
    : "The test ended before any impressions were recorded, so the creator's pick stands.";
  return { ...ab, decision, verdict, winner_id: winner, ended_at: now, next_poll_at: null, explanation };
}

/** The earliest moment the test needs the alarm again, or null when it needs nothing. */
export function nextWakeAt(ab: AbTestRecord): number | null {
  if (!isRunning(ab)) return null;
  return ab.next_poll_at === null ? ab.deadline_at : Math.min(ab.next_poll_at, ab.deadline_at);
}

export function toAbStatus(ab: AbTestRecord): AbStatus {
  const e = ab.evaluation;
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
        ctr_interval: v?.ctrInterval ?? null,
        lift_vs_pick: v?.liftVsPick ?? null,
        probability_best: v?.probabilityBest ?? null,
      };
    }),
    current_confidence: e?.confidence ?? 0,
    confidence_threshold: 1 - ab.engine.alpha,
    labels: labelsOf(ab),
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
  };
}
