import { describe, expect, it } from "vitest";
import { STYLE_LABEL, variantLabel, writerName } from "./labels";

describe("labels", () => {
  it("name every style in words", () => {
    expect(Object.values(STYLE_LABEL)).toEqual(["Face-focused", "Product demo", "Viral"]);
  });
  it("prefer the labels the A/B status sends", () => {
    const ab = { labels: { t1: "Bold face" }, variants: [{ thumbnail_id: "t2", style: "VIRAL" }] } as never;
    expect(variantLabel(ab, "t1")).toBe("Bold face");
    expect(variantLabel(ab, "t2")).toBe("Viral");
    expect(variantLabel(null, null)).toBe("");
  });
  it("name the writer in words", () => {
    expect(writerName("offline", null)).toBe("the built-in offline writer; connect an AI model for real scripts");
    expect(writerName("openai:gpt-4o-mini", null)).toBe("the AI model gpt-4o-mini");
    expect(writerName("offline", "timeout")).toMatch(/because the AI model failed \(timeout\)/);
  });
});
