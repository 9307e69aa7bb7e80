// A test's history thinned for a chart: one point per bucket of looks, with the bucket's last
// cumulative counts (so every shown point is a real look), the widest interval any look in the
// bucket had, rounded outward to four decimals (a hundredth of a percentage point, finer than any
// chart shows, so the band's envelope is kept), and the first and last looks exact.
import type { AbHistoryPoint, Interval } from "../shared/contract";

export const DEFAULT_CHART_POINTS = 300;
export const MAX_CHART_POINTS = 2000;

function envelope(points: AbHistoryPoint[], variant: number): Interval | null {
  let lower = Infinity;
  let upper = -Infinity;
  for (const p of points) {
    const i = p.ctr_intervals?.[variant];
    if (!i) continue;
    lower = Math.min(lower, i.lower);
    upper = Math.max(upper, i.upper);
  }
  return lower === Infinity ? null : { lower: Math.floor(lower * 1e4) / 1e4, upper: Math.ceil(upper * 1e4) / 1e4 };
}

export function downsample(points: AbHistoryPoint[], target: number): AbHistoryPoint[] {
  // Short histories, and the first and last looks, are kept as they were: the newest point
  // matches the status cards to the last digit.
  if (points.length <= target) return points;
  const middle = points.slice(1, -1);
  const buckets = Math.max(1, target - 2);
  const out: AbHistoryPoint[] = [points[0]!];
  for (let b = 0; b < buckets; b++) {
    const slice = middle.slice(Math.floor((b * middle.length) / buckets), Math.floor(((b + 1) * middle.length) / buckets));
    if (slice.length === 0) continue;
    const last = slice.at(-1)!;
    const withIntervals = slice.some((p) => p.ctr_intervals);
    out.push({
      ...last,
      ...(withIntervals ? { ctr_intervals: last.impressions.map((_, v) => envelope(slice, v)) } : {}),
    });
  }
  out.push(points.at(-1)!);
  return out;
}

/** The full history as CSV: one row per look, cumulative impressions and clicks per variant. */
export function historyCsv(labels: string[], points: AbHistoryPoint[]): string {
  const quote = (s: string) => `"${s.replaceAll('"', '""')}"`;
  const header = ["time", ...labels.flatMap((l) => [quote(`${l} impressions`), quote(`${l} clicks`)])].join(",");
  const rows = points.map((p) => [new Date(p.t).toISOString(), ...p.impressions.flatMap((n, i) => [n, p.clicks[i]])].join(","));
  return [header, ...rows].join("\n") + "\n";
}
