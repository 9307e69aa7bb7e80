// The plan's history from the reach report: the linked video's own days (with the channel's
// other videos that day as the control, as the rotation reads them), and, for a video without
// days yet, the channel's typical video: the middle one by impressions among those with history.
import type { RotationPlanAdvice } from "../../shared/contract/rotation";
import { type PlanDay, planRotation } from "../stats/rotation/plan";
import type { ReachDay } from "./reach-csv";

/** A video needs this many days with impressions to stand for the channel. */
const TYPICAL_MIN_DAYS = 7;

/** One video's plan days: from its first day with impressions on, each with the rest of the channel beside it. */
export function planDaysOf(days: ReachDay[], videoId: string): PlanDay[] {
  const out: PlanDay[] = [];
  for (const { rows } of days) {
    let impressions = 0;
    let clicks = 0;
    let channelImpressions = 0;
    let channelClicks = 0;
    for (const r of rows) {
      // The report gives a rounded CTR; clicks are estimated from it, as the rotation does.
      const c = Math.round(r.impressions * r.ctr);
      if (r.videoId === videoId) ((impressions += r.impressions), (clicks += c));
      else ((channelImpressions += r.impressions), (channelClicks += c));
    }
    if (impressions === 0 && out.length === 0) continue;
    out.push({ impressions, clicks, channelImpressions, channelClicks });
  }
  return out;
}

export interface PlanHistory {
  video: PlanDay[];
  /** The channel's typical video (the median by impressions per day of those with a week of days), or none. */
  typical: PlanDay[];
  typicalVideoId: string | null;
}

export function planHistory(days: ReachDay[], videoId: string): PlanHistory {
  const totals = new Map<string, { impressions: number; days: number }>();
  for (const { rows } of days)
    for (const r of rows) {
      if (r.videoId === videoId || r.impressions === 0) continue;
      const t = totals.get(r.videoId) ?? { impressions: 0, days: 0 };
      totals.set(r.videoId, { impressions: t.impressions + r.impressions, days: t.days + 1 });
    }
  const candidates = [...totals.entries()]
    .filter(([, t]) => t.days >= TYPICAL_MIN_DAYS)
    .map(([id, t]) => ({ id, perDay: t.impressions / t.days }))
    .sort((a, b) => a.perDay - b.perDay || (a.id < b.id ? -1 : 1));
  const typical = candidates[Math.floor(candidates.length / 2)] ?? null;
  return {
    video: planDaysOf(days, videoId),
    typical: typical ? planDaysOf(days, typical.id) : [],
    typicalVideoId: typical?.id ?? null,
  };
}

const NOTES: Record<RotationPlanAdvice["source"], (days: number) => string> = {
  video: (days) => `From this video's last ${days} days in YouTube's reach report.`,
  channel: (days) =>
    `This video has no reach-report days yet, so these chances use your channel's typical video (${days} days of it); they change once this video's own days arrive.`,
  none: () =>
    "YouTube's reach report has no days for this channel yet (the first arrive a day after connecting, with 30 days of backfill).",
};

/** The plan as the API shows it: every chance, the recommendation, the warning, and where the figures come from. */
export function planView(history: PlanHistory): RotationPlanAdvice {
  const plan = planRotation(history.video, history.typical);
  const used = plan.source === "video" ? history.video : plan.source === "channel" ? history.typical : [];
  const days = Math.min(used.filter((d) => d.impressions > 0).length, 30);
  const round = (x: number, digits: number) => Number(x.toFixed(digits));
  const choice = (c: { variants: number; days: number; lift: number; power: number }) => ({
    variants: c.variants,
    days: c.days,
    lift: c.lift,
    power: round(c.power, 3),
  });
  return {
    source: plan.source,
    history_days: days,
    impressions_per_day: Math.round(plan.impressionsPerDay),
    ctr: round(plan.ctr, 5),
    day_spread: round(plan.daySpread, 3),
    chances: plan.cells.map(choice),
    recommended: plan.recommended && choice(plan.recommended),
    warning: plan.warning,
    note: NOTES[plan.source](days),
  };
}
