// The uPlot wrapper: make the instance once, then only setData/setSize; destroy on unmount.
import { useEffect, useLayoutEffect, useRef } from "preact/hooks";
import uPlot from "uplot";
import { STYLE_COLOR, STYLE_LABEL, type ChartSeries } from "../models/derive";

const HEIGHT = 260;
const DASHES = [[], [8, 4], [2, 3]];
const AXIS = { stroke: "#555", grid: { stroke: "#e6e6e6", width: 1 }, ticks: { stroke: "#ccc", width: 1 } };

const X_STEPS = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400];
/** Axis labels: "45s", "2m30s", "1h15m"; never two equal labels, unlike rounded decimals. */
function shortTime(s: number) {
  if (s < 60) return `${s}s`;
  const [big, small, u1, u2] =
    s < 3600 ? [Math.floor(s / 60), s % 60, "m", "s"] : [Math.floor(s / 3600), Math.floor((s % 3600) / 60), "h", "m"];
  return `${big}${u1}${small ? `${small}${u2}` : ""}`;
}

function options(series: ChartSeries[], width: number): uPlot.Options {
  return {
    width,
    height: HEIGHT,
    legend: { show: false },
    cursor: { show: false },
    scales: {
      x: { time: false },
      // Keep 0 in sight only when it is near; CTRs around 8% should not be squashed to the top.
      y: { range: (_u, min, max) => [Math.max(0, Math.floor((min ?? 0) - 1)), Math.ceil((max ?? 10) + 1)] },
    },
    axes: [
      // Whole-second steps that read well from a 1-second poll up to a 72-hour test.
      { ...AXIS, incrs: X_STEPS, values: (_u, splits) => splits.map(shortTime) },
      { ...AXIS, size: 48, values: (_u, splits) => splits.map((v) => `${v}%`) },
    ],
    series: [
      {},
      ...series.flatMap((s, i) => {
        const color = STYLE_COLOR[s.style];
        const edge = { stroke: `${color}55`, width: 1, points: { show: false } };
        return [
          { label: STYLE_LABEL[s.style], stroke: color, width: 2, dash: DASHES[i % 3], points: { show: false } },
          { label: `${STYLE_LABEL[s.style]} upper`, ...edge },
          { label: `${STYLE_LABEL[s.style]} lower`, ...edge },
        ];
      }),
    ],
    // Each band fills between a variant's upper (from) and lower (to) series.
    bands: series.map((s, i) => ({ series: [2 + 3 * i, 3 + 3 * i] as [number, number], fill: `${STYLE_COLOR[s.style]}1f` })),
  };
}

interface Props {
  series: ChartSeries[];
  data: (number | null)[][];
  bands: "engine" | "wilson";
  label: string;
}

export function CtrChart({ series, data, bands, label }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);

  // The variant set is fixed for a test, so the instance is built once per mount.
  useLayoutEffect(() => {
    const el = box.current!;
    const u = new uPlot(options(series, el.clientWidth || 320), data as uPlot.AlignedData, el);
    plot.current = u;
    const ro = new ResizeObserver(() => u.setSize({ width: el.clientWidth, height: HEIGHT }));
    ro.observe(el);
    return () => {
      ro.disconnect();
      u.destroy();
      plot.current = null;
    };
  }, []);

  useEffect(() => {
    plot.current?.setData(data as uPlot.AlignedData);
  }, [data]);

  return (
    <figure class="chart">
      <div ref={box} role="img" aria-label={label} />
      <figcaption>
        {series.map((s, i) => (
          <span key={s.id} class="key">
            <svg width="22" height="8" aria-hidden="true">
              <line
                x1="0"
                y1="4"
                x2="22"
                y2="4"
                stroke={STYLE_COLOR[s.style]}
                stroke-width="2"
                stroke-dasharray={DASHES[i % 3].join(" ")}
              />
            </svg>
            {STYLE_LABEL[s.style]}
          </span>
        ))}
        <span class="muted">
          CTR over time; shaded: {bands === "engine" ? "the engine's 95% always-valid interval" : "95% Wilson interval"}
        </span>
      </figcaption>
    </figure>
  );
}
