import { describe, expect, it } from "vitest";
import { legibilityLine, previewFor, previewSrc } from "./previews";

describe("preview URLs", () => {
  it("joins the width with & after the version (no second ?), and asks for the PNG", () => {
    expect(previewSrc("/api/v1/thumbnails/w/t.png?v=0", 168)).toBe("/api/v1/thumbnails/w/t.png?v=0&width=168");
    expect(previewSrc("/api/v1/thumbnails/w/t.svg?v=3", 360)).toBe("/api/v1/thumbnails/w/t.png?v=3&width=360");
    expect(previewSrc("/api/v1/thumbnails/w/t.jpg?v=1", 1280)).toBe("/api/v1/thumbnails/w/t.jpg?v=1");
    expect(previewSrc("/api/v1/faces/u/p.png", 246)).toBe("/api/v1/faces/u/p.png?width=246");
    expect(previewSrc("https://image.pollinations.ai/prompt/x?width=1280", 168)).toBe("https://image.pollinations.ai/prompt/x?width=1280");
  });

  it("picks the smallest preview that is sharp at the shown size", () => {
    expect(previewFor(120)).toBe(168);
    expect(previewFor(120, 2)).toBe(246);
    expect(previewFor(300, 2)).toBe(1280);
  });

  it("says what was measured", () => {
    expect(legibilityLine({ cap_height_share: 0.214, contrast_ratio: 11.3, timestamp_clear: true, passes: true, fixes: ["outline"] })).toBe(
      "Reads at phone size: text 21% of the height, contrast 11.3:1, clear of the timestamp (added: outline).",
    );
    expect(legibilityLine({ cap_height_share: 0.08, contrast_ratio: 2, timestamp_clear: false, passes: false, fixes: [] })).toMatch(
      /^May not read/,
    );
  });
});
