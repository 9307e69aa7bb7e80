// A rotation inside the workflow's A/B record: each report read is one look, and the test ends
// the way every test ends (decision, verdict, winner), plus a restore of the video.
import type { AbHistoryPoint, Decision, Verdict } from "../../shared/contract";
import { type AbTestRecord, historyPoint, labelsOf } from "../ab-test";
import { sameMarginOf } from "../ab-status";
import { explainRotation } from "../stats/rotation";
import { type RotationRecord, yourOriginal } from "./record";
import { analyse, beginRestore, summarise } from "./progress";

/** One look after reports arrived: the analysis, the counts per variant, and the end when it is decided. */
export function rotationLook(ab: AbTestRecord, rotation: RotationRecord, now: number): { ab: AbTestRecord; point: AbHistoryPoint } {
  const margin = sameMarginOf(ab);
  const result = analyse(rotation, now, { alpha: ab.engine.alpha, sameMargin: margin });
  let next: AbTestRecord = {
    ...ab,
    rotation: { ...rotation, result: summarise(result) },
    counts: result.variants.map((v) => ({ id: v.id, impressions: v.impressions, clicks: v.clicks })),
    polls: ab.polls + 1,
    last_look_at: now,
    explanation: explainRotation(result, labelsOf(ab), ab.engine.alpha, margin),
  };
  if (result.verdict === "winner") next = finishRotation(next, "winner", result.winnerId, now);
  else if (result.verdict === "same") next = finishRotation(next, "same", null, now);
  else if (result.verdict === "inconclusive") next = finishRotation(next, "timeout", null, now);
  return { ab: next, point: historyPoint(next, now) };
}

const ENDINGS: Partial<Record<Decision, string>> = {
  stopped: "You stopped the test",
  timeout: "The test reached its end without proof",
  same: "The variants performed the same",
};

/**
 * Ends a rotation. Only a proven winner or the creator's own declaration goes back on the video;
 * every other end (same, stop, deadline, disconnect) puts the original back, so no variant that
 * might be a loser is left live.
 */
export function finishRotation(ab: AbTestRecord, decision: Decision, chosenId: string | null, now: number, why?: string): AbTestRecord {
  const rotation = ab.rotation!;
  const result = rotation.result;
  const proven = decision === "winner" ? chosenId : null;
  const verdict: Verdict = decision === "winner" ? "winner" : decision === "same" ? "same" : "inconclusive";
  const back = decision === "manual" ? chosenId : proven;
  const labels = labelsOf(ab);
  const name = (id: string | null) => (id ? (labels[id] ?? id) : "");
  const restoring = back ? `${name(back)} goes back on the video and stays.` : `${yourOriginal(rotation, "goes", "go")} back on the video.`;
  const analysis = result ? (ab.explanation ?? "") : "No day of the rotation had been reported yet.";
  const lead =
    decision === "manual"
      ? `You declared ${name(chosenId)} before the rotation proved it.`
      : decision === "winner"
        ? ""
        : `${why ?? ENDINGS[decision] ?? "The test ended"}.`;
  return {
    ...ab,
    decision,
    verdict,
    winner_id: back ?? ab.pick_id,
    ended_at: now,
    next_poll_at: null,
    explanation: [lead, analysis, restoring].filter(Boolean).join(" "),
    rotation: beginRestore(rotation, back, now),
  };
}
