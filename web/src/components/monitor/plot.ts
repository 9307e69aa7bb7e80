// uPlot and the chart's options: the one lazily loaded chunk (uPlot is most of the app's weight),
// fetched when the first chart is drawn. It imports nothing from Preact.
import uPlot from "uplot";
import type { ChartSeries } from "../../models/derive";
import type { Palette } from "../../models/theme";
import { baseOptions } from "../plot-options";

export const HEIGHT = 260;
export const DASHES = [[], [8, 4], [2, 3]];

const X_STEPS = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400];
/** Axis labels: "45s", "2m30s", "1h15m"; never two equal labels, unlike rounded decimals. */
function shortTime(s: number) {
  if (s < 60) return `${s}s`;
  const [big, small, u1, u2] =
    s < 3600 ? [Math.floor(s / 60), s % 60, "m", "s"] : [Math.floor(s / 3600), Math.floor((s % 3600) / 60), "h", "m"];
  return `${big}${u1}${small ? `${small}${u2}` : ""}`;
}

/** Builds the plot in `el`; `range` is read on every redraw, so the y-axis follows the data. */
export function createPlot(el: HTMLElement, series: ChartSeries[], data: (number | null)[][], p: Palette, range: () => [number, number]) {
  const { axis, ...base } = baseOptions(el, HEIGHT, p);
  const opts: uPlot.Options = {
    ...base,
    scales: { x: { time: false }, y: { range } },
    axes: [
      // Whole-second steps that read well from a 1-second update up to a 72-hour test.
      { ...axis, incrs: X_STEPS, values: (_u, splits) => splits.map(shortTime) },
      { ...axis, size: 48, values: (_u, splits) => splits.map((v) => `${v}%`) },
    ],
    series: [
      {},
      ...series.flatMap((s, i) => {
        const color = p.series[s.style];
        const edge = { stroke: `${color}66`, width: 1, points: { show: false } };
        return [
          { label: s.label, stroke: color, width: 2, dash: DASHES[i % 3], points: { show: false } },
          { label: `${s.label} upper`, ...edge },
          { label: `${s.label} lower`, ...edge },
        ];
      }),
    ],
    // Each band fills between a variant's upper (from) and lower (to) series.
    bands: series.map((s, i) => ({ series: [2 + 3 * i, 3 + 3 * i] as [number, number], fill: `${p.series[s.style]}24` })),
  };
  return new uPlot(opts, data as uPlot.AlignedData, el);
}
export type Plot = ReturnType<typeof createPlot>;
