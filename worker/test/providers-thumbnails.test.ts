// The Pollinations provider: the prior prototype's image URLs, one per style, stable per input.
import { describe, expect, it } from "vitest";
import { createPollinationsThumbnailDesigner } from "../providers/pollinations-thumbnails";
import type { Script } from "../shared/contract";

const script: Script = {
  id: "s1",
  title: "Home espresso for beginners: the honest guide",
  angle: "a",
  hook: "h",
  body: "b",
  outline: ["o"],
  call_to_action: "c",
  estimated_duration_seconds: 90,
};
const STYLES = ["FACE_FOCUSED", "PRODUCT_DEMO", "VIRAL"] as const;

describe("Pollinations thumbnails", () => {
  it("returns one 1280x720 image URL per style, with the prompt in the path", async () => {
    const designs = await createPollinationsThumbnailDesigner().design({ topic: "home espresso", script, styles: STYLES });
    expect(designs.map((d) => d.style)).toEqual([...STYLES]);
    for (const d of designs) {
      const url = new URL(d.external_url!);
      expect(url.origin + url.pathname.slice(0, 8)).toBe("https://image.pollinations.ai/prompt/");
      expect(decodeURIComponent(url.pathname.slice("/prompt/".length))).toBe(d.prompt);
      expect(url.searchParams.get("width")).toBe("1280");
      expect(url.searchParams.get("height")).toBe("720");
      expect(Number(url.searchParams.get("seed"))).toBeGreaterThanOrEqual(0);
      expect(d.prompt).toContain("home espresso");
      expect(d.prompt).toContain(d.headline);
    }
    expect(new Set(designs.map((d) => d.external_url)).size).toBe(3);
  });

  it("gives the same URLs for the same script and different ones for another", async () => {
    const designer = createPollinationsThumbnailDesigner();
    const a = await designer.design({ topic: "home espresso", script, styles: STYLES });
    const b = await designer.design({ topic: "home espresso", script, styles: STYLES });
    const c = await designer.design({ topic: "home espresso", script: { ...script, id: "s2" }, styles: STYLES });
    expect(b).toEqual(a);
    expect(c[0]!.external_url).not.toBe(a[0]!.external_url);
  });
});
