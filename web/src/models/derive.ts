// Pure derivations the models wrap in computed(): no signals, no fetch, the clock passed in.
import type { AbHistory, AbHistoryPoint, AbStatus, ThumbnailStyle } from "../api/types";

/** History `t` may be epoch ms, epoch s or seconds since start; the chart wants seconds since start. */
export function secondsSinceStart(t: number, startedAt: string) {
  const start = Date.parse(startedAt);
  if (t > 1e11) return (t - start) / 1000;
  if (t > 1e9) return t - start / 1000;
  return t;
}

export interface ChartSeries {
  id: string;
  style: ThumbnailStyle;
  label: string;
}

/** uPlot's column layout: [x, ctr₁, upper₁, lower₁, ctr₂, …] in percent, one row per look. */
export function chartColumns(history: AbHistory, ab: AbStatus, labelOf: (id: string) => string) {
  const styleOf = new Map(ab.variants.map((v) => [v.thumbnail_id, v.style]));
  const series: ChartSeries[] = history.variant_ids.map((id) => ({ id, style: styleOf.get(id) ?? "VIRAL", label: labelOf(id) }));
  const points = [...history.points].sort((a, b) => a.t - b.t);
  const data: (number | null)[][] = [points.map((p) => Math.max(0, secondsSinceStart(p.t, ab.started_at)))];
  series.forEach((_, i) => {
    const ctr: (number | null)[] = [];
    const up: (number | null)[] = [];
    const lo: (number | null)[] = [];
    for (const p of points) {
      const n = p.impressions[i] ?? 0;
      const c = p.clicks[i] ?? 0;
      // The engine's always-valid interval at that look; no band before it has one.
      const band = p.ctr_intervals?.[i];
      ctr.push(n ? (100 * c) / n : null);
      up.push(band ? 100 * band.upper : null);
      lo.push(band ? 100 * band.lower : null);
    }
    data.push(ctr, up, lo);
  });
  return { series, data, yRange: yRange(points, data) };
}

/**
 * The y-axis fitted to the CTR lines, not to the early, very wide intervals: CTRs of 5–10%
 * must not sit on a 0–100% axis. Looks with fewer than 50 impressions per variant are left out
 * of the fit once later looks exist (their CTR jumps about); the bands are clipped to the range.
 */
export function yRange(points: AbHistoryPoint[], data: (number | null)[][]): [number, number] {
  const settled = points.map((p) => Math.min(...p.impressions) >= 50);
  const use = settled.some(Boolean) ? settled : points.map(() => true);
  let lo = Infinity;
  let hi = -Infinity;
  for (let s = 1; s < data.length; s += 3)
    data[s].forEach((v, i) => {
      if (!use[i] || v == null) return;
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    });
  if (lo > hi) return [0, 10];
  const pad = Math.max(0.5, (hi - lo) * 0.25);
  return [Math.max(0, Math.floor(lo - pad)), Math.min(100, Math.ceil(hi + pad))];
}

/** Appends a live point unless it is already in the history (a resync may have fetched it). */
export function withPoint(history: AbHistory | null, point: AbHistoryPoint): AbHistory | null {
  if (!history) return history;
  if (history.points.some((p) => p.t === point.t)) return history;
  return { ...history, points: [...history.points, point] };
}
