// The benchmark's table: one row per figure, the engine's beside the naive rule's, with targets.
import { fixedHorizonSampleSize } from "../../worker/domain/stats";
import { type Row, int, pct, rate, summarise } from "./report";
import { rotationRows } from "./rotation-rows";
import type { RunResult } from "./run";

const check = (ok: boolean) => (ok ? "PASS" : "FAIL");

export function rows(results: Record<string, unknown[]>, perPoll: number): Row[] {
  const out: Row[] = [];
  const fixedN = fixedHorizonSampleSize(0.085, 0.095, 0.05, 0.8);
  const times = (n: number) => `${int(n)} (${(n / fixedN).toFixed(2)}× n)`;
  const engine = (key: string) => results[key] as RunResult[] | undefined;
  const schedule = `30-s polls × 72 h, ${perPoll}/poll`;
  const fp = (key: string, name: string, naive = true) => {
    const r = engine(key);
    if (!r) return;
    const s = summarise(r, -1, Infinity);
    out.push([
      name,
      "false positives",
      pct(s.engine.anyWinner),
      naive ? pct(s.naive.anyWinner) : "",
      "≤ 5%",
      check(s.engine.anyWinner.value <= 0.05),
    ]);
  };

  fp("aa300", "A/A 3 × 8.5%, look every 300/variant × 60");
  fp("aa30s", `A/A 3 × 8.5%, ${schedule}`);
  const aa30s = engine("aa30s");
  if (aa30s)
    out.push(["", "'performed the same' within 72 h (no cap)", pct(summarise(aa30s, -1, Infinity).engine.same), "—", "(info)", ""]);
  const real = engine("real");
  if (real) {
    const s = summarise(real, 2, 40_000);
    out.push([
      `8.5/6.2/9.5%, uniform, ${schedule}`,
      "power by 40,000/variant",
      pct(s.engine.power),
      pct(s.naive.power),
      "≥ 95%",
      check(s.engine.power.value >= 0.95),
    ]);
    out.push(["", "wrong-winner rate", pct(s.engine.wrong), pct(s.naive.wrong), "≤ 1%", check(s.engine.wrong.value <= 0.01)]);
    out.push([
      "",
      "median impressions/variant to correct decision",
      times(s.engine.median),
      times(s.naive.median),
      `≤ 1.0 × n = ${int(fixedN)}`,
      check(s.engine.median <= fixedN),
    ]);
  }
  const tt = engine("tt");
  const ts = engine("ts");
  if (real && tt) {
    const u = summarise(real, 2, 40_000).engine.regret;
    const t = summarise(tt, 2, 40_000).engine;
    out.push([
      `8.5/6.2/9.5%, recommended (top-two), ${schedule}`,
      "clicks lost vs always-best, top-two / uniform",
      (t.regret.mean / u.mean).toFixed(2),
      "",
      "(info)",
      "",
    ]);
    out.push(["", "power by 40,000/variant; wrong winners", `${pct(t.power)}; ${pct(t.wrong)}`, "", "(info)", ""]);
  }
  if (real && ts) {
    const u = summarise(real, 2, 40_000).engine.regret;
    const t = summarise(ts, 2, 40_000).engine;
    const ratio = t.regret.mean / u.mean;
    const margin = 1.96 * ratio * Math.hypot(t.regret.se / t.regret.mean, u.se / u.mean);
    out.push([
      `8.5/6.2/9.5%, Thompson rule, ${schedule}`,
      "clicks lost, Thompson / uniform",
      `${ratio.toFixed(2)} ±${margin.toFixed(2)}`,
      "",
      "≤ 0.40",
      check(ratio <= 0.4),
    ]);
    out.push(["", "power by 40,000/variant; wrong winners", `${pct(t.power)}; ${pct(t.wrong)}`, "", "(info)", ""]);
  }
  fp("ttAA", `A/A 3 × 8.5%, recommended split, ${schedule}`, false);

  fp("late1", "A/A, Thompson split followed + declared (split totals), half the clicks 1 push late");
  fp("late10", "A/A, Thompson split followed + declared (split totals), clicks 0–20 pushes late");
  fp("late1Legacy", "… same traffic pushed as cumulative totals + a changing allocation (then undeclared)", false);
  fp("rise", "A/A, CTR 6% → 12%, recommended split followed, never declared");
  fp("decay", "A/A, CTR 12% → 6%, Thompson split followed + declared");
  const stopped = engine("stopped");
  if (stopped) {
    const s = summarise(stopped, -1, Infinity);
    out.push([
      "Stationary A/A, uniform, to the end (72 h)",
      "pick overturned (winner or preferred)",
      pct(s.engine.overturned),
      `${pct(s.naive.oldPreferred)} (old P(best) ≥ 0.8)`,
      "≤ 5%",
      check(s.engine.overturned.value <= 0.05),
    ]);
  }
  const small = engine("small");
  const smallRec = engine("smallRec");
  if (small) {
    const s = summarise(small, 2, 40_000);
    out.push([
      "8.5/8.5/9.0%, cap 40,000/variant, uniform",
      "power (winner by the cap)",
      pct(s.engine.power),
      pct(s.naive.power),
      "≥ 45%",
      check(s.engine.power.value >= 0.45),
    ]);
    out.push(["", "wrong winners; stopped 'same'", `${pct(s.engine.wrong)}; ${pct(s.engine.same)}`, pct(s.naive.wrong), "(info)", ""]);
    if (smallRec) {
      const r = summarise(smallRec, 2, 40_000);
      const diff = r.engine.power.value - s.engine.power.value;
      const se = Math.hypot(r.engine.power.margin, s.engine.power.margin);
      out.push([
        "… recommended split (top-two) instead",
        "power (winner by the cap)",
        `${pct(r.engine.power)} (${diff >= 0 ? "+" : ""}${(100 * diff).toFixed(1)}pp)`,
        "",
        "no worse than uniform",
        check(diff >= -se),
      ]);
    }
  }
  // The product's own configuration under a 72-hour deadline, against the fixed-horizon oracle.
  const deadline = (key: string, twin: string, name: string) => {
    const r = engine(key);
    if (!r) return;
    const s = summarise(r, 2, Infinity);
    const oracle = rate(r.filter((x) => x.oracleWinner === 2).length, r.length);
    const ratio = s.engine.power.value / oracle.value;
    out.push([
      name,
      "power (winner by the deadline)",
      pct(s.engine.power),
      pct(s.naive.power),
      `≥ 0.85 × oracle ${pct(oracle)}`,
      `${check(ratio >= 0.85)} (${ratio.toFixed(2)}×)`,
    ]);
    out.push(["", "wrong winners", pct(s.engine.wrong), pct(s.naive.wrong), "≤ 1%", check(s.engine.wrong.value <= 0.01)]);
    const aa = engine(twin);
    if (!aa) return;
    const fpOracle = rate(aa.filter((x) => x.oracleWinner >= 0).length, aa.length);
    const fpEngine = summarise(aa, -1, Infinity).engine.anyWinner;
    out.push([
      "… its A/A twin (3 × 8.5%), to the deadline or 'same'",
      "false positives (engine; oracle in target)",
      pct(fpEngine),
      "",
      `≤ 5% (oracle ${pct(fpOracle)})`,
      check(fpEngine.value <= 0.05),
    ]);
  };
  deadline("smallDeadline", "aaDeadline", "8.5/8.5/9.0%, product config, 72 h deadline at 40,000/variant");
  deadline("smallHalf", "aaHalf", "… planned_impressions 40,000 declared, deadline at 20,000/variant");
  const candidate = (key: string, name: string) => {
    const r = engine(key);
    if (r) out.push([name, "power (winner by the cap)", pct(summarise(r, 2, 40_000).engine.power), "", "(candidate)", ""]);
  };
  candidate("smallTs", "… Thompson rule instead of top-two");
  candidate("smallOpen", "… without the cap: unending mixture, tuned at 12,853");
  const same = engine("same");
  if (same) {
    const s = summarise(same, -1, Infinity);
    out.push([
      "A/A 3 × 8.5%, cap 40,000/variant",
      "'performed the same' before the cap (δ = 10%)",
      pct(s.engine.same),
      "—",
      "≥ 50%",
      check(s.engine.same.value >= 0.5),
    ]);
  }

  const edge = engine("sameEdge");
  if (edge) {
    const s = summarise(edge, 2, 40_000);
    out.push([
      "8.5/8.5/9.35% (one exactly δ better), cap 40,000",
      "wrongly 'performed the same'",
      pct(s.engine.same),
      "—",
      "≤ 5%",
      check(s.engine.same.value <= 0.05),
    ]);
  }

  out.push(...rotationRows(results));
  return out;
}
