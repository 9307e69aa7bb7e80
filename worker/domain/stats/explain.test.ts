import { describe, expect, it } from "vitest";
import type { ArmCounts } from "./config";
import type { Evaluation } from "./evaluation";
import { explain, verdictAtTimeout } from "./explain";

const labels = { face: "Face-focused", product: "Product demo", viral: "Viral" };
const even = (n: number): ArmCounts[] => ["face", "product", "viral"].map((id) => ({ id, impressions: n, clicks: 0 }));

function evaluation(overrides: Partial<Evaluation>, probabilityBest = [0.1, 0, 0.9]): Evaluation {
  return {
    leaderId: "viral",
    confidence: 0.72,
    canDeclareEarly: false,
    winnerId: null,
    variants: ["face", "product", "viral"].map((id, i) => ({
      id,
      ctr: 0.09,
      ctrInterval: { lower: 0.08, upper: 0.1 },
      liftVsPick: id === "viral" ? { estimate: 0.12, interval: { lower: 0.02, upper: 0.22 } } : null,
      probabilityBest: probabilityBest[i],
      adjustedCtr: 0.09,
    })),
    recommendedAllocation: { face: 1 / 3, product: 1 / 3, viral: 1 / 3 },
    rivalId: "face",
    liftVsRival: { estimate: 0.11, interval: { lower: 0.03, upper: 0.19 } },
    pickId: "face",
    verdict: "inconclusive",
    stop: null,
    preferredId: null,
    sameMargin: 0.1,
    alpha: 0.05,
    recommendationFrozen: false,
    horizonReached: false,
    corrections: { count: 0, impressions: 0, clicks: 0 },
    ...overrides,
  };
}

describe("verdict at timeout", () => {
  it("maps the engine's verdict onto the three values older contracts know", () => {
    expect(verdictAtTimeout(evaluation({ winnerId: "viral", verdict: "winner", confidence: 0.97 }))).toBe("winner");
    expect(verdictAtTimeout(evaluation({ verdict: "preferred", preferredId: "viral" }))).toBe("preferred");
    // "same" keeps the pick, as inconclusive does; P(best) alone never overturns the pick now.
    expect(verdictAtTimeout(evaluation({ verdict: "same" }))).toBe("inconclusive");
    expect(verdictAtTimeout(evaluation({}, [0.05, 0, 0.95]))).toBe("inconclusive");
  });
});

describe("explanations", () => {
  it("writes the issue's example sentence for a winner, at the guaranteed 1 − 2α level", () => {
    const e = evaluation({ winnerId: "viral", confidence: 0.97 });
    expect(explain(e, even(38_400), labels, "winner", 0.05)).toBe(
      "Viral beat Face-focused by +11% CTR (90% range +3% to +19%) after 38,400 impressions per variant.",
    );
  });

  it("says how far a running test is from a decision", () => {
    const text = explain(
      evaluation({ liftVsRival: { estimate: 0.08, interval: { lower: -0.04, upper: 0.2 } } }),
      even(9_000),
      labels,
      "running",
      0.05,
    );
    expect(text).toBe(
      "Viral leads Face-focused by +8% CTR (90% range -4% to +20%) after 9,000 impressions per variant; the test is 72% sure, and a winner needs 95%.",
    );
  });

  it("says what a preferred verdict proved, at what error, and what it did not", () => {
    const text = explain(evaluation({ verdict: "preferred", preferredId: "viral" }), even(40_000), labels, "timeout", 0.05);
    expect(text).toBe(
      "No variant was proven best in time; Viral is preferred over your pick Face-focused: it beat it by +12% CTR " +
        "(90% range +2% to +22%) (at most a 5% chance that a variant no better than the pick replaces it), " +
        "but it was not proven better than Face-focused by +11% CTR (90% range +3% to +19%) after 40,000 impressions per variant.",
    );
  });

  it("explains same and inconclusive endings, and keeps the pick in both", () => {
    const same = explain(evaluation({ verdict: "same" }), even(40_000), labels, "timeout", 0.05);
    expect(same).toContain("the variants performed the same: none beat another by 10% CTR or more (proven with at most 5% error)");
    expect(same).toContain("so your pick Face-focused stays");
    const early = explain(evaluation({ verdict: "same", stop: "same" }), even(30_000), labels, "running", 0.05);
    expect(early).toBe(
      "The variants performed the same: none beat another by 10% CTR or more (proven with at most 5% error) after 30,000 impressions per variant.",
    );
    expect(explain(evaluation({ verdict: "same", stop: "same" }), even(30_000), labels, "same", 0.05)).toBe(
      "The variants performed the same: none beat another by 10% CTR or more (proven with at most 5% error) after 30,000 impressions per variant, so your pick Face-focused stays.",
    );
    const inconclusive = explain(evaluation({}), even(40_000), labels, "timeout", 0.05);
    expect(inconclusive).toContain("nothing was proven, neither a better variant nor the same performance within ±10%");
    expect(inconclusive).toContain("so your pick Face-focused stays");
    const pickLeads = explain(evaluation({ leaderId: "face", rivalId: "viral" }), even(40_000), labels, "timeout", 0.05);
    expect(pickLeads).toContain("nothing was proven: your pick Face-focused led Viral");
  });

  it("explains a manual choice, a stop, uneven traffic and an empty test", () => {
    const manual = explain(evaluation({}), even(5_000), labels, "manual", 0.05, "face");
    expect(manual).toContain(
      "You picked Face-focused before the test proved it (it was 72% sure) although Viral led Face-focused by +11% CTR",
    );
    expect(explain(evaluation({}), even(5_000), labels, "manual", 0.05, "viral")).toContain(
      "You picked Viral before the test proved it (it was 72% sure), the leader",
    );
    expect(explain(evaluation({}), even(5_000), labels, "stopped", 0.05)).toContain("stopped while 72% sure");
    const uneven: ArmCounts[] = [
      { id: "face", impressions: 3_000, clicks: 0 },
      { id: "product", impressions: 1_000, clicks: 0 },
      { id: "viral", impressions: 8_000, clicks: 0 },
    ];
    expect(explain(evaluation({}), uneven, labels, "running", 0.05)).toContain("after 4,000 impressions per variant on average");
    expect(explain(evaluation({ leaderId: null, rivalId: null, liftVsRival: null }), even(0), labels, "running", 0.05)).toContain(
      "No impressions",
    );
  });

  it("writes small lifts with a decimal and uses the alpha it is given", () => {
    const e = evaluation({ winnerId: "viral", liftVsRival: { estimate: 0.004, interval: { lower: 0.001, upper: 0.012 } } });
    expect(explain(e, even(100_000), labels, "winner", 0.1)).toBe(
      "Viral beat Face-focused by +0.4% CTR (80% range +0.1% to +1%) after 100,000 impressions per variant.",
    );
  });
});

describe("lift intervals too wide to use", () => {
  it("are not printed as numbers: the sentence says the data cannot size the difference yet", () => {
    const early = evaluation({ liftVsRival: { estimate: 0.17, interval: { lower: -0.89, upper: 287.48 } } });
    const text = explain(early, even(330), labels, "running", 0.05);
    expect(text).toContain("Viral leads Face-focused by +17% CTR (too few impressions yet to say by how much)");
    expect(text).not.toMatch(/28748|interval/);
  });
});
