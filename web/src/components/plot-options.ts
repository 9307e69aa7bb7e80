// The options every chart shares, built in one place: size, no legend or cursor, and the axis
// style from the theme. Each chart adds its scales, axes' steps and labels, and series.
import type uPlot from "uplot";
import type { Palette } from "../models/theme";

export function baseOptions(el: HTMLElement, height: number, p: Palette) {
  const axis: uPlot.Axis = { stroke: p.axis, grid: { stroke: p.grid, width: 1 }, ticks: { stroke: p.grid, width: 1 } };
  return { width: el.clientWidth || 320, height, legend: { show: false }, cursor: { show: false }, axis };
}
