// The integrator contract end to end: the three push forms, corrections, the undeclared policy,
// and the verdicts and plain words the status gives.
import { describe, expect, it } from "vitest";
import type { AbStatus, WorkflowState } from "../shared/contract";
import { call, expectProblem, newUser, toAbTesting, toThumbnails } from "./helpers";

async function externalTest(label: string) {
  const { token } = await newUser(label);
  const wf = await toAbTesting(token, "external");
  const [a, b, c] = wf.thumbnails.map((t) => t.id) as [string, string, string];
  const push = (body: unknown) => call<AbStatus>("POST", `/workflows/${wf.id}/metrics`, { token, body });
  return { token, wf, a, b, c, push };
}

describe("metrics push forms", () => {
  it("takes increments tagged with their split, with late clicks as a period of no impressions", async () => {
    const { a, b, c, push } = await externalTest("increments");
    const split = { [a]: 0.5, [b]: 0.25, [c]: 0.25 };
    const first = await push({
      periods: [
        { allocation: split, variants: [a, b, c].map((id, i) => ({ thumbnail_id: id, impressions: [500, 250, 250][i], clicks: 20 })) },
      ],
    });
    expect(first.status).toBe(200);
    const late = await push({ periods: [{ allocation: split, variants: [{ thumbnail_id: a, impressions: 0, clicks: 5 }] }] });
    expect(late.status).toBe(200);
    expect(late.body.variants.map((v) => [v.impressions, v.clicks])).toEqual([
      [500, 25],
      [250, 20],
      [250, 20],
    ]);
    expect(late.body.recommendation_frozen).toBe(false);
    // A test keeps its form: a cumulative push now would count the data twice.
    expectProblem(await push({ variants: [a, b, c].map((id) => ({ thumbnail_id: id, impressions: 600, clicks: 30 })) }), 400);
  });

  it("takes cumulative totals per split", async () => {
    const { a, b, c, push } = await externalTest("splits");
    const even = { [a]: 1, [b]: 1, [c]: 1 };
    const tilted = { [a]: 2, [b]: 1, [c]: 1 };
    const r = await push({
      splits: [
        { allocation: even, variants: [a, b, c].map((id) => ({ thumbnail_id: id, impressions: 300, clicks: 24 })) },
        { allocation: tilted, variants: [a, b, c].map((id, i) => ({ thumbnail_id: id, impressions: [200, 100, 100][i]!, clicks: 9 })) },
      ],
    });
    expect(r.status).toBe(200);
    expect(r.body.variants.map((v) => v.impressions)).toEqual([500, 400, 400]);
    expect(r.body.variants.every((v) => typeof v.adjusted_ctr === "number")).toBe(true);
  });

  it("accepts small downward revisions as corrections, refuses large ones unchanged, and freezes the split when none is declared", async () => {
    const { a, b, c, push } = await externalTest("revisions");
    const totals = (n: number, clicksA: number) => ({
      variants: [a, b, c].map((id) => ({ thumbnail_id: id, impressions: n, clicks: id === a ? clicksA : 40 })),
    });
    expect((await push(totals(1000, 80))).status).toBe(200);
    const revised = await push(totals(1000, 78)); // analytics revised two clicks away
    expect(revised.status).toBe(200);
    expect(revised.body.corrections.count).toBeGreaterThan(0);
    expect(revised.body.variants[0]!.clicks).toBe(78);
    expect(revised.body.recommendation_frozen).toBe(true);
    const p = expectProblem(await push(totals(500, 40)), 400);
    expect(p.errors!.length).toBeGreaterThan(0);
  });
  it("treats a cumulative push that changes its split as undeclared: own period, recommendation frozen", async () => {
    const { a, b, c, push } = await externalTest("cumulative-split");
    const even = { [a]: 1, [b]: 1, [c]: 1 };
    const totals = (n: number[], allocation: Record<string, number>) => ({
      variants: [a, b, c].map((id, i) => ({ thumbnail_id: id, impressions: n[i]!, clicks: Math.round(n[i]! * 0.08) })),
      allocation,
    });
    const first = await push(totals([1000, 1000, 1000], even));
    expect(first.status).toBe(200);
    expect(first.body.recommendation_frozen).toBe(false);
    const same = await push(totals([2000, 2000, 2000], even));
    expect(same.body.recommendation_frozen).toBe(false);
    // Late clicks from the even split would now count under the new one: the engine stops trusting splits.
    const moved = await push(totals([3000, 2500, 2500], { [a]: 2, [b]: 1, [c]: 1 }));
    expect(moved.status).toBe(200);
    expect(moved.body.recommendation_frozen).toBe(true);
    const frozen = moved.body.recommended_allocation;
    const later = await push(totals([4000, 3000, 3000], even));
    expect(later.status).toBe(200);
    expect(later.body.recommendation_frozen).toBe(true);
    expect(later.body.recommended_allocation).toEqual(frozen);
    expect(later.body.variants.map((v) => v.impressions)).toEqual([4000, 3000, 3000]);
  });
});

describe("a declared plan", () => {
  it("takes planned_impressions as the test's horizon: refused for simulated tests, final once passed", async () => {
    const { token } = await newUser("planned");
    const wf = await toThumbnails(token);
    const select = (body: Record<string, unknown>) =>
      call<WorkflowState>("POST", `/workflows/${wf.id}/select-thumbnail`, { token, body: { thumbnail_id: wf.thumbnails[0]!.id, ...body } });
    const wrong = expectProblem(await select({ analytics_source: "simulated", planned_impressions: 2000 }), 400);
    expect(wrong.errors!.map((e) => e.path)).toContain("planned_impressions");
    expectProblem(await select({ analytics_source: "external", planned_impressions: 10 }), 400);
    expect((await select({ analytics_source: "external", planned_impressions: 2000 })).status).toBe(200);
    const ids = wf.thumbnails.map((t) => t.id);
    const push = (n: number) =>
      call<AbStatus>("POST", `/workflows/${wf.id}/metrics`, {
        token,
        body: { variants: ids.map((id) => ({ thumbnail_id: id, impressions: n, clicks: Math.round(n * 0.085) })) },
      });
    const within = await push(1500);
    expect(within.status).toBe(200);
    expect(within.body.is_running).toBe(true);
    // Past the declared 2,000 per variant the tests are final: the test ends at its horizon.
    const past = await push(2600);
    expect(past.status).toBe(200);
    expect(past.body.is_running).toBe(false);
    expect(past.body.decision).toBe("timeout");
    expect(past.body.winner_id).toBe(wf.thumbnails[0]!.id);
  });
});

describe("verdicts in plain words", () => {
  it("stops early when the variants perform the same, keeps the pick, and says so", async () => {
    const { token, wf, a, b, c, push } = await externalTest("same");
    let status: AbStatus | null = null;
    for (let n = 1; n <= 60; n++) {
      const imp = n * 4000;
      const r = await push({ variants: [a, b, c].map((id) => ({ thumbnail_id: id, impressions: imp, clicks: Math.round(imp * 0.085) })) });
      expect(r.status).toBe(200);
      status = r.body;
      if (n === 1) {
        expect(status.summary.state).toMatch(/collecting|ahead/);
        expect(status.progress.text).toMatch(/impressions|estimate/);
      }
      if (!status.is_running) break;
    }
    expect(status!.is_running).toBe(false);
    expect(status!.decision).toBe("same");
    expect(status!.verdict).toBe("same");
    expect(status!.winner_id).toBe(wf.selected_thumbnail_id);
    expect(status!.summary).toMatchObject({ state: "same", text: expect.stringMatching(/performed the same/) });
    expect(status!.same_margin).toBe(0.1);
    const done = await call<WorkflowState>("GET", `/workflows/${wf.id}/status`, { token });
    expect(done.body.status).toBe("completed");
  });

  it("names the leader without claiming proof, with progress toward a decision", async () => {
    const { a, b, c, push } = await externalTest("ahead");
    const r = await push({ variants: [a, b, c].map((id, i) => ({ thumbnail_id: id, impressions: 2000, clicks: [170, 124, 190][i]! })) });
    expect(r.body.summary.state).toBe("ahead");
    expect(r.body.summary.text).toBe(`${r.body.labels[r.body.summary.leader_id!]} is ahead, not proven yet`);
    expect(r.body.current_confidence).toBeLessThan(r.body.confidence_threshold);
    expect(r.body.progress.needed_impressions_per_variant).toBeGreaterThan(2000);
    expect(r.body.progress.fraction).toBeGreaterThan(0);
    expect(r.body.progress.fraction).toBeLessThan(1);
    expect(r.body.interval_level).toBeCloseTo(0.9, 10);
    const wrong = r.body.probability_wrong_if_declared!;
    expect(Object.values(wrong).every((p) => p >= 0 && p <= 1)).toBe(true);
  });
});
