// The life of one uPlot chart, shared by every chart: its module loads on first use (so uPlot
// stays out of the first page), the instance is made once per mount and theme, follows the
// element's width, and is destroyed on unmount. Later data only calls setData.
import type { RefObject } from "preact";
import { useLayoutEffect, useRef } from "preact/hooks";

export interface SizedPlot {
  setSize(size: { width: number; height: number }): void;
  destroy(): void;
}

/** `load` imports the chart's module and returns how to make the plot in an element, and its height. */
export function usePlot<P extends SizedPlot>(
  box: RefObject<HTMLDivElement | null>,
  load: () => Promise<{ make: (el: HTMLElement) => P; height: number }>,
  deps: unknown[],
): RefObject<P | null> {
  const plot = useRef<P | null>(null);
  useLayoutEffect(() => {
    const el = box.current!;
    let gone = false;
    let ro: ResizeObserver | undefined;
    void load().then(({ make, height }) => {
      if (gone) return;
      const u = make(el);
      plot.current = u;
      ro = new ResizeObserver(() => u.setSize({ width: el.clientWidth, height }));
      ro.observe(el);
    });
    return () => {
      gone = true;
      ro?.disconnect();
      plot.current?.destroy();
      plot.current = null;
    };
  }, deps);
  return plot;
}
