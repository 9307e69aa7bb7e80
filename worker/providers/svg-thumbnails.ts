// The embedded thumbnail renderer: 1280×720 SVGs in three styles with a different message each,
// big type that reads at YouTube's 168 px, and art that fits the topic. worker/render/png.ts
// turns them into PNGs with the same fonts the font-family lists name first.
import { hashString } from "../domain/seed";
import type { Script, ThumbnailStyle } from "../shared/contract";
import { pickHeadline } from "./headlines";
import { type HeadlineBox, type HeadlineTreatment, type Layer, PLAIN, headlineBlock } from "./headline-layer";
import { drawableInPng, graphemes, svgText, truncateGraphemes, xmlSafe } from "./svg-text";
import { MOTIF_DEFS, motif, presenter } from "./thumbnail-art";
import { topicProfile } from "./topic-kind";
import type { ThumbnailDesign, ThumbnailDesigner } from "./types";

const W = 1280;
const H = 720;

export interface ThumbnailArtOptions {
  /** Helps tell the topic's kind when the topic alone doesn't ("Kyoto" with niche "food"). */
  niche?: string | null;
  /** The design's variation: another palette and face, to match a regenerated headline. */
  variation?: number;
  /** SHA-256 of an image model's background (R2 art/<hash>.jpg); it replaces the vector art. */
  art?: string | null;
  /** What the legibility check added to the headline. */
  treatment?: HeadlineTreatment;
  /** "mask": the headline's letters alone, white on black (for measuring). */
  layer?: Layer;
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

/** Where each style sets its headline, with its colours and outline; the art keeps clear of it. */
const HEADLINE: Record<ThumbnailStyle, { box: HeadlineBox; colors: string[]; stroke: string | null }> = {
  FACE_FOCUSED: {
    box: { x: 50, y: 50, width: 560, height: 620, maxSize: 230, anchor: "start" },
    colors: ["#ffffff", "#ffd60a"],
    stroke: "#14121f",
  },
  PRODUCT_DEMO: { box: { x: 660, y: 70, width: 570, height: 500, maxSize: 210, anchor: "start" }, colors: ["#14121f"], stroke: null },
  VIRAL: {
    box: { x: 40, y: 30, width: 720, height: 480, maxSize: 240, anchor: "start" },
    colors: ["#ffffff", "#ffee32"],
    stroke: "#000000",
  },
};
/** Over a photo the headline is always light with a dark outline; the treatment adds the rest. */
const OVER_ART = { colors: ["#ffffff", "#ffd60a"], stroke: "#000000" };

/** An image model's background is referenced as art:<sha-256> and inlined from R2 when drawn. */
export const ART_HREF_PREFIX = "art:";

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
  const { treatment = PLAIN, layer = "full" } = options;
  const spec = HEADLINE[style];
  const words = (colors: string[], stroke: string | null) => headlineBlock(text, spec.box, colors, stroke, treatment, layer);
  const art = motif(profile);
  let body: string;
  if (layer === "mask") {
    body = `<rect width="${W}" height="${H}" fill="#000000"/>${words(["#ffffff"], null)}`;
  } else if (options.art) {
    // The model drew the background and subject; a scrim on the headline's side, then our words.
    const side = spec.box.x > W / 3 ? { x1: "1", x2: "0.35" } : { x1: "0", x2: "0.65" };
    body = `<defs><linearGradient id="scrim" x1="${side.x1}" y1="0" x2="${side.x2}" y2="0"><stop offset="0" stop-color="#000000" stop-opacity="0.6"/><stop offset="1" stop-color="#000000" stop-opacity="0"/></linearGradient></defs>
<image href="${ART_HREF_PREFIX}${options.art}" x="0" y="0" width="${W}" height="${H}" preserveAspectRatio="xMidYMid slice"/>
<rect width="${W}" height="${H}" fill="url(#scrim)"/>
${words(OVER_ART.colors, OVER_ART.stroke)}`;
  } else if (style === "FACE_FOCUSED") {
    const [from, to] = pick(FACE_BG, variation);
    const shocked = /[?!…]|\b(WRONG|MISTAKES?|DON'T|NOBODY|WASN'T|DIDN'T|STOP|HOW MUCH)\b/.test(text);
    body = `<defs><radialGradient id="bg" cx="75%" cy="45%" r="85%"><stop offset="0" stop-color="${to}"/><stop offset="1" stop-color="${from}"/></radialGradient>${MOTIF_DEFS}</defs>
<rect width="${W}" height="${H}" fill="url(#bg)"/>
<g transform="translate(770 90)">${presenter(variation, shocked, "#ffb703")}</g>
<g transform="translate(630 440)"><circle cx="130" cy="130" r="140" fill="#ffffff" stroke="#14121f" stroke-width="10"/><g transform="translate(25 25) scale(0.52)">${art}</g></g>
${words(spec.colors, spec.stroke)}`;
  } else if (style === "PRODUCT_DEMO") {
    const accent = pick(DEMO_ACCENT, variation);
    body = `<defs>${MOTIF_DEFS}</defs><rect width="${W}" height="${H}" fill="${pick(DEMO_BG, variation)}"/>
<circle cx="330" cy="380" r="300" fill="${accent}" opacity="0.9"/>
<g transform="translate(80 110) scale(1.25)">${art}</g>
<rect x="660" y="600" width="560" height="22" rx="11" fill="${accent}"/>
${words(spec.colors, spec.stroke)}`;
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
${words(spec.colors, spec.stroke)}`;
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" role="img" aria-label="${svgText(text, 40)}">${body}</svg>`;
}
