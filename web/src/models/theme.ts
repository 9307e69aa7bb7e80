// Light and dark palettes for the chart, which draws on a canvas and so cannot read CSS
// variables by itself. The colours are Okabe–Ito (distinguishable with colour blindness) and
// each keeps at least 3:1 against its theme's chart background (theme.test.ts checks it).
import { computed, createModel, signal } from "@preact/signals";
import type { ThumbnailStyle } from "../api/types";

export interface Palette {
  background: string;
  axis: string;
  grid: string;
  series: Record<ThumbnailStyle, string>;
}

export const PALETTES: Record<"light" | "dark", Palette> = {
  light: {
    background: "#ffffff",
    axis: "#4a525c",
    grid: "#e6e6e6",
    series: { FACE_FOCUSED: "#0072B2", PRODUCT_DEMO: "#D55E00", VIRAL: "#009E73" },
  },
  dark: {
    background: "#1c2128",
    axis: "#b8c0ca",
    grid: "#30363d",
    series: { FACE_FOCUSED: "#56B4E9", PRODUCT_DEMO: "#E69F00", VIRAL: "#2EC4A0" },
  },
};

const channel = (c: number) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
export function luminance(hex: string) {
  const n = parseInt(hex.slice(1), 16);
  const [r, g, b] = [n >> 16, (n >> 8) & 255, n & 255].map((v) => channel(v / 255));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
/** WCAG contrast ratio between two #rrggbb colours. */
export function contrast(a: string, b: string) {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** Follows prefers-color-scheme while the page is open. */
export const ThemeModel = createModel(() => {
  const query = typeof matchMedia === "function" ? matchMedia("(prefers-color-scheme: dark)") : null;
  const dark = signal(!!query?.matches);
  query?.addEventListener("change", (e) => (dark.value = e.matches));
  return { dark, palette: computed(() => PALETTES[dark.value ? "dark" : "light"]) };
});
