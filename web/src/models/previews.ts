// Every thumbnail the app shows is the server's PNG at the size it is shown at (168, 246 or 360 px
// as YouTube shows them, 1280 when opened), never the SVG drawn with the browser's fonts. The API's
// URLs already carry ?v=<version>, so the width joins with "&" (a second "?" was ignored).
export const PREVIEW_WIDTHS = [168, 246, 360] as const;
export type PreviewWidth = (typeof PREVIEW_WIDTHS)[number];

/** The PNG at `width` (1280 = the full image); an external image (Pollinations) is shown as it is. */
export function previewSrc(pngUrl: string, width: PreviewWidth | 1280): string {
  if (!pngUrl.startsWith("/api/")) return pngUrl;
  const url = pngUrl.replace(/\.svg(?=\?|$)/, ".png");
  return width === 1280 ? url : `${url}${url.includes("?") ? "&" : "?"}width=${width}`;
}

/** The smallest preview at least `shownPx` CSS pixels wide at the screen's density. */
export function previewFor(shownPx: number, density = 1): PreviewWidth | 1280 {
  return PREVIEW_WIDTHS.find((w) => w >= shownPx * density) ?? 1280;
}

/** The card's "reads at phone size" line, from the figures measured on the 168 px render. */
export function legibilityLine(l: {
  cap_height_share: number;
  contrast_ratio: number;
  timestamp_clear: boolean;
  passes: boolean;
  fixes: string[];
}): string {
  const figures = `text ${Math.round(l.cap_height_share * 100)}% of the height, contrast ${l.contrast_ratio.toFixed(1)}:1, ${l.timestamp_clear ? "clear of the timestamp" : "under the timestamp"}`;
  const fixed = l.fixes.length ? ` (added: ${l.fixes.join(", ")})` : "";
  return l.passes ? `Reads at phone size: ${figures}${fixed}.` : `May not read at phone size: ${figures}.`;
}
