// One daily chart of a rotation (CTR, or watch time per impression): uPlot made once per mount
// and theme, then setData; a text summary beside it for anyone who cannot see the canvas.
import { useEffect, useRef } from "preact/hooks";
import type { ThumbnailStyle } from "../../api/types";
import type { Palette } from "../../models/theme";
import { usePlot } from "../use-plot";
import type { DailyPlot } from "./daily-plot";

interface Props {
  title: string;
  series: { id: string; label: string; style: ThumbnailStyle }[];
  data: (number | null)[][];
  unit: string;
  palette: Palette;
  /** The same numbers in words, e.g. "Viral: 4.8% on 3 days". */
  summary: string;
  metric: string;
}

/** What is drawn, for tests that cannot read a canvas: the number of points. */
function markPoints(el: HTMLElement, data: (number | null)[][]) {
  el.dataset.points = String(
    data
      .slice(1)
      .flat()
      .filter((v) => v != null).length,
  );
}

export function DailyChart({ title, series, data, unit, palette, summary, metric }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const latest = useRef(data);
  latest.current = data;
  const plot = usePlot<DailyPlot>(
    box,
    () =>
      import("./daily-plot").then(({ createDailyPlot, HEIGHT }) => ({
        make: (el) => {
          markPoints(el, latest.current);
          return createDailyPlot(el, series, latest.current, palette, unit);
        },
        height: HEIGHT,
      })),
    [palette],
  );

  useEffect(() => {
    plot.current?.setData(data as Parameters<DailyPlot["setData"]>[0]);
    if (box.current) markPoints(box.current, data);
  }, [data]);

  return (
    <figure class="chart" data-chart={metric}>
      <div ref={box} role="img" aria-label={`${title}. ${summary}`} />
      <figcaption>
        <strong>{title}</strong>{" "}
        {series.map((s, i) => (
          <span key={s.id} class="key">
            <svg width="14" height="14" aria-hidden="true">
              <circle
                cx="7"
                cy="7"
                r={4 + i}
                stroke={palette.series[s.style]}
                stroke-width="2"
                fill={i === 1 ? "none" : palette.series[s.style]}
              />
            </svg>
            {s.label}
          </span>
        ))}
        <span class="muted"> Day of the test across; one point per day a variant was live and YouTube reported.</span>
      </figcaption>
    </figure>
  );
}
