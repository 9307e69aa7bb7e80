// The oracle column: fixed-horizon tests that know the schedule, run once at the end at the same
// family-wise α (Holm across the leader's comparisons). The bench reports the strongest whose
// own A/A rate on the row's A/A twin stays ≤ 5%, so the engine is compared with a valid test.
import { normalCdf } from "../../worker/domain/stats/normal";
import type { RotationRow } from "../../worker/domain/stats/rotation";
import { fitDays, tTwoSidedP } from "../../worker/domain/stats/rotation/regression";

export const ORACLES = ["pooled z", "day regression", "… + weekdays", "… + channel", "… + weekdays + channel"] as const;
export type Oracle = (typeof ORACLES)[number];

/** Leader's Holm-adjusted decision from its two-sided p against each rival: the leader, or −1. */
function holm(leader: number, pValues: { rival: number; p: number }[], alpha: number): number {
  const sorted = [...pValues].sort((a, b) => a.p - b.p);
  return sorted.every((x, i) => x.p <= alpha / (sorted.length - i)) ? leader : -1;
}

function pooledZ(variants: number[], rows: RotationRow[], k: number, alpha: number): number {
  const n = new Array<number>(k).fill(0);
  const c = new Array<number>(k).fill(0);
  rows.forEach((r, d) => ((n[variants[d]] += r.impressions), (c[variants[d]] += r.clicks)));
  const ctr = n.map((x, v) => c[v] / Math.max(1, x));
  const leader = ctr.indexOf(Math.max(...ctr));
  const ps = ctr.flatMap((_, j) => {
    if (j === leader) return [];
    const pooled = (c[leader] + c[j]) / (n[leader] + n[j]);
    const se = Math.sqrt(pooled * (1 - pooled) * (1 / n[leader] + 1 / n[j]));
    return [{ rival: j, p: 2 * (1 - normalCdf((ctr[leader] - ctr[j]) / se)) }];
  });
  return holm(leader, ps, alpha);
}

function regression(
  variants: number[],
  rows: RotationRow[],
  days: { age: number; weekday: number }[],
  k: number,
  alpha: number,
  weekdays: boolean,
  channel: boolean,
): number {
  const y = rows.map((r) => Math.log((r.clicks + 0.5) / (r.impressions + 1)));
  const x = rows.map((r, d) => {
    const row: number[] = Array.from({ length: k - 1 }, (_, v) => (variants[d] === v + 1 ? 1 : 0));
    row.push(1, days[d].age / 7);
    if (weekdays) for (let w = 1; w < 7; w++) row.push(days[d].weekday === w ? 1 : 0);
    if (channel) row.push(Math.log(((r.channelClicks ?? 0) + 0.5) / ((r.channelImpressions ?? 0) + 1)));
    return row;
  });
  const fit = fitDays(
    y,
    x,
    rows.map((r) => 1 / (1 / (r.clicks + 0.5) + 1 / (r.impressions + 1))),
  );
  if (!fit) return -1;
  const effect = (v: number) => (v === 0 ? 0 : fit.beta[v - 1]);
  const all = Array.from({ length: k }, (_, v) => effect(v));
  const leader = all.indexOf(Math.max(...all));
  const ps = all.flatMap((_, j) => {
    if (j === leader) return [];
    const c = new Array<number>(fit.beta.length).fill(0);
    if (leader > 0) c[leader - 1] += 1;
    if (j > 0) c[j - 1] -= 1;
    const variance = c.reduce((s, ci, a) => s + ci * c.reduce((t, cj, b) => t + cj * fit.cov[a][b], 0), 0);
    return [{ rival: j, p: tTwoSidedP((effect(leader) - effect(j)) / Math.sqrt(variance), fit.df) }];
  });
  return holm(leader, ps, alpha);
}

/** Each oracle's winner (variant index or −1) on the measured days of one run. */
export function oracleWinners(
  variants: number[],
  rows: RotationRow[],
  days: { age: number; weekday: number }[],
  k: number,
  alpha = 0.05,
): Record<Oracle, number> {
  const channel = rows.every((r) => r.channelImpressions !== undefined);
  return {
    "pooled z": pooledZ(variants, rows, k, alpha),
    "day regression": regression(variants, rows, days, k, alpha, false, false),
    "… + weekdays": regression(variants, rows, days, k, alpha, true, false),
    "… + channel": channel ? regression(variants, rows, days, k, alpha, false, true) : -1,
    "… + weekdays + channel": channel ? regression(variants, rows, days, k, alpha, true, true) : -1,
  };
}
