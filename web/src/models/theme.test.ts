import { describe, expect, it } from "vitest";
import { contrast, PALETTES } from "./theme";

describe("chart colours", () => {
  for (const [name, p] of Object.entries(PALETTES)) {
    it(`keep at least 3:1 against the ${name} chart background (WCAG 1.4.11)`, () => {
      for (const colour of Object.values(p.series)) expect(contrast(colour, p.background)).toBeGreaterThanOrEqual(3);
      expect(contrast(p.axis, p.background)).toBeGreaterThanOrEqual(4.5);
    });
  }
  it("computes the textbook ratio", () => {
    expect(contrast("#000000", "#ffffff")).toBeCloseTo(21, 5);
  });
});
