// The embedded thumbnail renderer: real 1280x720 SVG images in three styles, drawn from the
// approved script, so thumbnails display offline with nothing but the Worker.
import type { Script, ThumbnailStyle } from "../shared/contract";
import type { ThumbnailDesign, ThumbnailDesigner } from "./types";

const STOP = new Set([
  "the",
  "a",
  "an",
  "and",
  "or",
  "of",
  "to",
  "for",
  "in",
  "on",
  "with",
  "that",
  "it",
  "is",
  "you",
  "your",
  "here's",
  "what",
  "which",
]);

/** A punchy 2–5 word headline from the script title. */
export function headlineFor(script: Script, style: ThumbnailStyle): string {
  const words = script.title
    .replace(/[:"—–-]/g, " ")
    .split(/\s+/)
    .filter(Boolean);
  const strong = words.filter((w) => !STOP.has(w.toLowerCase()));
  const core = strong.slice(0, style === "VIRAL" ? 3 : 4).join(" ");
  return style === "VIRAL" ? `${core}?!`.toUpperCase() : core.toUpperCase();
}

const PROMPTS: Record<ThumbnailStyle, (topic: string, headline: string) => string> = {
  FACE_FOCUSED: (t, h) =>
    `YouTube thumbnail, close-up of an expressive surprised creator face on the left third, warm rim light, bold white headline "${h}" on the right, topic: ${t}, high contrast, 1280x720`,
  PRODUCT_DEMO: (t, h) =>
    `YouTube thumbnail, clean studio shot demonstrating ${t} on a bright device screen, numbered step badges, crisp headline "${h}", light background, 1280x720`,
  VIRAL: (t, h) =>
    `YouTube thumbnail, saturated red and yellow, huge outlined text "${h}", red arrow and circle highlighting the key detail of ${t}, shocked emoji, maximum contrast, 1280x720`,
};

export const svgThumbnailDesigner: ThumbnailDesigner = {
  name: "svg",
  design: async ({ topic, script, styles }) =>
    styles.map((style): ThumbnailDesign => {
      const headline = headlineFor(script, style);
      return { style, headline, prompt: PROMPTS[style](topic, headline) };
    }),
};

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (ch) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[ch]!);
}

function wrap(text: string, maxChars: number, maxLines: number): string[] {
  const lines: string[] = [];
  for (const word of text.split(/\s+/)) {
    const last = lines.at(-1);
    if (last !== undefined && (last + " " + word).length <= maxChars) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines.slice(0, maxLines);
}

/** Shrinks the type so the longest line fits maxWidth; heavy capitals run up to about 0.72 em per glyph. */
function textBlock(
  lines: string[],
  x: number,
  y: number,
  maxSize: number,
  maxWidth: number,
  fill: string,
  stroke: string,
  anchor = "start",
): string {
  const longest = Math.max(...lines.map((l) => l.length), 1);
  const size = Math.max(36, Math.min(maxSize, Math.floor(maxWidth / (longest * 0.72))));
  return lines
    .map(
      (line, i) =>
        `<text x="${x}" y="${y + i * size * 1.05}" font-family="Impact, 'Arial Black', 'Helvetica Neue', Arial, sans-serif" font-weight="900" font-size="${size}" fill="${fill}" stroke="${stroke}" stroke-width="${Math.round(size / 12)}" paint-order="stroke" text-anchor="${anchor}">${escapeXml(line)}</text>`,
    )
    .join("");
}

function face(cx: number, cy: number): string {
  return `<g>
<circle cx="${cx}" cy="${cy}" r="210" fill="#f6c89f" stroke="#3b2414" stroke-width="8"/>
<path d="M${cx - 200} ${cy - 60} Q${cx} ${cy - 330} ${cx + 200} ${cy - 60} Q${cx + 120} ${cy - 190} ${cx} ${cy - 170} Q${cx - 120} ${cy - 190} ${cx - 200} ${cy - 60}Z" fill="#3b2414"/>
<ellipse cx="${cx - 75}" cy="${cy - 20}" rx="38" ry="48" fill="#fff"/><ellipse cx="${cx + 75}" cy="${cy - 20}" rx="38" ry="48" fill="#fff"/>
<circle cx="${cx - 70}" cy="${cy - 12}" r="20" fill="#1d1d1d"/><circle cx="${cx + 80}" cy="${cy - 12}" r="20" fill="#1d1d1d"/>
<path d="M${cx - 120} ${cy - 95} L${cx - 35} ${cy - 80}" stroke="#3b2414" stroke-width="14" stroke-linecap="round"/>
<path d="M${cx + 120} ${cy - 95} L${cx + 35} ${cy - 80}" stroke="#3b2414" stroke-width="14" stroke-linecap="round"/>
<ellipse cx="${cx}" cy="${cy + 95}" rx="52" ry="62" fill="#7a1f1f"/>
</g>`;
}

export function renderThumbnailSvg(style: ThumbnailStyle, headline: string, topic: string): string {
  const W = 1280;
  const H = 720;
  let art: string;
  if (style === "FACE_FOCUSED") {
    art = `<defs><radialGradient id="bg" cx="30%" cy="50%" r="80%"><stop offset="0" stop-color="#ff9f43"/><stop offset="1" stop-color="#6c2bd9"/></radialGradient></defs>
<rect width="${W}" height="${H}" fill="url(#bg)"/>${face(330, 400)}
${textBlock(wrap(headline, 11, 3), 640, 250, 118, 600, "#ffffff", "#1b1b1b")}
<rect x="640" y="560" width="${Math.min(560, 30 + topic.length * 22)}" height="70" rx="12" fill="#ffd32a"/>
<text x="660" y="608" font-family="Arial, sans-serif" font-weight="700" font-size="36" fill="#1b1b1b">${escapeXml(topic.slice(0, 24))}</text>`;
  } else if (style === "PRODUCT_DEMO") {
    art = `<rect width="${W}" height="${H}" fill="#eef3f8"/>
<rect x="70" y="120" width="560" height="420" rx="28" fill="#1f2937"/><rect x="95" y="145" width="510" height="340" rx="10" fill="#38bdf8"/>
<rect x="125" y="180" width="300" height="26" rx="6" fill="#e0f2fe"/><rect x="125" y="225" width="420" height="18" rx="6" fill="#bae6fd"/>
<rect x="125" y="260" width="380" height="18" rx="6" fill="#bae6fd"/><rect x="125" y="320" width="200" height="120" rx="12" fill="#0ea5e9"/>
<rect x="345" y="320" width="200" height="120" rx="12" fill="#0284c7"/><rect x="290" y="540" width="120" height="40" fill="#1f2937"/><rect x="220" y="580" width="260" height="22" rx="8" fill="#1f2937"/>
${[1, 2, 3].map((n, i) => `<circle cx="${700 + i * 150}" cy="560" r="48" fill="#10b981"/><text x="${700 + i * 150}" y="578" text-anchor="middle" font-family="Arial, sans-serif" font-weight="800" font-size="50" fill="#fff">${n}</text>`).join("")}
${textBlock(wrap(headline, 11, 3), 680, 190, 92, 570, "#0f172a", "#ffffff")}`;
  } else {
    art = `<defs><linearGradient id="bg" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#ff1e1e"/><stop offset="1" stop-color="#ffb700"/></linearGradient></defs>
<rect width="${W}" height="${H}" fill="url(#bg)"/>
${Array.from({ length: 12 }, (_, i) => `<path d="M640 360 L${640 + 1400 * Math.cos((i * Math.PI) / 6)} ${360 + 1400 * Math.sin((i * Math.PI) / 6)} L${640 + 1400 * Math.cos((i * Math.PI) / 6 + 0.2)} ${360 + 1400 * Math.sin((i * Math.PI) / 6 + 0.2)}Z" fill="#ffffff" opacity="0.12"/>`).join("")}
${textBlock(wrap(headline, 12, 3), 640, 230, 140, 1180, "#ffee00", "#000000", "middle")}
<circle cx="1080" cy="560" r="110" fill="none" stroke="#ffffff" stroke-width="16"/>
<path d="M820 650 L990 585" stroke="#ffffff" stroke-width="26" stroke-linecap="round"/><path d="M960 555 L1010 580 L975 625Z" fill="#ffffff"/>
<circle cx="170" cy="570" r="95" fill="#ffd32a" stroke="#000" stroke-width="8"/><circle cx="140" cy="545" r="14"/><circle cx="200" cy="545" r="14"/><ellipse cx="170" cy="610" rx="26" ry="32"/>`;
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" role="img" aria-label="${escapeXml(`${style} thumbnail: ${headline}`)}">${art}</svg>`;
}
