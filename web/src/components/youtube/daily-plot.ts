// uPlot for the rotation's daily charts (its own small chunk; uPlot itself is shared with the
// monitor's chart): x = day of the test, one series of points per variant, no lines, because the
// variants take turns and a line between two of a variant's days would invent the days between.
import uPlot from "uplot";
import type { Palette } from "../../models/theme";
import { baseOptions } from "../plot-options";
import type { ThumbnailStyle } from "../../api/types";

export const HEIGHT = 220;
const SHAPES = [8, 10, 12];

export function createDailyPlot(
  el: HTMLElement,
  series: { label: string; style: ThumbnailStyle }[],
  data: (number | null)[][],
  p: Palette,
  unit: string,
) {
  const { axis, ...base } = baseOptions(el, HEIGHT, p);
  const opts: uPlot.Options = {
    ...base,
    scales: {
      x: { time: false, range: (_u, lo, hi) => [lo - 0.5, hi + 0.5] },
      y: {
        range: (_u, lo, hi) => (lo == null || hi == null ? [0, 1] : [Math.max(0, lo - (hi - lo) * 0.2 - 0.1), hi + (hi - lo) * 0.2 + 0.1]),
      },
    },
    axes: [
      { ...axis, incrs: [1, 2, 7, 14], values: (_u, splits) => splits.map((d) => (Number.isInteger(d) ? `${d}` : "")) },
      { ...axis, size: 52, values: (_u, splits) => splits.map((v) => `${+v.toFixed(2)}${unit}`) },
    ],
    series: [
      {},
      ...series.map((s, i) => ({
        label: s.label,
        stroke: p.series[s.style],
        fill: p.series[s.style],
        width: 0,
        paths: () => null,
        points: { show: true, size: SHAPES[i % 3], width: 2, stroke: p.series[s.style], fill: i === 1 ? p.background : p.series[s.style] },
      })),
    ],
  };
  return new uPlot(opts, data as uPlot.AlignedData, el);
}
export type DailyPlot = ReturnType<typeof createDailyPlot>;
