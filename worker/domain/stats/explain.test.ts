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
      liftVsPick: null,
      probabilityBest: probabilityBest[i],
    })),
    recommendedAllocation: { face: 1 / 3, product: 1 / 3, viral: 1 / 3 },
    rivalId: "face",
    liftVsRival: { estimate: 0.11, interval: { lower: 0.03, upper: 0.19 } },
    ...overrides,
  };
}

describe("verdict at timeout", () => {
  it("is winner, preferred at P(best) ≥ 0.8, else inconclusive", () => {
    expect(verdictAtTimeout(evaluation({ winnerId: "viral", confidence: 0.97 }))).toBe("winner");
    expect(verdictAtTimeout(evaluation({}, [0.15, 0, 0.85]))).toBe("preferred");
    expect(verdictAtTimeout(evaluation({}, [0.3, 0.1, 0.6]))).toBe("inconclusive");
    expect(verdictAtTimeout(evaluation({ leaderId: null }))).toBe("inconclusive");
  });
});

describe("explanations", () => {
  it("writes the issue's example sentence for a winner, at the guaranteed 1 − 2α level", () => {
    const e = evaluation({ winnerId: "viral", confidence: 0.97 });
    expect(explain(e, even(38_400), labels, "winner", 0.05)).toBe(
      "Viral beat Face-focused by +11% CTR (always-valid 90% interval +3% to +19%) after 38,400 impressions per variant.",
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
      "Viral leads Face-focused by +8% CTR (always-valid 90% interval -4% to +20%) after 9,000 impressions per variant; confidence is 72%, and a winner needs 95%.",
    );
  });

  it("explains preferred and inconclusive timeouts with the probability to be best", () => {
    const preferred = explain(evaluation({}, [0.14, 0, 0.86]), even(40_000), labels, "timeout", 0.05);
    expect(preferred).toContain("Viral is preferred with an estimated 86% chance of being best");
    expect(preferred).toContain("after 40,000 impressions per variant");
    const inconclusive = explain(evaluation({}, [0.4, 0, 0.6]), even(40_000), labels, "timeout", 0.05);
    expect(inconclusive).toContain("inconclusive");
    expect(inconclusive).toContain("80%");
  });

  it("explains a manual choice, a stop, uneven traffic and an empty test", () => {
    const manual = explain(evaluation({}), even(5_000), labels, "manual", 0.05, "face");
    expect(manual).toContain("The creator chose Face-focused at 72% confidence although Viral led Face-focused by +11% CTR");
    expect(explain(evaluation({}), even(5_000), labels, "manual", 0.05, "viral")).toContain("chose Viral at 72% confidence, the leader");
    expect(explain(evaluation({}), even(5_000), labels, "stopped", 0.05)).toContain("stopped at 72% confidence");
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
      "Viral beat Face-focused by +0.4% CTR (always-valid 80% interval +0.1% to +1%) after 100,000 impressions per variant.",
    );
  });
});
