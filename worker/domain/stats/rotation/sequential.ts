// A group-sequential randomisation test. The observed schedule and the reference schedules are
// exchangeable draws from the design, so any rule that treats them alike rejects the observed
// one with probability (number rejected)/(number of schedules). At each look the threshold is
// set so that at most ⌊α(t)·(M + 1)⌋ schedules in all have crossed by then: an α-spending
// boundary computed on the randomisation distribution itself, exact at every look.

/** Cumulative alpha spent by information fraction t: α·t^ρ (ρ = 2 spends little early). */
export function spentAlpha(alpha: number, t: number, rho = 2): number {
  return alpha * Math.min(1, Math.max(0, t)) ** rho;
}

/**
 * Haybittle–Peto-like spending: a small share of α, growing linearly, before the last look, and
 * the rest at the last look. An interim crossing needs an extreme statistic (a large effect stops
 * early), while the last look keeps almost all of α: with a large randomisation set, what an
 * earlier look spends on schedules that would not cross at the end is lost to the end.
 */
export function peakAlpha(alpha: number, t: number, interimShare = 0.1): number {
  return t >= 1 - 1e-9 ? alpha : alpha * interimShare * Math.min(1, Math.max(0, t));
}

/** Equal statistics must tie exactly, whatever order their sums were taken in. */
const tieSafe = (x: number) => Number(x.toPrecision(9));

/**
 * The first look (0-based) at which schedule 0's statistic crosses, or −1. `paths[m][l]` is
 * schedule m's statistic after look l (larger is more extreme); `spent[l]` the cumulative alpha.
 */
export function firstCrossing(paths: number[][], spent: number[]): number {
  const total = paths.length;
  const crossed = new Array<boolean>(total).fill(false);
  let crossedCount = 0;
  const looks = paths[0]?.length ?? 0;
  for (let l = 0; l < looks; l++) {
    const budget = Math.floor(spent[l] * total + 1e-9) - crossedCount;
    if (budget <= 0) continue;
    const alive: { m: number; value: number }[] = [];
    for (let m = 0; m < total; m++) if (!crossed[m]) alive.push({ m, value: tieSafe(paths[m][l]) });
    alive.sort((a, b) => b.value - a.value);
    const edge = alive[Math.min(budget, alive.length) - 1].value;
    const atOrAbove = alive.filter((x) => x.value >= edge).length;
    // Ties at the edge all cross or none do, so the budget is never exceeded.
    const threshold = atOrAbove > budget ? (x: number) => x > edge : (x: number) => x >= edge;
    for (const x of alive) {
      if (threshold(x.value)) {
        crossed[x.m] = true;
        crossedCount++;
      }
    }
    if (crossed[0]) return l;
  }
  return -1;
}

/** Fixed-look randomisation p-value of schedule 0: (1 + #{m ≥ 1: T_m ≥ T_0}) / (M + 1). */
export function randomisationP(values: number[]): number {
  const observed = tieSafe(values[0]);
  let atLeast = 1;
  for (let m = 1; m < values.length; m++) if (tieSafe(values[m]) >= observed) atLeast++;
  return atLeast / values.length;
}
