// The headline as its own layer, set by us over any art (the embedded vector art or an image
// model's background), so its spelling, size and place never depend on a model. A treatment
// (stroke, shadow, panel, a larger size) is what the legibility check adds when a plain headline
// does not read at 168 px; `mask` draws the letters alone, white on black, for that check.
import type { HeadlineTreatment } from "../domain/workflow";
import { lineWidthEm, svgText } from "./svg-text";

export const HEADLINE_FONT = `Anton, Impact, 'Arial Narrow Bold', 'Noto Sans', 'Noto Emoji', sans-serif`;
/** Anton's capitals stand about 0.73 em tall; lines sit 1.02 em apart. */
export const CAP = 0.73;
const LEADING = 1.02;

export type { HeadlineTreatment };

export const PLAIN: HeadlineTreatment = { stroke: false, shadow: false, panel: false, scale: 1 };

export interface HeadlineBox {
  x: number;
  y: number;
  width: number;
  height: number;
  maxSize: number;
  anchor: "start" | "middle";
}

export type Layer = "full" | "mask";

/** Every way to put the words on 1–3 lines. */
function lineSplits(text: string): string[][] {
  const words = text.split(/\s+/).filter(Boolean);
  const out: string[][] = [[words.join(" ")]];
  for (let i = 1; i < words.length; i++) {
    out.push([words.slice(0, i).join(" "), words.slice(i).join(" ")]);
    for (let j = i + 1; j < words.length; j++)
      out.push([words.slice(0, i).join(" "), words.slice(i, j).join(" "), words.slice(j).join(" ")]);
  }
  return out;
}

/** The split that gives the biggest type in the box; within 8%, fewer lines read faster. */
export function layoutHeadline(text: string, box: { width: number; height: number; maxSize: number }): { lines: string[]; size: number } {
  let best = { lines: [text], size: 0 };
  for (const lines of lineSplits(text)) {
    const widest = Math.max(...lines.map(lineWidthEm), 0.5);
    const size = Math.floor(Math.min(box.maxSize, box.width / widest, box.height / (CAP + (lines.length - 1) * LEADING)));
    const better =
      size > best.size * 1.08 ||
      (size >= best.size / 1.08 && lines.length < best.lines.length) ||
      (size > best.size && lines.length === best.lines.length);
    if (best.size === 0 || better) best = { lines, size };
  }
  return best;
}

/** A larger size gets room by growing the box down and right, never past the frame. */
function scaled(box: HeadlineBox, scale: number): HeadlineBox {
  if (scale === 1) return box;
  const width = Math.min(1280 - 2 * 24 - box.x + 24, box.width * scale);
  const height = Math.min(720 - 2 * 24 - box.y + 24, box.height * scale);
  return { ...box, width, height, maxSize: box.maxSize * scale };
}

/** The headline as big as the box allows; `colors[i]` fills line i (the last colour repeats). */
export function headlineBlock(
  text: string,
  designed: HeadlineBox,
  colors: string[],
  stroke: string | null,
  treatment: HeadlineTreatment = PLAIN,
  layer: Layer = "full",
): string {
  const box = scaled(designed, treatment.scale);
  const { lines, size } = layoutHeadline(text, box);
  const used = size * (CAP + (lines.length - 1) * LEADING);
  const top = box.y + (box.height - used) / 2 + size * CAP;
  const x = box.anchor === "middle" ? box.x + box.width / 2 : box.x;
  const outlineColor = stroke ?? (treatment.stroke ? "#000000" : null);
  const outline =
    layer === "full" && outlineColor
      ? ` stroke="${outlineColor}" stroke-width="${Math.round(size / (treatment.stroke ? 7 : 9))}" stroke-linejoin="round" paint-order="stroke"`
      : "";
  const shadow = layer === "full" && treatment.shadow ? ` filter="url(#headline-shadow)"` : "";
  const texts = lines
    .map(
      (line, i) =>
        `<text x="${x}" y="${Math.round(top + i * size * LEADING)}" font-family="${HEADLINE_FONT}" font-size="${size}" fill="${layer === "mask" ? "#ffffff" : colors[Math.min(i, colors.length - 1)]}"${outline} text-anchor="${box.anchor}">${svgText(line, 40)}</text>`,
    )
    .join("");
  let under = "";
  if (layer === "full" && treatment.shadow) {
    under += `<defs><filter id="headline-shadow" x="-10%" y="-10%" width="130%" height="140%"><feDropShadow dx="0" dy="${Math.round(size / 18)}" stdDeviation="${Math.round(size / 14)}" flood-color="#000000" flood-opacity="0.85"/></filter></defs>`;
  }
  if (layer === "full" && treatment.panel) {
    const widest = Math.max(...lines.map(lineWidthEm)) * size;
    const left = box.anchor === "middle" ? x - widest / 2 : x;
    const pad = Math.round(size * 0.18);
    under += `<rect x="${Math.round(left - pad)}" y="${Math.round(top - size * CAP - pad)}" width="${Math.round(widest + 2 * pad)}" height="${Math.round(used + 2 * pad)}" rx="${pad}" fill="#0b0b12" fill-opacity="0.82"/>`;
  }
  return `${under}<g${shadow}>${texts}</g>`;
}
