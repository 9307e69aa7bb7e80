// SVG thumbnails: short headlines with a different message per style, topic art, no prompt text,
// and well-formed XML whatever the creator typed (control characters, emoji, other scripts).
import { Resvg } from "@resvg/resvg-wasm";
import { describe, expect, it } from "vitest";
import { MAX_HEADLINE_WORDS } from "../providers/headlines";
import { writeOfflineScripts } from "../providers/offline-scripts";
import { offlineTrendReport } from "../providers/offline-trends";
import { graphemes, truncateGraphemes, xmlSafe } from "../providers/svg-text";
import { renderThumbnailSvg, svgThumbnailDesigner } from "../providers/svg-thumbnails";
import { renderPng } from "../render/png";
import type { ThumbnailStyle } from "../shared/contract";
import { firstRevision } from "./script-input";

const STYLES: ThumbnailStyle[] = ["FACE_FOCUSED", "PRODUCT_DEMO", "VIRAL"];
const now = new Date("2026-11-20T12:00:00Z");

const scriptFor = (topic: string) =>
  writeOfflineScripts(firstRevision(topic, offlineTrendReport({ topic, niche: null, audience: null }, now)));

/** A small well-formedness check: legal characters, quoted attributes, known entities, balanced tags, one root. */
function expectWellFormed(xml: string) {
  expect(xml).not.toMatch(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u);
  const tag = /<(\/)?([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/)?>/y;
  const stack: string[] = [];
  let roots = 0;
  let i = 0;
  while (i < xml.length) {
    const lt = xml.indexOf("<", i);
    const textRun = xml.slice(i, lt < 0 ? xml.length : lt);
    expect(textRun.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, "")).not.toContain("&");
    if (lt < 0) break;
    tag.lastIndex = lt;
    const m = tag.exec(xml);
    expect(m, `bad markup at ${xml.slice(lt, lt + 40)}`).not.toBeNull();
    const [whole, closing, name, attrs, selfClosing] = m!;
    expect(attrs.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, "")).not.toContain("&");
    if (closing) expect(stack.pop()).toBe(name);
    else if (!selfClosing) {
      if (stack.length === 0) roots++;
      stack.push(name!);
    } else if (stack.length === 0) roots++;
    i = lt + whole.length;
  }
  expect(stack).toEqual([]);
  expect(roots).toBe(1);
}

describe("thumbnail designs", () => {
  it.each(["Budget travel Japan", "Weeknight meal prep", "iPhone 17 Pro review", "learn guitar", "productivity for remote workers"])(
    "%s: three short, different headlines and no prompt drawn",
    async (topic) => {
      const [script] = scriptFor(topic);
      const designs = await svgThumbnailDesigner.design({ topic, script: script!, styles: STYLES });
      expect(designs.map((d) => d.style)).toEqual(STYLES);
      expect(new Set(designs.map((d) => d.headline)).size).toBe(3);
      for (const d of designs) {
        expect(d.headline.split(" ").length).toBeLessThanOrEqual(MAX_HEADLINE_WORDS);
        expect(d.headline).toBe(d.headline.toUpperCase());
        const svg = renderThumbnailSvg(d.style, d.headline, topic);
        expectWellFormed(svg);
        expect(svg).not.toContain(d.prompt);
        expect(svg).not.toContain(topic);
        const drawn = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]).join(" ");
        expect(
          drawn
            .replace(/&apos;/g, "'")
            .split(" ")
            .sort(),
        ).toEqual(d.headline.split(" ").sort());
      }
    },
  );

  it("draws art that fits the topic's kind", () => {
    const japan = renderThumbnailSvg("PRODUCT_DEMO", "JAPAN ON A BUDGET", "Budget travel Japan");
    const meal = renderThumbnailSvg("PRODUCT_DEMO", "MEAL PREP", "Weeknight meal prep");
    const phone = renderThumbnailSvg("PRODUCT_DEMO", "WORTH IT?", "iPhone 17 Pro review");
    expect(new Set([japan, meal, phone].map((svg) => svg.replace(/<text[\s\S]*?<\/text>/g, ""))).size).toBe(3);
    expect(phone).toContain('fill="url(#screen)"');
  });

  it("regenerating a variant gives another headline and palette", async () => {
    const [script] = scriptFor("Budget travel Japan");
    const [a] = await svgThumbnailDesigner.design({ topic: "Budget travel Japan", script: script!, styles: ["VIRAL"] });
    const [b] = await svgThumbnailDesigner.design({ topic: "Budget travel Japan", script: script!, styles: ["VIRAL"], variation: 1 });
    expect(b!.variation).toBe(1);
    expect(b!.headline).not.toBe(a!.headline);
    expect(renderThumbnailSvg("VIRAL", b!.headline, "Budget travel Japan", { variation: 1 })).not.toBe(
      renderThumbnailSvg("VIRAL", b!.headline, "Budget travel Japan", { variation: 0 }),
    );
  });
});

describe("hostile text", () => {
  const nasty = "TOKYO\u0000\u0007\u001b <b>&amp; \uD800 \u202E 🇯🇵👨‍👩‍👧 É́ \uFFFE НОЧЬ 東京 \"'";

  it("strips characters XML forbids and cuts only between graphemes", () => {
    const safe = xmlSafe(nasty);
    expect(safe).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\u202E]/);
    expect(safe).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
    const whole = graphemes(safe);
    for (let max = 1; max <= whole.length + 1; max++) {
      const cut = truncateGraphemes(safe, max);
      expect(graphemes(cut).length).toBeLessThanOrEqual(max);
      for (const g of graphemes(cut.replace(/…$/, ""))) expect(whole).toContain(g);
    }
    expect(graphemes(truncateGraphemes("AB🇯🇵👨‍👩‍👧X", 4))).toEqual(["A", "B", "🇯🇵", "…"]);
    expect(graphemes(truncateGraphemes("AB🇯🇵👨‍👩‍👧X", 5))).toEqual(["A", "B", "🇯🇵", "👨‍👩‍👧", "X"]);
  });

  it("keeps every style well-formed XML that resvg parses, with the family emoji intact", async () => {
    for (const style of STYLES) {
      const svg = renderThumbnailSvg(style, nasty, `${nasty} topic`);
      expectWellFormed(svg);
      expect(svg).toContain("👨‍👩‍👧");
      const png = await renderPng(svg); // resvg's XML parser rejects malformed input
      expect(png.length).toBeGreaterThan(1000);
    }
    expect(() => new Resvg("<svg><text>&bogus;</svg>")).toThrow();
  });
});
