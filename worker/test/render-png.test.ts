// PNG rendering in workerd: resvg-wasm with the bundled fonts gives 1280×720 PNGs YouTube accepts.
import { describe, expect, it } from "vitest";
import { renderThumbnailSvg } from "../providers/svg-thumbnails";
import { renderPng, renderPixels } from "../render/png";
import type { ThumbnailStyle } from "../shared/contract";

const PNG_SIGNATURE = [137, 80, 78, 71, 13, 10, 26, 10];
const STYLES: ThumbnailStyle[] = ["FACE_FOCUSED", "PRODUCT_DEMO", "VIRAL"];

function header(png: Uint8Array) {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return {
    signature: [...png.slice(0, 8)],
    chunk: new TextDecoder().decode(png.slice(12, 16)),
    width: view.getUint32(16),
    height: view.getUint32(20),
  };
}

describe("renderPng", () => {
  it.each(STYLES)("renders a %s thumbnail as a 1280×720 PNG", async (style) => {
    const png = await renderPng(renderThumbnailSvg(style, "JAPAN ON A BUDGET", "Budget travel Japan"));
    expect(header(png)).toEqual({ signature: PNG_SIGNATURE, chunk: "IHDR", width: 1280, height: 720 });
  });

  it.each([
    ["emoji", "RAMEN 🍜 NIGHT", "Tokyo 🍜 ramen crawl"],
    ["Cyrillic and Greek", "ПРИВЕТ ΑΘΗΝΑ", "Путешествие в Афины"],
    ["Japanese, which the bundled fonts lack, so it falls back to words they have", "東京 旅行", "東京旅行"],
  ])("renders a topic with %s", async (_label, headline, topic) => {
    for (const style of STYLES) {
      const svg = renderThumbnailSvg(style, headline, topic);
      expect(svg).not.toMatch(/\p{Script=Han}/u);
      const png = await renderPng(svg);
      expect(header(png)).toMatchObject({ signature: PNG_SIGNATURE, width: 1280, height: 720 });
    }
  });

  it("draws the headline with the bundled fonts (text pixels appear where the headline is)", async () => {
    const blank = `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100"><rect width="200" height="100" fill="#fff"/>`;
    const withText = `${blank}<text x="10" y="80" font-family="Anton" font-size="80" fill="#000">HI 😀</text></svg>`;
    const dark = (rgba: Uint8Array) => rgba.filter((_, i) => i % 4 === 0 && rgba[i]! < 128).length;
    expect(dark((await renderPixels(`${blank}</svg>`)).rgba)).toBe(0);
    expect(dark((await renderPixels(withText, { width: 200 })).rgba)).toBeGreaterThan(500);
  });

  it("renders YouTube's preview sizes (168×94, 246×138, 360×202) from the same SVG", async () => {
    const svg = renderThumbnailSvg("VIRAL", "DON'T OVERPAY", "Budget travel Japan");
    for (const width of [168, 246, 360]) {
      const { width: w, height: h } = header(await renderPng(svg, { width }));
      expect(w).toBe(width);
      expect(Math.abs(h - (width * 9) / 16)).toBeLessThanOrEqual(1);
    }
    await expect(renderPng(svg, { width: 5 })).rejects.toThrow(RangeError);
  });
});
