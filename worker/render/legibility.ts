// Legibility measured on the rendered PNG at 168 px, the width of YouTube's smallest thumbnail:
// - cap height: the first headline line's height as a share of the frame (Spotter's rule of thumb
//   is text a phone viewer can read; we ask for at least 12% of the height, about 11 px at 168);
// - contrast: WCAG 2 contrast ratio between the letters and the pixels just around them (a 2 px
//   ring at 168 px, which is the outline when there is one), at least 4.5 as for body text;
// - the timestamp corner: YouTube draws the duration over the bottom-right 20% × 20%.
// The letters come from a second render of the headline alone (white on black), so the figures
// are of pixels, not of the layout's intentions.
import type { HeadlineTreatment } from "../providers/headline-layer";
import type { Legibility } from "../shared/contract";
import { renderPixels } from "./png";

export const LEGIBILITY_RULES = { previewWidth: 168, minCapShare: 0.12, minContrast: 4.5, corner: 0.2 } as const;

const linear = (c: number) => {
  const v = c / 255;
  return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
};
const luminance = (rgba: Uint8Array, i: number) =>
  0.2126 * linear(rgba[i]!) + 0.7152 * linear(rgba[i + 1]!) + 0.0722 * linear(rgba[i + 2]!);

/** The figures for one design: `full` is the thumbnail, `mask` its headline alone (both SVG, art inlined). */
export async function measureLegibility(full: string, mask: string): Promise<Omit<Legibility, "fixes">> {
  const width = LEGIBILITY_RULES.previewWidth;
  const [image, letters] = await Promise.all([renderPixels(full, { width }), renderPixels(mask, { width })]);
  const { height } = image;
  const ink = (x: number, y: number) => letters.rgba[(y * width + x) * 4]!; // red channel of white-on-black
  let capRows = 0;
  let inRun = false;
  let done = false;
  let textSum = 0;
  let textN = 0;
  let ringSum = 0;
  let ringN = 0;
  let cornerInk = 0;
  for (let y = 0; y < height; y++) {
    let rowHasInk = false;
    for (let x = 0; x < width; x++) {
      const v = ink(x, y);
      if (v > 128) rowHasInk = true;
      if (v > 64 && x >= width * (1 - LEGIBILITY_RULES.corner) && y >= height * (1 - LEGIBILITY_RULES.corner)) cornerInk++;
      if (v > 200) {
        textSum += luminance(image.rgba, (y * width + x) * 4);
        textN++;
      } else if (v < 40 && nearInk(ink, x, y, width, height)) {
        ringSum += luminance(image.rgba, (y * width + x) * 4);
        ringN++;
      }
    }
    if (!done && rowHasInk) (capRows++, (inRun = true));
    else if (inRun) done = true;
  }
  const text = textN ? textSum / textN : 0;
  const around = ringN ? ringSum / ringN : 0;
  const contrast = (Math.max(text, around) + 0.05) / (Math.min(text, around) + 0.05);
  const cap = capRows / height;
  const timestampClear = cornerInk === 0;
  return {
    cap_height_share: Math.round(cap * 1000) / 1000,
    contrast_ratio: Math.round(contrast * 100) / 100,
    timestamp_clear: timestampClear,
    passes: textN > 0 && cap >= LEGIBILITY_RULES.minCapShare && contrast >= LEGIBILITY_RULES.minContrast && timestampClear,
  };
}

function nearInk(ink: (x: number, y: number) => number, x: number, y: number, width: number, height: number): boolean {
  for (let dy = -2; dy <= 2; dy++)
    for (let dx = -2; dx <= 2; dx++) {
      const xx = x + dx;
      const yy = y + dy;
      if (xx >= 0 && yy >= 0 && xx < width && yy < height && ink(xx, yy) > 160) return true;
    }
  return false;
}

/**
 * Tries the plain headline, then adds what the failing figure needs (an outline, a shadow, a panel
 * for contrast; a larger size for cap height) until it passes or nothing is left to add.
 */
export async function legibleTreatment(
  draw: (t: HeadlineTreatment) => Promise<{ full: string; mask: string }>,
): Promise<{ treatment: HeadlineTreatment; legibility: Legibility }> {
  let treatment: HeadlineTreatment = { stroke: false, shadow: false, panel: false, scale: 1 };
  const fixes: Legibility["fixes"] = [];
  for (let attempt = 0; ; attempt++) {
    const { full, mask } = await draw(treatment);
    const figures = await measureLegibility(full, mask);
    if (figures.passes || attempt >= 5) return { treatment, legibility: { ...figures, fixes } };
    const next = { ...treatment };
    if (figures.cap_height_share < LEGIBILITY_RULES.minCapShare && next.scale < 1.4)
      ((next.scale = Math.round(next.scale * 1.2 * 100) / 100), fixes.push("larger"));
    else if (!next.stroke) ((next.stroke = true), fixes.push("outline"));
    else if (!next.shadow) ((next.shadow = true), fixes.push("shadow"));
    else if (!next.panel) ((next.panel = true), fixes.push("panel"));
    else return { treatment, legibility: { ...figures, fixes } };
    treatment = next;
  }
}
