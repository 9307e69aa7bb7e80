// The A/B test as data: start, one look at a time, finish. Pure; the clock and the analytics
// are passed in. The statistics live in ./stats; what the API shows is built in ./ab-status.
import {
  type AbHistoryPoint,
  type AnalyticsSource,
  type Decision,
  type MetricsPushRequest,
  STYLE_LABELS,
  type Thumbnail,
  type ThumbnailStyle,
  type Verdict,
} from "../shared/contract";
import { type Result, conflict, invalid, ok, refuse } from "./refusal";
import {
  type ArmCounts,
  type EngineConfig,
  type EngineState,
  type Evaluation,
  type ValidPush,
  acceptsAllocation,
  drawTrueCtrs,
  explain,
  initialEngineState,
  look,
  simulatePoll,
  takeLook,
  upgradeEngineState,
  validatePush as checkEnginePush,
} from "./stats";
import { ctrInterval } from "./stats/evaluation";
import { type RotationRecord, type RotationSetup, newRotation, rotationDeadline } from "./rotation/record";

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
  /** When the latest look was taken: the observed traffic rate runs from the start to here. */
  last_look_at?: number | null;
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
  /** A rotation on the creator's own YouTube video (source "youtube"); absent otherwise. */
  rotation?: RotationRecord | null;
}

export function startTest(
  thumbnails: Pick<Thumbnail, "id" | "style">[],
  pickId: string,
  source: AnalyticsSource,
  config: AbConfig,
  seed: number,
  now: number,
  rotationSetup?: RotationSetup,
): AbTestRecord {
  const ids = thumbnails.map((t) => t.id);
  const rotation = source === "youtube" && rotationSetup ? newRotation(rotationSetup, ids, seed, now) : null;
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
    // A rotation runs for weeks of Pacific days; its deadline is its last day plus YouTube's report lag.
    deadline_at: rotation ? rotationDeadline(rotation) : now + config.timeoutMs,
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
    rotation,
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

/**
 * The one check of an integrator's push (the zod schema has checked its shape): the test must take
 * pushes (409 otherwise), then the engine validates the data itself (ids, totals, splits, the
 * revision tolerance) with error paths that name the request's fields.
 */
export function validatePush(ab: AbTestRecord, push: PushedTotals, now: number): Result<ValidPush> {
  // Past the deadline the test is over even if the alarm that ends it has not run yet.
  if (!isRunning(ab) || now >= ab.deadline_at) return refuse(conflict("The A/B test has ended; metrics are no longer accepted."));
  if (ab.source !== "external")
    return refuse(
      conflict(
        ab.source === "youtube"
          ? "This test reads YouTube's own reports; metrics cannot be pushed to it."
          : "This test uses simulated analytics; start it with analytics_source 'external' to push metrics.",
      ),
    );
  const checked = checkEnginePush(upgradeEngineState(ab.engine_state), push, ab.engine);
  return checked.ok ? ok(checked.value) : refuse(invalid(checked.errors, "The metrics push is invalid."));
}

export const labelsOf = (ab: AbTestRecord) => Object.fromEntries(ab.variant_ids.map((id) => [id, STYLE_LABELS[ab.styles[id]!]]));

const countsOf = (state: EngineState): ArmCounts[] =>
  state.armIds.map((id, i) => ({ id, impressions: state.impressions[i]!, clicks: state.clicks[i]! }));

/**
 * One look: a simulated poll's totals (under the split the simulation used) or a validated push
 * (under whatever split it declared, or none). The test ends itself when the engine proves a
 * winner or that the variants perform the same, or when a capped test reaches its cap.
 */
export function recordLook(
  ab: AbTestRecord,
  input: { totals: ArmCounts[] } | { push: ValidPush },
  now: number,
): { ab: AbTestRecord; point: AbHistoryPoint } {
  const before = upgradeEngineState(ab.engine_state);
  // Deadline-aware engines spend alpha up to what the deadline allows at the traffic seen so far.
  const elapsed = (now - ab.started_at) / Math.max(1, ab.deadline_at - ab.started_at);
  const { state, evaluation } =
    "push" in input
      ? takeLook(before, input.push, ab.pick_id, ab.engine, elapsed)
      : look(before, input.totals, ab.pick_id, ab.engine, ab.allocation, elapsed);
  const counts = countsOf(state);
  let next: AbTestRecord = {
    ...ab,
    counts,
    polls: ab.polls + 1,
    last_look_at: now,
    next_poll_at: ab.source === "simulated" ? now + ab.poll_interval_ms : null,
    engine_state: state,
    evaluation,
    // Only the simulated source is ours to steer; an integrator's split is whatever they declare.
    allocation:
      ab.source === "simulated" && ab.allocation_mode === "thompson" && acceptsAllocation(state, evaluation.recommendedAllocation)
        ? evaluation.recommendedAllocation
        : ab.allocation,
    explanation: explain(evaluation, counts, labelsOf(ab), "running", ab.engine.alpha),
  };
  if (evaluation.stop === "winner" && evaluation.winnerId) next = finishTest(next, "winner", evaluation.winnerId, now);
  else if (evaluation.stop === "same") next = finishTest(next, "same", null, now);
  else if (evaluation.horizonReached) next = finishTest(next, "timeout", null, now);
  return { ab: next, point: historyPoint(next, now) };
}

/** Every CTR interval on screen (cards and chart) is at the same level as the lift intervals: 1 − 2α. */
export const displayLevel = (ab: AbTestRecord) => 1 - 2 * ab.engine.alpha;

export function displayInterval(ab: AbTestRecord, c: ArmCounts) {
  return c.impressions > 0 ? ctrInterval(c.impressions, c.clicks, { ...ab.engine, alpha: 2 * ab.engine.alpha }) : null;
}

/** The test's latest look as one compact history point: cumulative counts and the displayed intervals. */
export function historyPoint(ab: AbTestRecord, t: number): AbHistoryPoint {
  return {
    t,
    impressions: ab.counts.map((c) => c.impressions),
    clicks: ab.counts.map((c) => c.clicks),
    ctr_intervals: ab.counts.map((c) => displayInterval(ab, c)),
  };
}

/**
 * Ends the test. The verdict is the engine's (winner, preferred, same or inconclusive); the
 * creator's pick is replaced only by a proven winner, a "preferred" variant (proven better than
 * the pick), or the creator's own declaration.
 */
export function finishTest(ab: AbTestRecord, decision: Decision, chosenId: string | null, now: number): AbTestRecord {
  const e = ab.evaluation;
  const verdict: Verdict = !e ? "inconclusive" : decision === "winner" ? "winner" : decision === "same" ? "same" : e.verdict;
  const winner =
    chosenId ?? (verdict === "winner" ? (e?.winnerId ?? e?.leaderId) : verdict === "preferred" ? e?.preferredId : null) ?? ab.pick_id;
  const explanation = e
    ? explain(e, ab.counts, labelsOf(ab), decision, ab.engine.alpha, decision === "manual" ? (chosenId ?? undefined) : undefined)
    : "The test ended before any impressions were recorded, so your pick stands.";
  return { ...ab, decision, verdict, winner_id: winner, ended_at: now, next_poll_at: null, explanation };
}
