// One daily chart of a rotation (CTR, or watch time per impression): uPlot made once per mount
// and theme, then setData; a text summary beside it for anyone who cannot see the canvas.
import { useEffect, useLayoutEffect, useRef } from "preact/hooks";
import type { ThumbnailStyle } from "../../api/types";
import type { Palette } from "../../models/theme";
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

export function DailyChart({ title, series, data, unit, palette, summary, metric }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const plot = useRef<DailyPlot | null>(null);
  const latest = useRef(data);
  latest.current = data;

  useLayoutEffect(() => {
    const el = box.current!;
    let gone = false;
    let ro: ResizeObserver | undefined;
    void import("./daily-plot").then(({ createDailyPlot, HEIGHT }) => {
      if (gone) return;
      const u = createDailyPlot(el, series, latest.current, palette, unit);
      plot.current = u;
      el.dataset.points = String(
        latest.current
          .slice(1)
          .flat()
          .filter((v) => v != null).length,
      );
      ro = new ResizeObserver(() => u.setSize({ width: el.clientWidth, height: HEIGHT }));
      ro.observe(el);
    });
    return () => {
      gone = true;
      ro?.disconnect();
      plot.current?.destroy();
      plot.current = null;
    };
  }, [palette]);

  useEffect(() => {
    plot.current?.setData(data as Parameters<DailyPlot["setData"]>[0]);
    if (box.current)
      box.current.dataset.points = String(
        data
          .slice(1)
          .flat()
          .filter((v) => v != null).length,
      );
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
