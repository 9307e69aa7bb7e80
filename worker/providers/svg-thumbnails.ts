// The embedded thumbnail renderer: 1280×720 SVGs in three styles with a different message each,
// big type that reads at YouTube's 168 px, and art that fits the topic. worker/render/png.ts
// turns them into PNGs with the same fonts the font-family lists name first.
import { hashString } from "../domain/seed";
import type { Script, ThumbnailStyle } from "../shared/contract";
import { pickHeadline } from "./headlines";
import { drawableInPng, graphemes, lineWidthEm, svgText, truncateGraphemes, xmlSafe } from "./svg-text";
import { MOTIF_DEFS, motif, presenter } from "./thumbnail-art";
import { topicProfile } from "./topic-kind";
import type { ThumbnailDesign, ThumbnailDesigner } from "./types";

const W = 1280;
const H = 720;
const HEADLINE_FONT = `Anton, Impact, 'Arial Narrow Bold', 'Noto Sans', 'Noto Emoji', sans-serif`;
/** Anton's capitals stand about 0.73 em tall; lines sit 1.02 em apart. */
const CAP = 0.73;
const LEADING = 1.02;

export interface ThumbnailArtOptions {
  /** Helps tell the topic's kind when the topic alone doesn't ("Kyoto" with niche "food"). */
  niche?: string | null;
  /** The design's variation: another palette and face, to match a regenerated headline. */
  variation?: number;
}

/** The headline for a style, from the script and topic (kept for the Pollinations provider). */
export function headlineFor(script: Script, style: ThumbnailStyle, topic = script.title, variation = 0): string {
  return pickHeadline(script, topicProfile(topic), style, variation);
}

const PROMPTS: Record<ThumbnailStyle, (topic: string, headline: string) => string> = {
  FACE_FOCUSED: (t, h) =>
    `YouTube thumbnail about ${t}: an expressive creator's face on the right, reacting, bold white headline "${h}" on the left, strong contrast, 1280x720`,
  PRODUCT_DEMO: (t, h) =>
    `YouTube thumbnail about ${t}: the subject shown large and clean on the left, dark headline "${h}" on a light background, 1280x720`,
  VIRAL: (t, h) =>
    `YouTube thumbnail about ${t}: saturated red and yellow, huge outlined headline "${h}", a circle and arrow on the key detail, 1280x720`,
};

export const svgThumbnailDesigner: ThumbnailDesigner = {
  name: "svg",
  design: async ({ topic, script, styles, niche, variation = 0 }) => {
    const profile = topicProfile(topic, niche ?? null);
    return styles.map((style): ThumbnailDesign => {
      const headline = pickHeadline(script, profile, style, variation);
      return { style, headline, variation, prompt: PROMPTS[style](profile.topic, headline) };
    });
  },
};

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

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
  maxSize: number;
  anchor: "start" | "middle";
}

/** The headline as big as the box allows; `colors[i]` fills line i (the last colour repeats). */
function headlineBlock(text: string, box: Box, colors: string[], stroke: string | null): string {
  const { lines, size } = layoutHeadline(text, box);
  const used = size * (CAP + (lines.length - 1) * LEADING);
  const top = box.y + (box.height - used) / 2 + size * CAP;
  const x = box.anchor === "middle" ? box.x + box.width / 2 : box.x;
  const outline = stroke ? ` stroke="${stroke}" stroke-width="${Math.round(size / 9)}" stroke-linejoin="round" paint-order="stroke"` : "";
  return lines
    .map(
      (line, i) =>
        `<text x="${x}" y="${Math.round(top + i * size * LEADING)}" font-family="${HEADLINE_FONT}" font-size="${size}" fill="${colors[Math.min(i, colors.length - 1)]}"${outline} text-anchor="${box.anchor}">${svgText(line, 40)}</text>`,
    )
    .join("");
}

const FACE_BG = [
  ["#3a0ca3", "#7209b7"],
  ["#0b3d91", "#1e6fd9"],
  ["#1b4332", "#2d6a4f"],
];
const DEMO_BG = ["#fdf0d5", "#e0fbfc", "#f1faee"];
const DEMO_ACCENT = ["#f77f00", "#0077b6", "#2a9d8f"];
const VIRAL_BG = [
  ["#d00000", "#ffba08"],
  ["#9d0208", "#f48c06"],
  ["#6a040f", "#e85d04"],
];

const FALLBACK_HEADLINE: Record<ThumbnailStyle, string> = {
  FACE_FOCUSED: "WORTH IT?",
  PRODUCT_DEMO: "STEP BY STEP",
  VIRAL: "WATCH THIS FIRST",
};

/**
 * The headline as drawn: XML-safe, capitals, at most 32 graphemes, and only scripts the bundled
 * PNG fonts have, so the SVG preview and the PNG sent to YouTube show the same words (a Japanese
 * headline would otherwise be boxes in the PNG). Nothing drawable left: the style's stock line.
 */
export function drawableHeadline(headline: string, style: ThumbnailStyle): string {
  const kept = graphemes(xmlSafe(headline).toUpperCase()).filter(drawableInPng).join("").replace(/\s+/g, " ").trim();
  return /[\p{L}\p{N}]/u.test(kept) ? truncateGraphemes(kept, 32) : FALLBACK_HEADLINE[style];
}

function pick<T>(list: readonly T[], variation: number): T {
  return list[Math.abs(Math.floor(variation)) % list.length]!;
}

/**
 * The 1280×720 SVG. `headline` may be any stored text: it is stripped to XML-safe characters,
 * cut on grapheme boundaries and never drawn beside a prompt or caption.
 */
export function renderThumbnailSvg(style: ThumbnailStyle, headline: string, topic: string, options: ThumbnailArtOptions = {}): string {
  const profile = topicProfile(xmlSafe(topic), options.niche ?? null);
  // Palettes and faces differ between topics too, not only between regenerations.
  const tone = hashString(profile.topic.toLowerCase()) % 997;
  const variation = (options.variation ?? 0) + tone;
  const text = drawableHeadline(headline, style);
  const art = motif(profile);
  let body: string;
  if (style === "FACE_FOCUSED") {
    const [from, to] = pick(FACE_BG, variation);
    const shocked = /[?!…]|\b(WRONG|MISTAKES?|DON'T|NOBODY|WASN'T|DIDN'T|STOP|HOW MUCH)\b/.test(text);
    body = `<defs><radialGradient id="bg" cx="75%" cy="45%" r="85%"><stop offset="0" stop-color="${to}"/><stop offset="1" stop-color="${from}"/></radialGradient>${MOTIF_DEFS}</defs>
<rect width="${W}" height="${H}" fill="url(#bg)"/>
<g transform="translate(770 90)">${presenter(variation, shocked, "#ffb703")}</g>
<g transform="translate(630 440)"><circle cx="130" cy="130" r="140" fill="#ffffff" stroke="#14121f" stroke-width="10"/><g transform="translate(25 25) scale(0.52)">${art}</g></g>
${headlineBlock(text, { x: 50, y: 50, width: 560, height: 620, maxSize: 230, anchor: "start" }, ["#ffffff", "#ffd60a"], "#14121f")}`;
  } else if (style === "PRODUCT_DEMO") {
    const accent = pick(DEMO_ACCENT, variation);
    body = `<defs>${MOTIF_DEFS}</defs><rect width="${W}" height="${H}" fill="${pick(DEMO_BG, variation)}"/>
<circle cx="330" cy="380" r="300" fill="${accent}" opacity="0.9"/>
<g transform="translate(80 110) scale(1.25)">${art}</g>
<rect x="660" y="600" width="560" height="22" rx="11" fill="${accent}"/>
${headlineBlock(text, { x: 660, y: 70, width: 570, height: 500, maxSize: 210, anchor: "start" }, ["#14121f"], null)}`;
  } else {
    const [from, to] = pick(VIRAL_BG, variation);
    const rays = Array.from({ length: 16 }, (_, i) => {
      const a = (i * Math.PI) / 8;
      const b = a + 0.16;
      return `<path d="M980 520 L${Math.round(980 + 1600 * Math.cos(a))} ${Math.round(520 + 1600 * Math.sin(a))} L${Math.round(980 + 1600 * Math.cos(b))} ${Math.round(520 + 1600 * Math.sin(b))}Z" fill="#ffffff" opacity="0.13"/>`;
    }).join("");
    body = `<defs><linearGradient id="bg" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${from}"/><stop offset="1" stop-color="${to}"/></linearGradient>${MOTIF_DEFS}</defs>
<rect width="${W}" height="${H}" fill="url(#bg)"/>${rays}
<g transform="translate(800 330) scale(0.9)">${art}</g>
<circle cx="980" cy="510" r="215" fill="none" stroke="#ffffff" stroke-width="18"/>
<path d="M560 640 L740 560" stroke="#ffffff" stroke-width="30" stroke-linecap="round"/><path d="M700 520 L770 548 L728 612Z" fill="#ffffff" stroke="#ffffff" stroke-width="12" stroke-linejoin="round"/>
${headlineBlock(text, { x: 40, y: 30, width: 720, height: 480, maxSize: 240, anchor: "start" }, ["#ffffff", "#ffee32"], "#000000")}`;
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" role="img" aria-label="${svgText(text, 40)}">${body}</svg>`;
}
