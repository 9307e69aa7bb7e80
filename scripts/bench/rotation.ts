// One simulated rotation test: a randomised daily schedule, a channel's daily analytics, the
// engine's randomisation analysis, and on the same rows the naive rule the common tools use
// ("rotate daily, compare CTR at the end, z-test at 95%").
import { mixSeed } from "../../worker/domain/stats";
import { type ChannelModel, analyseRotation, buildRotationSchedule, simulateRotation } from "../../worker/domain/stats/rotation";
import { naiveWinner } from "./naive";

export interface RotationScenario {
  key: string;
  ctrs: number[];
  days: number;
  channel: Omit<ChannelModel, "ctrs">;
  seedBase: number;
}

export interface RotationRunResult {
  /** Variant index proven best, or −1. */
  winner: number;
  /** The global test alone ("some variant differs") rejected by the end. */
  differs: boolean;
  same: boolean;
  daysToDecision: number | null;
  naiveWinner: number;
}

export function runRotationReplication(s: RotationScenario, rep: number): RotationRunResult {
  const ids = s.ctrs.map((_, i) => `v${i}`);
  const seed = mixSeed(s.seedBase, rep);
  const schedule = buildRotationSchedule({ variantIds: ids, days: s.days, startDate: "2025-03-03", seed });
  const rows = simulateRotation(schedule, { ...s.channel, ctrs: Object.fromEntries(ids.map((id, i) => [id, s.ctrs[i]])) }, seed);
  const out = analyseRotation(schedule, rows, { references: 999 });
  if (!out.ok) throw new Error(JSON.stringify(out.errors));
  const r = out.result;
  const impressions = ids.map(() => 0);
  const clicks = ids.map(() => 0);
  schedule.days.forEach((d, i) => {
    const v = ids.indexOf(d.variantId);
    impressions[v] += rows[i].impressions;
    clicks[v] += rows[i].clicks;
  });
  return {
    winner: r.winnerId ? ids.indexOf(r.winnerId) : -1,
    differs: r.pValue !== null && r.pValue <= 0.05,
    same: r.verdict === "same",
    daysToDecision: r.daysToDecision,
    naiveWinner: naiveWinner(impressions, clicks),
  };
}
