// The chart component: loads uPlot on first use (plot.ts), makes the instance once per mount and
// theme, then only calls setData/setSize; destroy on unmount. The y-axis is fitted to the CTR
// lines and the bands are clipped to it.
import { useEffect, useRef } from "preact/hooks";
import type { ChartSeries } from "../../models/derive";
import type { Palette } from "../../models/theme";
import { usePlot } from "../use-plot";
import type { Plot } from "./plot";

const DASHES = ["", "8 4", "2 3"];

/** What is drawn, for tests and benchmarks that cannot read a canvas: the point count and the y-axis. */
function mark(el: HTMLElement, data: (number | null)[][], y: [number, number]) {
  el.dataset.points = String(data[0].length);
  el.dataset.yRange = y.join(" ");
}

interface Props {
  series: ChartSeries[];
  data: (number | null)[][];
  yRange: [number, number];
  caption: string;
  label: string;
  palette: Palette;
}

export function CtrChart({ series, data, yRange, caption, label, palette }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const latest = useRef({ data, yRange });
  latest.current = { data, yRange };
  const plot = usePlot<Plot>(
    box,
    () =>
      import("./plot").then(({ createPlot, HEIGHT }) => ({
        make: (el) => {
          const u = createPlot(el, series, latest.current.data, palette, () => latest.current.yRange);
          mark(el, latest.current.data, latest.current.yRange);
          return u;
        },
        height: HEIGHT,
      })),
    [palette],
  );

  useEffect(() => {
    plot.current?.setData(data as Parameters<Plot["setData"]>[0]);
    if (plot.current) mark(box.current!, data, yRange);
  }, [data]);

  return (
    <figure class="chart">
      <div ref={box} role="img" aria-label={label} />
      <figcaption>
        {series.map((s, i) => (
          <span key={s.id} class="key">
            <svg width="22" height="8" aria-hidden="true">
              <line x1="0" y1="4" x2="22" y2="4" stroke={palette.series[s.style]} stroke-width="2" stroke-dasharray={DASHES[i % 3]} />
            </svg>
            {s.label}
          </span>
        ))}
        <span class="muted">{caption}</span>
      </figcaption>
    </figure>
  );
}
