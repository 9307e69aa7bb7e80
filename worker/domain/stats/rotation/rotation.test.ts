import { describe, expect, it } from "vitest";
import { addDays, analyseRotation, buildRotationSchedule, daysBetween, explainRotation, pacificDate, simulateRotation, weekdayOf } from ".";
import { UNRESTRICTED, drawAssignment, imbalance, smallestPairP } from "./design";
import { firstCrossing } from "./sequential";
import { blocksToSucceed, shapeOf } from "./schedule";
import { mulberry32 } from "../random";

const ids = ["A", "B", "C"];
const channel = (lift = 1, noise = 0) => ({
  impressionsPerDay: 3_000,
  weekdaySwing: 0.25,
  halfLifeDays: 7,
  ctrs: { A: 0.05, B: 0.05, C: 0.05 * lift },
  dailyCtrNoise: noise,
});

describe("Pacific dates", () => {
  it("counts days across daylight-saving changes and knows weekdays", () => {
    expect(addDays("2025-03-08", 2)).toBe("2025-03-10");
    expect(daysBetween("2025-10-30", "2025-11-03")).toBe(4);
    expect(weekdayOf("2025-03-03")).toBe(1); // a Monday
    // 06:59 UTC on 10 March 2025 is 23:59 on the 9th in Los Angeles (PDT began that morning).
    expect(pacificDate(Date.UTC(2025, 2, 10, 6, 59))).toBe("2025-03-09");
    expect(pacificDate(Date.UTC(2025, 2, 10, 7, 0))).toBe("2025-03-10");
  });
});

describe("rotation schedule", () => {
  it("shows every variant on as many days, on consecutive Pacific dates, reproducibly", () => {
    const s = buildRotationSchedule({ variantIds: ids, days: 22, startDate: "2025-03-03", seed: 5 });
    expect(s.blocks).toBe(7);
    expect(s.design).toBe("balanced");
    expect(s.days).toHaveLength(21); // whole blocks only
    s.days.forEach((d, i) => expect(d.date).toBe(addDays("2025-03-03", i)));
    for (const id of ids) expect(s.days.filter((d) => d.variantId === id)).toHaveLength(7);
    s.days.forEach((d, i) => expect(d.block).toBe(Math.floor(i / 3)));
    expect(buildRotationSchedule({ variantIds: ids, days: 22, startDate: "2025-03-03", seed: 5 })).toEqual(s);
    expect(buildRotationSchedule({ variantIds: ids, days: 22, startDate: "2025-03-03", seed: 6 }).days).not.toEqual(s.days);
  });

  it("draws every order, and never a design whose pairs cannot reach α", () => {
    // Weekday balance is the analysis's job now: no schedule is discarded for it, and a block is
    // only the unit the analysis looks at (a variant may show twice in one).
    const s = buildRotationSchedule({ variantIds: ids, days: 21, startDate: "2025-03-03", seed: 1 });
    expect(s.imbalanceLimit).toBe(UNRESTRICTED);
    const orders = new Set<string>();
    for (let seed = 1; seed <= 200; seed++) {
      const drawn = buildRotationSchedule({ variantIds: ids, days: 21, startDate: "2025-03-03", seed });
      orders.add(
        drawn.days
          .slice(0, 3)
          .map((d) => d.variantId)
          .join(),
      );
    }
    expect(orders.size).toBe(27);
    // A pair's swap test needs 2/2^blocks ≤ α: six blocks at α = 0.05.
    expect(blocksToSucceed(2)).toBe(6);
    expect(blocksToSucceed(3)).toBe(6);
    expect(smallestPairP(7)).toBeLessThanOrEqual(0.05);
    expect(() => buildRotationSchedule({ variantIds: ["A", "B"], days: 10, startDate: "2025-03-03", seed: 1 })).toThrow(/needs 6/);
    expect(() => buildRotationSchedule({ variantIds: ids, days: 14, startDate: "2025-03-03", seed: 1 })).toThrow(RangeError);
  });

  it("adds washout days after each swap and refuses plans it cannot hold", () => {
    const s = buildRotationSchedule({ variantIds: ["A", "B"], days: 24, startDate: "2025-03-03", seed: 1, washoutDays: 1 });
    expect(s.days.map((d) => d.measured)).toEqual(Array.from({ length: 24 }, (_, i) => i % 2 === 1));
    expect(s.days[0].variantId).toBe(s.days[1].variantId);
    expect(() => buildRotationSchedule({ variantIds: ids, days: 5, startDate: "2025-03-03", seed: 1 })).toThrow(RangeError);
    expect(() => buildRotationSchedule({ variantIds: ["A", "A"], days: 20, startDate: "2025-03-03", seed: 1 })).toThrow(RangeError);
    expect(() => buildRotationSchedule({ variantIds: ids, days: 21, startDate: "2025-02-30", seed: 1 })).toThrow(RangeError);
  });
});

describe("group-sequential randomisation test", () => {
  it("never lets more than α of the schedules cross, so the observed one crosses with probability ≤ α", () => {
    const rand = mulberry32(11);
    const paths = Array.from({ length: 200 }, () => Array.from({ length: 5 }, () => rand()));
    const spent = [0.01, 0.02, 0.03, 0.04, 0.05];
    // Put each schedule first in turn: by exchangeability the count that cross is what matters.
    let crossing = 0;
    for (let m = 0; m < paths.length; m++) {
      const order = [paths[m], ...paths.filter((_, i) => i !== m)];
      if (firstCrossing(order, spent) >= 0) crossing++;
    }
    expect(crossing).toBeLessThanOrEqual(Math.floor(0.05 * 200));
    expect(crossing).toBeGreaterThan(5);
  });
});

describe("rotation analysis", () => {
  it("holds its false-winner rate in A/A tests with weekday swings, decay and noisy days (regression)", () => {
    let engine = 0;
    let naive = 0;
    for (let rep = 0; rep < 40; rep++) {
      const s = buildRotationSchedule({ variantIds: ids, days: 21, startDate: "2025-03-03", seed: 100 + rep });
      const rows = simulateRotation(s, channel(1, 0.15), rep);
      const out = analyseRotation(s, rows, { references: 199 });
      if (!out.ok) throw new Error("rows refused");
      if (out.result.winnerId) engine++;
      // The naive rule: pooled CTRs at the end, z-test of leader vs runner-up at 95%.
      const pooled = ids.map((id) => {
        const days = s.days.map((d, i) => (d.variantId === id ? rows[i] : null)).filter((r) => r !== null);
        return { n: days.reduce((a, r) => a + r.impressions, 0), c: days.reduce((a, r) => a + r.clicks, 0) };
      });
      const [x, y] = [...pooled].sort((p, q) => q.c / q.n - p.c / p.n);
      const p = (x.c + y.c) / (x.n + y.n);
      if ((x.c / x.n - y.c / y.n) / Math.sqrt(p * (1 - p) * (1 / x.n + 1 / y.n)) > 1.96) naive++;
    }
    expect(engine).toBeLessThanOrEqual(4);
    // Day-to-day CTR noise is invisible to a binomial z-test: it declares far more often.
    expect(naive).toBeGreaterThanOrEqual(6);
  }, 60_000);

  it("finds a clearly better thumbnail, says when, and reports the lift with its interval", () => {
    const s = buildRotationSchedule({ variantIds: ids, days: 21, startDate: "2025-03-03", seed: 7 });
    const rows = simulateRotation(s, { ...channel(1.5), impressionsPerDay: 10_000 }, 7);
    const out = analyseRotation(s, rows, { references: 199 });
    if (!out.ok) throw new Error("rows refused");
    const r = out.result;
    expect(r.verdict).toBe("winner");
    expect(r.winnerId).toBe("C");
    expect(r.lift!.interval.lower).toBeGreaterThan(0);
    expect(r.lift!.estimate).toBeGreaterThan(r.lift!.interval.lower);
    expect(r.daysToDecision).toBe(daysBetween("2025-03-03", r.decidedAtDate!) + 1 + 3);
    expect(r.pValue).toBeLessThan(0.05);
    expect(explainRotation(r, { C: "Viral" })).toMatch(
      /^Viral beat every other thumbnail, [AB] most narrowly by \+\d+% CTR \(90% interval \+\d+% to \+\d+%\), after 7 of 7 rotations/,
    );
    // Partway through, the same rows give "so far" and fewer blocks.
    const early = analyseRotation(s, rows.slice(0, 5), { references: 199 });
    expect(early.ok && early.result).toMatchObject({ blocksAnalysed: 1, blocksPlanned: 7 });
  });

  it("refuses rows it cannot place, naming each one", () => {
    const s = buildRotationSchedule({ variantIds: ids, days: 21, startDate: "2025-03-03", seed: 1 });
    const wrong = ids.find((id) => id !== s.days[0].variantId)!;
    const out = analyseRotation(s, [
      { date: "2025-03-03", impressions: 10, clicks: 11, variantId: wrong },
      { date: "2025-03-03", impressions: 10, clicks: 1 },
      { date: "2025-04-30", impressions: 10, clicks: 1 },
      { date: "2025-03-04", impressions: 1.5, clicks: 0, watchMinutes: -1 },
    ]);
    expect(out.ok ? [] : out.errors).toEqual([
      { path: "rows.0.clicks", message: "exceeds impressions" },
      { path: "rows.0.variantId", message: `the schedule shows ${s.days[0].variantId} on 2025-03-03` },
      { path: "rows.1.date", message: "appears more than once" },
      { path: "rows.2.date", message: "is not a day of this rotation" },
      { path: "rows.3.impressions", message: "must be a whole number ≥ 0" },
      { path: "rows.3.watchMinutes", message: "must be a number ≥ 0" },
    ]);
  });
});

describe("lost days", () => {
  it("counts a block with a lost day for nothing and still analyses the blocks after it", () => {
    const s = buildRotationSchedule({ variantIds: ids, days: 21, startDate: "2025-03-03", seed: 11 });
    const rows = simulateRotation(s, channel(1.5), 4);
    const lost = [s.days[4]!.date];
    const withLost = analyseRotation(
      s,
      rows.filter((r) => r.date !== lost[0]),
      { lostDates: lost },
    );
    const full = analyseRotation(s, rows);
    expect(withLost.ok && full.ok).toBe(true);
    if (!withLost.ok || !full.ok) return;
    // Every block is analysed: the lost one counts, with nothing in it.
    expect(withLost.result.blocksAnalysed).toBe(7);
    const shown = (r: typeof full.result) => r.variants.reduce((n, v) => n + v.impressions, 0);
    const lostBlock = rows.filter((r) => s.days.find((d) => d.date === r.date)!.block === s.days[4]!.block);
    expect(shown(withLost.result)).toBe(shown(full.result) - lostBlock.reduce((n, r) => n + r.impressions, 0));
    expect(withLost.result.leaderId).toBe("C");
  });

  it("waits for a missing day but not for a lost one", () => {
    const s = buildRotationSchedule({ variantIds: ids, days: 21, startDate: "2025-03-03", seed: 11 });
    const rows = simulateRotation(s, channel(1), 4).slice(0, 6);
    const missing = analyseRotation(s, rows.slice(0, 5));
    const lost = analyseRotation(s, rows.slice(0, 5), { lostDates: [rows[5]!.date] });
    expect(missing.ok && missing.result.blocksAnalysed).toBe(1);
    expect(lost.ok && lost.result.blocksAnalysed).toBe(2);
    // A schedule whose only blocks are lost has nothing to compare.
    const none = analyseRotation(s, [], { lostDates: [s.days[0]!.date] });
    expect(none.ok && none.result.leaderId).toBe(null);
  });
});

describe("a stored schedule", () => {
  it("is analysed under the design and limit it was drawn with, not the module's current one", () => {
    const s = buildRotationSchedule({ variantIds: ids, days: 21, startDate: "2025-03-03", seed: 11 });
    const rows = simulateRotation(s, channel(1.5), 4);
    expect(analyseRotation(s, rows).ok).toBe(true);
    // A balanced schedule that does not show each variant equally often cannot have been drawn.
    const uneven = { ...s, days: s.days.map((d, i) => (i === 0 ? { ...d, variantId: ids.find((id) => id !== d.variantId)! } : d)) };
    expect(analyseRotation(uneven, rows).ok).toBe(false);
    // A schedule from before the balanced design (no `design`: one of each variant per block).
    const shape = shapeOf(3, 7, s.startDate, 0);
    const drawn = drawAssignment(shape, 99, UNRESTRICTED);
    const old = { ...s, design: undefined, days: s.days.map((d, i) => ({ ...d, variantId: ids[drawn[i]!]! })) };
    const oldRows = simulateRotation(old, channel(1.5), 4);
    expect(analyseRotation(old, oldRows).ok).toBe(true);
    // Under a tighter stored limit this very schedule could not have been drawn, so it is refused.
    expect(analyseRotation({ ...old, imbalanceLimit: -1 }, oldRows).ok).toBe(false);
    // A schedule drawn under the old weekday limit is re-drawn from its own, narrower set.
    const legacy = { ...old, imbalanceLimit: imbalance(shape, drawn) };
    const narrow = analyseRotation(legacy, oldRows);
    const own = analyseRotation(old, oldRows);
    expect(narrow.ok && own.ok && narrow.result.pValue !== own.result.pValue).toBe(true);
  });
});

describe("the channel's other videos", () => {
  it("cancel the day noise they share, and change nothing when they are not reported", () => {
    const pair = ["A", "B"];
    let withControl = 0;
    let without = 0;
    for (let rep = 0; rep < 12; rep++) {
      const s = buildRotationSchedule({ variantIds: pair, days: 14, startDate: "2025-03-03", seed: 300 + rep });
      const model = {
        impressionsPerDay: 4_000,
        weekdaySwing: 0.25,
        halfLifeDays: 7,
        ctrs: { A: 0.05, B: 0.065 },
        dailyCtrNoise: 0.25,
        others: { count: 20, relativeSize: 5, sharedShare: 0.9 },
      };
      const rows = simulateRotation(s, model, rep);
      const a = analyseRotation(s, rows, { references: 199 });
      const b = analyseRotation(
        s,
        rows.map(({ channelImpressions: _, channelClicks: __, ...r }) => r),
        { references: 199 },
      );
      if (a.ok && a.result.winnerId === "B") withControl++;
      if (b.ok && b.result.winnerId === "B") without++;
    }
    expect(withControl).toBeGreaterThan(without);
    expect(withControl).toBeGreaterThanOrEqual(6);
  }, 60_000);
});
