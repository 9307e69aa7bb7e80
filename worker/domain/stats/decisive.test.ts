import { describe, expect, it } from "vitest";
import { agree, AGREEMENT, declareRisk, percentWords, shownBeside, standingOf, sureSentence } from "./decisive";
import { ctrIntervalTooWide, liftIntervalTooWide, WIDE_LIFT_INTERVAL } from "./interval-rule";

describe("the rule for probabilities", () => {
  it("lets a second estimate stand beside the deciding number only when they agree", () => {
    expect(AGREEMENT).toBe(0.05);
    expect(agree(0.9, 0.94)).toBe(true);
    expect(agree(0.9, 0.96)).toBe(false);
    // The cases: P(best) 100%, 59% and 93% beside confidence 0% are never shown.
    for (const pBest of [1, 0.59, 0.93]) expect(shownBeside(0, pBest)).toBeNull();
    expect(shownBeside(0.97, 0.99)).toBe(0.99);
    expect(shownBeside(0.5, null)).toBeNull();
  });

  it("never prints 0% or 100%", () => {
    expect(percentWords(1)).toBe("over 99%");
    expect(percentWords(0.996)).toBe("over 99%");
    expect(percentWords(0)).toBe("under 1%");
    expect(percentWords(0.62)).toBe("62%");
    for (let p = 0; p <= 1; p += 0.001) expect(percentWords(p)).not.toMatch(/^(0|100)%$/);
  });

  it("says what declaring risks in words, from the deciding number, never as 100%", () => {
    const early = declareRisk({ chosen: "Viral", leader: "Viral", confidence: 0, threshold: 0.95 });
    expect(early).toContain("only under 1% sure");
    expect(early).toContain("a winner needs 95%");
    const other = declareRisk({ chosen: "Product demo", leader: "Viral", confidence: 0.4, threshold: 0.95 });
    expect(other).toContain("Viral has the better click-through");
    expect(other).not.toMatch(/100%/);
    expect(declareRisk({ chosen: "Viral", leader: "Viral", confidence: 1, threshold: 0.95 })).toContain("over 99% sure");
    expect(declareRisk({ chosen: "Viral", leader: null, confidence: 0, threshold: 0.95, seen: true })).toBe(
      "Too early to say which is ahead: the test is under 1% sure of any winner. Declaring Viral now is choosing by eye.",
    );
  });

  it("names where the test stands and leads with one number", () => {
    expect(standingOf(0.2, 0.95, true)).toBe("too-early");
    expect(standingOf(0.6, 0.95, true)).toBe("leaning");
    expect(standingOf(0.96, 0.95, true)).toBe("proven");
    expect(standingOf(0, 0.95, false)).toBe("collecting");
    expect(sureSentence("Viral", 0.62, 0.95)).toBe("The test is 62% sure Viral beats every other thumbnail; it calls a winner at 95%.");
  });
});

describe("the interval rule", () => {
  it("hides a CTR interval as wide as the issue's 8.00% with 0.0% – 20.6%", () => {
    expect(ctrIntervalTooWide({ lower: 0, upper: 0.206 }, 0.08)).toBe(true);
    expect(ctrIntervalTooWide({ lower: 0.04, upper: 0.12 }, 0.08)).toBe(false);
    expect(ctrIntervalTooWide({ lower: 0, upper: 0.01 }, 0)).toBe(true);
  });

  it("hides a lift interval wider than 300 percentage points", () => {
    expect(WIDE_LIFT_INTERVAL).toBe(3);
    expect(liftIntervalTooWide({ lower: -0.89, upper: 287.48 })).toBe(true);
    expect(liftIntervalTooWide({ lower: -0.2, upper: 0.5 })).toBe(false);
    expect(liftIntervalTooWide({ lower: Number.NaN, upper: 1 })).toBe(true);
  });
});
