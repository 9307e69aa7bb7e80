// Pure derivations the models wrap in computed(): no signals, no fetch, the clock passed in.
import type {
  AbHistory,
  AbHistoryPoint,
  AbStatus,
  Interval,
  RequiredAction,
  ThumbnailStyle,
  VariantStats,
  WorkflowStatus,
} from "../../../worker/shared/contract";

export const STATUS_LABEL: Record<WorkflowStatus, string> = {
  researching_trends: "Researching trends",
  generating_scripts: "Writing scripts",
  awaiting_approval: "Script review",
  generating_thumbnails: "Making thumbnails",
  awaiting_thumbnail_selection: "Pick a thumbnail",
  ab_testing: "A/B testing",
  completed: "Completed",
  failed: "Failed",
};
export const ALL_STATUSES = Object.keys(STATUS_LABEL) as WorkflowStatus[];
export const isTerminal = (s: WorkflowStatus) => s === "completed" || s === "failed";

/** A workflow "needs you" when it is parked at a human gate. */
export const needsYou = (a: RequiredAction | null) => a === "script_approval" || a === "thumbnail_selection";

export const STYLE_LABEL: Record<ThumbnailStyle, string> = {
  FACE_FOCUSED: "Face focused",
  PRODUCT_DEMO: "Product demo",
  VIRAL: "Viral",
};
/** Okabe–Ito colours stay distinguishable for colour-blind viewers; dashes back them up. */
export const STYLE_COLOR: Record<ThumbnailStyle, string> = {
  FACE_FOCUSED: "#0072B2",
  PRODUCT_DEMO: "#D55E00",
  VIRAL: "#009E73",
};

export const pct = (x: number, digits = 1) => `${(x * 100).toFixed(digits)}%`;
export const int = (n: number) => n.toLocaleString("en-US");

export function duration(seconds: number) {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  if (h) return `${h} h ${String(m).padStart(2, "0")} min`;
  if (m) return `${m} min ${String(s % 60).padStart(2, "0")} s`;
  return `${s} s`;
}

/** Wilson score interval (95%): sane at small n and at 0 clicks, unlike p ± 1.96·SE. */
export function wilson(clicks: number, impressions: number, z = 1.96): Interval | null {
  if (impressions <= 0) return null;
  const p = clicks / impressions;
  const z2n = (z * z) / impressions;
  const denom = 1 + z2n;
  const center = (p + z2n / 2) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / impressions + z2n / (4 * impressions))) / denom;
  return { lower: Math.max(0, center - half), upper: Math.min(1, center + half) };
}

/** The engine's always-valid interval when it sends one, otherwise Wilson from the counts. */
export const intervalOf = (v: VariantStats) => v.ctr_interval ?? wilson(v.clicks, v.impressions);

export const leaderOf = (ab: AbStatus) => ab.leader_id ?? [...ab.variants].sort((a, b) => b.ctr - a.ctr)[0]?.thumbnail_id ?? null;

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
}

/**
 * A history point may carry the engine's interval per variant (`ctr_intervals`, a proposed
 * optional contract field); without it the band is Wilson on the cumulative counts, which a
 * reload redraws identically.
 */
type Point = AbHistoryPoint & { ctr_intervals?: (Interval | null)[] };

/** uPlot's column layout: [x, ctr₁, upper₁, lower₁, ctr₂, …] in percent, one row per poll. */
export function chartColumns(history: AbHistory, ab: AbStatus) {
  const styleOf = new Map(ab.variants.map((v) => [v.thumbnail_id, v.style]));
  const series: ChartSeries[] = history.variant_ids.map((id) => ({ id, style: styleOf.get(id) ?? "VIRAL" }));
  const points = ([...history.points] as Point[]).sort((a, b) => a.t - b.t);
  const data: (number | null)[][] = [points.map((p) => Math.max(0, secondsSinceStart(p.t, ab.started_at)))];
  const engineBands = points.length > 0 && points.every((p) => p.ctr_intervals);
  series.forEach((_, i) => {
    const ctr: (number | null)[] = [];
    const up: (number | null)[] = [];
    const lo: (number | null)[] = [];
    for (const p of points) {
      const n = p.impressions[i] ?? 0;
      const c = p.clicks[i] ?? 0;
      const band = engineBands ? p.ctr_intervals![i] : wilson(c, n);
      ctr.push(n ? (100 * c) / n : null);
      up.push(band ? 100 * band.upper : null);
      lo.push(band ? 100 * band.lower : null);
    }
    data.push(ctr, up, lo);
  });
  return { series, data, bands: engineBands ? ("engine" as const) : ("wilson" as const) };
}

/** Appends a live poll point unless it is already in the history (a resync may have fetched it). */
export function withPoint(history: AbHistory | null, point: AbHistory["points"][number]): AbHistory | null {
  if (!history) return history;
  if (history.points.some((p) => p.t === point.t)) return history;
  return { ...history, points: [...history.points, point] };
}
