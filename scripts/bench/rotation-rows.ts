// The rotation part of the benchmark's table: each power row beside the strongest valid oracle
// (valid: its own A/A rate on the row's A/A twin ≤ 5%), the A/A rows with every oracle's rate.
import { type Rate, type Row, median, pct, rate } from "./report";
import { ORACLES, type Oracle } from "./rotation-oracle";
import type { RotationRunResult } from "./rotation";
import { ROTATION_TWINS } from "./scenarios";
import { calibrationRows, trainingRows } from "./plan-calibration";
import { buildRotationSchedule } from "../../worker/domain/stats/rotation";
import { isAllowed, pairLevelOf } from "../../worker/domain/stats/rotation/design";
import { shapeOf } from "../../worker/domain/stats/rotation/schedule";

const check = (ok: boolean) => (ok ? "PASS" : "FAIL");

/**
 * The engine before issue 17 (commit 10aee4e), measured once by this bench's generators on the
 * same rows and seeds (300 replications, 95% intervals); kept so "twice today's engine" is checked.
 */
export const BEFORE: Record<string, { value: number; text: string }> = {
  r2d14: { value: 0.483, text: "48.3% ±5.6" },
  r2d28: { value: 0.983, text: "98.3% ±2.2" },
  r2d14n0: { value: 0.1, text: "10.0% ±3.9" },
  r2d14n5: { value: 0.117, text: "11.7% ±4.1" },
  r2d14n8: { value: 0.09, text: "9.0% ±3.8" },
  r2d28n8: { value: 0.303, text: "30.3% ±5.4" },
  r3d21n5: { value: 0.03, text: "3.0% ±2.6" },
  r3d21x2: { value: 0.85, text: "85.0% ±4.5" },
};

const LABELS: Record<string, string> = {
  r2d14: "Rotation 2 variants 5.0 vs 6.0%, 2,000/day, 14 days, no day noise",
  r2d28: "… the same, 28 days",
  r2d14n0: "… 14 days, day noise sd 0.25, shared by the channel ρ = 0",
  r2d14n5: "… ρ = 0.5",
  r2d14n8: "… ρ = 0.8",
  r2d28n8: "… ρ = 0.8, 28 days",
  r3d21n5: "Rotation 3 variants 5.0/5.5/6.5%, 21 days, noise ρ = 0.5",
  r3d21x2: "Rotation 3 variants 5/5/10% (twofold), 21 days",
  r2d28x2: "Rotation 2 variants 5 vs 10% (twofold), 28 days, noise ρ = 0.5",
};
const AA_LABELS: Record<string, string> = {
  rotAA: "Rotation A/A, 3 × 5.0%, 21 days, ±25% weekdays, 7-day half-life",
  rotNoisyAA: "… A/A with ±10% day-to-day CTR noise, CTR falling 20%",
  a2d14: "A/A twin of the 14-day rows (no day noise)",
  a2d28: "A/A twin, 28 days (no day noise)",
  a2d14n0: "A/A, day noise ρ = 0",
  a2d14n5: "A/A, day noise ρ = 0.5",
  a2d14n8: "A/A, day noise ρ = 0.8",
  a2d28n8: "A/A, day noise ρ = 0.8, 28 days",
  a3d21n5: "A/A 3 variants, noise ρ = 0.5, 21 days",
  a3d21: "A/A 3 variants, 21 days, no day noise",
  a2d28n5: "A/A, day noise ρ = 0.5, 28 days",
  a2d14trend: "A/A, ρ = 0.8, the other videos' CTR rising 50% while this one falls",
  a2d14novelty: "A/A, novelty bump +15% the day after each swap",
  a3d21wear: "A/A 3 variants, each thumbnail's CTR halving every 10 days shown",
};

export function rotationRows(results: Record<string, unknown[]>): Row[] {
  const out: Row[] = [...unreachableRows(), ...trainingRows(results), ...calibrationRows(results)];
  const get = (key: string) => results[key] as RotationRunResult[] | undefined;
  const share = (r: RotationRunResult[], f: (x: RotationRunResult) => boolean): Rate => rate(r.filter(f).length, r.length);
  for (const [key, name] of Object.entries(AA_LABELS)) {
    const r = get(key);
    if (!r) continue;
    const e = share(r, (x) => x.winner >= 0);
    out.push([name, "false positives", pct(e), pct(share(r, (x) => x.naiveWinner >= 0)), "≤ 5%", check(e.value <= 0.05)]);
    const oracles = ORACLES.map((o) => `${o} ${(100 * share(r, (x) => x.oracles[o] >= 0).value).toFixed(1)}%`).join("; ");
    out.push(["", "oracles' own A/A rate", oracles, "", "(info)", ""]);
  }
  for (const [key, name] of Object.entries(LABELS)) {
    const r = get(key);
    if (!r) continue;
    const correct = key.startsWith("r3") ? 2 : 1;
    const twin = get(ROTATION_TWINS[key]);
    const power = share(r, (x) => x.winner === correct);
    const wrong = share(r, (x) => x.winner >= 0 && x.winner !== correct);
    const valid = ORACLES.filter((o) => !twin || share(twin, (x) => x.oracles[o] >= 0).value <= 0.05);
    const oracle = valid.map((o) => ({ o, p: share(r, (x) => x.oracles[o] === correct) })).sort((a, b) => b.p.value - a.p.value)[0] as
      { o: Oracle; p: Rate } | undefined;
    const target = key.endsWith("x2") ? 0.99 : 0.8 * (oracle?.p.value ?? 0);
    out.push([
      name,
      "power (proven best by the end)",
      pct(power),
      pct(share(r, (x) => x.naiveWinner === correct)),
      key.endsWith("x2") ? "≥ 99%" : `≥ 0.8 × oracle = ${(100 * target).toFixed(1)}%`,
      check(power.value >= target),
    ]);
    out.push([
      "",
      "wrong winners",
      pct(wrong),
      pct(share(r, (x) => x.naiveWinner >= 0 && x.naiveWinner !== correct)),
      "≤ 1%",
      check(wrong.value <= 0.01),
    ]);
    if (oracle) out.push(["", `oracle: ${oracle.o} (A/A on twin ≤ 5%)`, pct(oracle.p), "", "(reference)", ""]);
    const before = BEFORE[key];
    if (before) {
      const twice = key.endsWith("n8");
      out.push([
        "",
        "the engine before (10aee4e, 300 runs)",
        before.text,
        "",
        twice ? "now ≥ 2×" : "(info)",
        twice ? check(power.value >= 2 * before.value) : "",
      ]);
    }
    const proven = r.filter((x) => x.winner === correct);
    const early = median(r.map((x) => (x.winner === correct ? (x.blocksEarly ?? 0) : -1)));
    out.push([
      "",
      "median days to a decision (proven runs); median blocks before the end (all runs)",
      `${proven.length ? median(proven.map((x) => x.daysToDecision ?? Infinity)) : "never"}; ${early}`,
      "",
      key.endsWith("x2") ? "≥ 1 block early" : "(info)",
      key.endsWith("x2") ? check(early >= 1) : "",
    ]);
  }
  return out;
}

/** Draws of each default design whose pairs could not reach α by the end, whatever the data (target 0). */
export function unreachableRows(draws = 10_000): Row[] {
  return [
    { ids: ["A", "B"], days: 14 },
    { ids: ["A", "B", "C"], days: 21 },
  ].map(({ ids, days }) => {
    let failed = 0;
    for (let seed = 0; seed < draws; seed++) {
      const s = buildRotationSchedule({ variantIds: ids, days, startDate: "2025-03-03", seed });
      const shape = shapeOf(ids.length, s.blocks, s.startDate, 0, s.design ?? "blocks");
      const assignment = s.days.map((d) => ids.indexOf(d.variantId));
      const k = ids.length;
      let worst = 0;
      for (let i = 0; i < k; i++)
        for (let j = i + 1; j < k; j++) {
          let allowed = 0;
          if (s.design === "balanced") {
            // Every re-deal of the pair's 2b days is a schedule: C(2b, b) of them.
            allowed = 1;
            for (let x = 1; x <= s.blocks; x++) allowed = (allowed * (s.blocks + x)) / x;
          } else {
            for (let code = 0; code < 2 ** s.blocks; code++) {
              const swapped = assignment.map((v, p) => ((code >> Math.floor(p / k)) & 1 && (v === i || v === j) ? (v === i ? j : i) : v));
              if (isAllowed(shape, swapped, s.imbalanceLimit)) allowed++;
            }
          }
          worst = Math.max(worst, 2 / allowed);
        }
      if (worst > pairLevelOf(0.05, k)) failed++;
    }
    return [
      `Default design, ${ids.length} variants × ${days} days`,
      `draws whose pairs cannot reach α (of ${draws})`,
      `${failed}`,
      "",
      "0",
      check(failed === 0),
    ] as Row;
  });
}
