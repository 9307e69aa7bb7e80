// One sentence for a rotation test's result: what was proven, at what error, and what was not.
import { liftIntervalTooWide } from "../interval-rule";
import type { RotationResult } from "./analysis";

const signed = (x: number) => `${x >= 0 ? "+" : ""}${Math.round(x * 100)}%`;

export function explainRotation(r: RotationResult, labels: Record<string, string>, alpha = 0.05, sameMargin = 0.1): string {
  const name = (id: string | null) => (id ? (labels[id] ?? id) : "");
  const days = `${r.blocksAnalysed} of ${r.blocksPlanned} rotations`;
  const range = r.lift && liftIntervalTooWide(r.lift.interval) ? "too early to give a range" : null;
  const lift = r.lift
    ? ` by ${signed(r.lift.estimate)} CTR (${range ?? `${Math.round(100 * (1 - 2 * alpha))}% interval ${signed(r.lift.interval.lower)} to ${signed(r.lift.interval.upper)}`})`
    : "";
  if (r.blocksAnalysed === 0) return "No complete rotation has been reported yet, so there is nothing to compare.";
  switch (r.verdict) {
    case "winner":
      return `${name(r.winnerId)} beat every other thumbnail, ${name(r.runnerUpId)} most narrowly${lift}, after ${days} (at most ${Math.round(alpha * 100)}% error, valid for the randomised schedule).`;
    case "same":
      return `The thumbnails performed the same: none beat another by ${Math.round(sameMargin * 100)}% CTR or more, after ${days}.`;
    case "inconclusive": {
      // The interval is this look's alone; proof must hold over every look and against every rival, so it can miss even when the interval excludes 0.
      const clear = r.lift !== null && r.lift.interval.lower > 0;
      const why = clear
        ? "the lead held at the end, but a proof must hold at every look along the way and against every other thumbnail, and at this error rate these days were not enough for that"
        : "the interval still reaches no difference at all: this video's CTR swings from day to day about as much as the lead, so more days, more traffic or a larger difference would be needed";
      return `No thumbnail was proven best and they were not proven the same after ${days}: ${name(r.leaderId)} led ${name(r.runnerUpId)}${lift}, which is not proof, because ${why}.`;
    }
    default:
      return `${name(r.leaderId)} leads ${name(r.runnerUpId)}${lift} after ${days}; nothing is proven yet.`;
  }
}
