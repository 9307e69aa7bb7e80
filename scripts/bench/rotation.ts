// One simulated rotation test: a randomised daily schedule, a channel's daily analytics, the
// engine's randomisation analysis, and on the same rows the naive rule the common tools use
// ("rotate daily, compare CTR at the end, z-test at 95%") and the fixed-horizon oracles.
import { mixSeed } from "../../worker/domain/stats";
import {
  type ChannelModel,
  analyseRotation,
  buildRotationSchedule,
  daysBetween,
  simulateRotation,
  weekdayOf,
} from "../../worker/domain/stats/rotation";
import { naiveWinner } from "./naive";
import { type Oracle, oracleWinners } from "./rotation-oracle";

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
  /** Blocks before the planned end at which the winner was proven (0: at the end). */
  blocksEarly: number | null;
  naiveWinner: number;
  oracles: Record<Oracle, number>;
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
  const measured = schedule.days.map((d, i) => ({ d, row: rows[i] })).filter((x) => x.d.measured);
  const decidedBlock = r.decidedAtDate ? schedule.days.find((d) => d.date === r.decidedAtDate)!.block : null;
  return {
    winner: r.winnerId ? ids.indexOf(r.winnerId) : -1,
    differs: r.pValue !== null && r.pValue <= 0.05,
    same: r.verdict === "same",
    daysToDecision: r.daysToDecision,
    blocksEarly: decidedBlock === null ? null : schedule.blocks - 1 - decidedBlock,
    naiveWinner: naiveWinner(impressions, clicks),
    oracles: oracleWinners(
      measured.map((x) => ids.indexOf(x.d.variantId)),
      measured.map((x) => x.row),
      measured.map((x) => ({ age: daysBetween(schedule.startDate, x.d.date), weekday: weekdayOf(x.d.date) })),
      ids.length,
    ),
  };
}
