// The A/B test lifecycle as pure data: simulated looks, Thompson allocation, pushes, finishing.
import { describe, expect, it } from "vitest";
import type { Thumbnail } from "../shared/contract";
import { toAbStatus } from "./ab-status";
import { type AbConfig, finishTest, recordLook, simulatedTotals, startTest, validatePush } from "./ab-test";
import { DEFAULT_ENGINE_CONFIG } from "./stats";

const thumbs: Pick<Thumbnail, "id" | "style">[] = [
  { id: "face", style: "FACE_FOCUSED" },
  { id: "product", style: "PRODUCT_DEMO" },
  { id: "viral", style: "VIRAL" },
];

const config = (over: Partial<AbConfig> = {}): AbConfig => ({
  pollIntervalMs: 30_000,
  timeoutMs: 72 * 3600_000,
  impressionsPerPoll: 600,
  allocationMode: "uniform",
  engine: DEFAULT_ENGINE_CONFIG,
  ...over,
});

function run(mode: "uniform" | "thompson", seed: number, polls: number) {
  let ab = startTest(thumbs, "face", "simulated", config({ allocationMode: mode }), seed, 0);
  for (let i = 1; i <= polls && ab.decision === null; i++) ab = recordLook(ab, { totals: simulatedTotals(ab) }, i * 30_000).ab;
  return ab;
}

describe("a simulated test", () => {
  it("starts with every variant at zero, polls on schedule and ends by the deadline", () => {
    const ab = startTest(thumbs, "face", "simulated", config(), 42, 1_000);
    expect(ab.counts.map((c) => c.impressions)).toEqual([0, 0, 0]);
    expect(ab.next_poll_at).toBe(31_000);
    expect(ab.deadline_at - ab.started_at).toBe(72 * 3600_000);
    const { ab: after, point } = recordLook(ab, { totals: simulatedTotals(ab) }, 31_000);
    expect(after.polls).toBe(1);
    expect(point.impressions.reduce((a, b) => a + b, 0)).toBe(600);
    expect(after.next_poll_at).toBe(61_000);
  });

  it("is reproducible: the same seed and poll index give the same totals (a retried alarm counts nothing new)", () => {
    const ab = startTest(thumbs, "face", "simulated", config(), 7, 0);
    expect(simulatedTotals(ab)).toEqual(simulatedTotals(ab));
    expect(startTest(thumbs, "face", "simulated", config(), 8, 0).true_ctrs).not.toEqual(ab.true_ctrs);
  });

  it("follows Thompson weights when configured, and they always sum to 1 with a floor for contenders", () => {
    const ab = run("thompson", 3, 40);
    const shares = Object.values(ab.allocation);
    expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
    expect(shares.some((s) => Math.abs(s - 1 / 3) > 0.01)).toBe(true);
    const uniform = run("uniform", 3, 40);
    expect(Object.values(uniform.allocation)).toEqual([1 / 3, 1 / 3, 1 / 3]);
  });

  it("finishes itself when the engine proves a winner, and explains it", () => {
    let ab = startTest(thumbs, "face", "external", config(), 1, 0);
    for (let n = 1; n <= 80 && ab.decision === null; n++) {
      const imp = n * 1_000;
      const valid = validatePush(
        ab,
        {
          variants: [
            { thumbnail_id: "face", impressions: imp, clicks: Math.round(imp * 0.085) },
            { thumbnail_id: "product", impressions: imp, clicks: Math.round(imp * 0.062) },
            { thumbnail_id: "viral", impressions: imp, clicks: Math.round(imp * 0.11) },
          ],
        },
        n * 1000,
      );
      if (!valid.ok) throw new Error(valid.refusal.detail);
      ab = recordLook(ab, { push: valid.value }, n * 1000).ab;
    }
    expect(ab.decision).toBe("winner");
    expect(ab.winner_id).toBe("viral");
    expect(ab.verdict).toBe("winner");
    expect(ab.explanation).toMatch(/^Viral beat Face-focused by \+\d+% CTR/);
    expect(ab.next_poll_at).toBeNull();
    const status = toAbStatus(ab);
    expect(status.current_confidence).toBeGreaterThanOrEqual(0.95);
    expect(status.variants.find((v) => v.thumbnail_id === "face")!.lift_vs_pick).toBeNull();
  });
});

describe("an integrator's declared split", () => {
  it("is normalised; a changed split or none makes the rest undeclared, apart from the declared period", () => {
    let ab = startTest(thumbs, "face", "external", config({ allocationMode: "thompson" }), 1, 0);
    const push = (n: number, split?: Record<string, number>) => {
      const variants = [
        { thumbnail_id: "face", impressions: n, clicks: Math.round(n * 0.08) },
        { thumbnail_id: "product", impressions: n, clicks: Math.round(n * 0.06) },
        { thumbnail_id: "viral", impressions: n, clicks: Math.round(n * 0.09) },
      ];
      const valid = validatePush(ab, split ? { variants, allocation: split } : { variants }, n);
      if (!valid.ok) throw new Error(valid.refusal.detail);
      ab = recordLook(ab, { push: valid.value }, n).ab;
    };
    const keys = () => ab.engine_state.epochs.map((e) => e.key);
    push(1000, { face: 1, product: 1, viral: 1 });
    // A measured split that differs only in the third decimal is the same split.
    push(2000, { face: 0.3334, product: 0.333, viral: 0.3336 });
    expect(keys()).toEqual(["33,33,33"]);
    expect(ab.evaluation!.recommendationFrozen).toBe(false);
    // Cumulative totals cannot say which split a late click came from: a new split is undeclared
    // data from then on, in its own period, and the recommendation freezes.
    push(3000, { face: 2, product: 1, viral: 1 });
    expect(keys()).toEqual(["33,33,33", "undeclared"]);
    expect(ab.evaluation!.recommendationFrozen).toBe(true);
    push(4000, { face: 1, product: 1, viral: 1 });
    push(5000);
    expect(keys()).toEqual(["33,33,33", "undeclared"]);
    expect(ab.engine_state.epochs[0]!.impressions).toEqual([2000, 2000, 2000]);
  });

  it("rejects unknown variants and an all-zero split", () => {
    const ab = startTest(thumbs, "face", "external", config(), 1, 0);
    const variants = thumbs.map((t) => ({ thumbnail_id: t.id, impressions: 10, clicks: 1 }));
    expect(validatePush(ab, { variants, allocation: { other: 1 } }, 1)).toMatchObject({ ok: false, refusal: { status: 400 } });
    expect(validatePush(ab, { variants, allocation: { face: 0, viral: 0 } }, 1)).toMatchObject({ ok: false, refusal: { status: 400 } });
  });
});

describe("pushed totals", () => {
  const ab = startTest(thumbs, "face", "external", config(), 1, 0);
  const ok = [
    { thumbnail_id: "face", impressions: 100, clicks: 9 },
    { thumbnail_id: "product", impressions: 100, clicks: 6 },
    { thumbnail_id: "viral", impressions: 100, clicks: 10 },
  ];
  const first = validatePush(ab, { variants: ok }, 1);
  if (!first.ok) throw new Error(first.refusal.detail);
  const after = recordLook(ab, { push: first.value }, 1).ab;

  it.each([
    ["totals that go down", [{ ...ok[0]!, impressions: 50, clicks: 1 }, ok[1]!, ok[2]!]],
    ["clicks above impressions", [{ ...ok[0]!, impressions: 200, clicks: 201 }, ok[1]!, ok[2]!]],
    ["a missing variant", [ok[0]!, ok[1]!]],
    ["an unknown variant", [...ok, { thumbnail_id: "other", impressions: 1, clicks: 0 }]],
    ["a duplicated variant", [ok[0]!, ok[0]!, ok[1]!, ok[2]!]],
  ])("rejects %s with 400", (_label, pushed) => {
    const result = validatePush(after, { variants: pushed }, 2);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.refusal.status).toBe(400);
    expect(result.refusal.errors!.length).toBeGreaterThan(0);
  });

  it("rejects pushes after the end with 409, and to a simulated test", () => {
    const ended = finishTest(after, "stopped", null, 2);
    const refused409 = { ok: false, refusal: { status: 409 } };
    expect(validatePush(ended, { variants: ok }, 3)).toMatchObject(refused409);
    // Past the deadline, even before the alarm has ended the test.
    expect(validatePush(after, { variants: ok }, after.deadline_at)).toMatchObject(refused409);
    const simulated = startTest(thumbs, "face", "simulated", config(), 1, 0);
    expect(validatePush(simulated, { variants: ok }, 1)).toMatchObject(refused409);
  });

  it("keeps the creator's pick when a stopped test proved nothing", () => {
    const ended = finishTest(after, "stopped", null, 2);
    expect(ended.decision).toBe("stopped");
    expect(ended.winner_id).toBe("face");
    expect(ended.verdict).toBe("inconclusive");
  });
});
