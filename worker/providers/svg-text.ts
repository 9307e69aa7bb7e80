// Text that goes into SVG: stripped of what XML 1.0 forbids, cut on grapheme boundaries (never
// half an emoji or a bare combining accent), escaped, and measured for the headline face.

// XML 1.0 Char: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF].
// With the u flag a lone surrogate is one code point in D800–DFFF, so it is removed too.
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
// Invisible and bidi-control characters that have no place in a headline.
const INVISIBLE = /[\u00AD\u200B\u2060\uFEFF\u202A-\u202E\u2066-\u2069]/g;

const segmenter = new Intl.Segmenter("en", { granularity: "grapheme" });

export function graphemes(text: string): string[] {
  return Array.from(segmenter.segment(text), (s) => s.segment);
}

/** Only characters XML allows, single-spaced, on one line. */
export function xmlSafe(text: string): string {
  return text.replace(NOT_XML_CHAR, "").replace(INVISIBLE, "").replace(/\s+/g, " ").trim();
}

/** At most `max` graphemes; a cut text ends with an ellipsis and never splits a grapheme. */
export function truncateGraphemes(text: string, max: number): string {
  const parts = graphemes(text);
  if (parts.length <= max) return text;
  if (max <= 1) return parts.slice(0, Math.max(0, max)).join("");
  return `${parts
    .slice(0, max - 1)
    .join("")
    .trimEnd()}…`;
}

export function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (ch) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[ch]!);
}

/** Safe, cut and escaped: ready to sit between SVG tags or in an attribute. */
export function svgText(text: string, maxGraphemes: number): string {
  return escapeXml(truncateGraphemes(xmlSafe(text), maxGraphemes));
}

// Advance widths of the headline face (Anton) in em, read from its hmtx table.
const ANTON: Record<string, number> = {
  A: 0.485,
  B: 0.479,
  C: 0.474,
  D: 0.493,
  E: 0.412,
  F: 0.399,
  G: 0.485,
  H: 0.499,
  I: 0.227,
  J: 0.466,
  K: 0.472,
  L: 0.397,
  M: 0.746,
  N: 0.498,
  O: 0.486,
  P: 0.472,
  Q: 0.494,
  R: 0.477,
  S: 0.461,
  T: 0.396,
  U: 0.474,
  V: 0.469,
  W: 0.712,
  X: 0.484,
  Y: 0.446,
  Z: 0.41,
  "1": 0.331,
  " ": 0.234,
  "?": 0.492,
  "!": 0.229,
  "'": 0.214,
  "’": 0.232,
  ":": 0.242,
  "&": 0.52,
  "-": 0.311,
  ".": 0.229,
  ",": 0.236,
  $: 0.462,
  "%": 1.057,
  "/": 0.405,
};

/** Estimated width of a line in em: Anton for Latin, wider fallbacks for other scripts and emoji. */
export function lineWidthEm(line: string): number {
  let width = 0;
  for (const g of graphemes(line)) {
    if (ANTON[g] !== undefined) width += ANTON[g]!;
    else if (/^[0-9]$/.test(g)) width += 0.494;
    else if (/\p{Extended_Pictographic}/u.test(g)) width += 1.15;
    else if (/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u.test(g)) width += 1.0;
    else if (/\p{Script=Latin}/u.test(g)) width += 0.48;
    else width += 0.72; // Cyrillic, Greek and the rest come from Noto Sans Black, which runs wider.
  }
  return width;
}

/** Scripts the bundled PNG fonts draw: Latin, Greek, Cyrillic, digits, punctuation and emoji. */
export function drawableInPng(text: string): boolean {
  return graphemes(text).every((g) =>
    /^[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{Script=Common}\p{Script=Inherited}\p{Extended_Pictographic}\u200D\uFE0F]+$/u.test(
      g,
    ),
  );
}
