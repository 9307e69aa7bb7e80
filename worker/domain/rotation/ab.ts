// A rotation inside the workflow's A/B record: each report read is one look, and the test ends
// the way every test ends (decision, verdict, winner), plus a restore of the video.
import type { AbHistoryPoint, Decision, Verdict } from "../../shared/contract";
import { type AbTestRecord, historyPoint, labelsOf } from "../ab-test";
import { sameMarginOf } from "../ab-status";
import { explainRotation } from "../stats/rotation";
import { endTarget } from "./phase";
import { ORIGINAL, type RotationRecord, yourOriginal } from "./record";
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
    // Nothing won when the original goes back: the pick is only "your pick, not proven" (see endOnVideo).
    winner_id: back,
    ended_at: now,
    next_poll_at: null,
    explanation: [lead, analysis, restoring].filter(Boolean).join(" "),
    rotation: beginRestore(rotation, back, now),
  };
}

export interface OnVideo {
  /** "original": nothing was proven (or the test was stopped) and the video carries what it had before. */
  carries: "original" | "variant";
  /** The variant on the video; null for the original. */
  thumbnail_id: string | null;
  text: string;
}

/** What an ended rotation leaves on the video, in one sentence; null while it runs or for other tests. */
export function endOnVideo(ab: AbTestRecord): OnVideo | null {
  const r = ab.rotation;
  const target = r ? endTarget(r.phase) : null;
  if (!r || target === null) return null;
  const labels = labelsOf(ab);
  const state = r.phase.state;
  if (target === ORIGINAL) {
    const where =
      state === "restored"
        ? yourOriginal(r, "is", "are") + " on the video"
        : state === "abandoned"
          ? `${yourOriginal(r, "was", "were")} to go back on the video, but could not be put back (check it in YouTube Studio)`
          : yourOriginal(r, "goes", "go") + " back on the video";
    return { carries: "original", thumbnail_id: null, text: `${where}; ${labels[ab.pick_id] ?? ab.pick_id} is your pick, not proven.` };
  }
  const name = labels[target] ?? target;
  const why = ab.decision === "manual" ? "declared by you" : "proven";
  const where =
    state === "restored" ? "is on the video" : state === "abandoned" ? "could not be put back on the video" : "goes back on the video";
  return { carries: "variant", thumbnail_id: target, text: `${name} (${why}) ${where}.` };
}
