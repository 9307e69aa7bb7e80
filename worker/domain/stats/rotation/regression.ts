// Day-level weighted regression of log CTR: the statistic behind the rotation's randomisation
// tests and the benchmark's fixed-horizon oracle. A day's log CTR has binomial variance about
// 1/clicks plus a day-level variance τ² (the traffic mix, the weather); τ² is estimated from the
// fit's own residuals (method of moments), so weights follow the noise the data show.
import { betaCdf } from "../beta";

export interface Fit {
  beta: number[];
  /** Covariance of beta, scaled by the residual variance (studentised). */
  cov: number[][];
  df: number;
  tau2: number;
}

/** Solves A·x = b for a small symmetric positive definite A (Gaussian elimination); null if singular. */
export function solve(a: number[][], b: number[][]): number[][] | null {
  const n = a.length;
  const m = a.map((row, i) => [...row, ...b[i]]);
  // Singular relative to the matrix's own scale (a noise-free fit has a tiny covariance, not a singular one).
  const scale = Math.max(...a.map((row, i) => Math.abs(row[i])), Number.MIN_VALUE);
  for (let c = 0; c < n; c++) {
    let pivot = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r][c]) > Math.abs(m[pivot][c])) pivot = r;
    if (!(Math.abs(m[pivot][c]) > 1e-12 * scale)) return null;
    [m[c], m[pivot]] = [m[pivot], m[c]];
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = m[r][c] / m[c][c];
      if (f !== 0) for (let k = c; k < m[r].length; k++) m[r][k] -= f * m[c][k];
    }
  }
  return m.map((row, i) => row.slice(n).map((x) => x / m[i][i]));
}

function wls(y: number[], x: number[][], w: number[]): { beta: number[]; inverse: number[][]; rss: number } | null {
  const p = x[0].length;
  const xtx = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  const xty = Array.from({ length: p }, () => [0]);
  for (let d = 0; d < y.length; d++) {
    const row = x[d];
    for (let i = 0; i < p; i++) {
      const wi = w[d] * row[i];
      xty[i][0] += wi * y[d];
      for (let j = 0; j <= i; j++) xtx[i][j] += wi * row[j];
    }
  }
  for (let i = 0; i < p; i++) for (let j = 0; j < i; j++) xtx[j][i] = xtx[i][j];
  const identity = Array.from({ length: p }, (_, i) => Array.from({ length: p }, (__, j) => (i === j ? 1 : 0)));
  const inverse = solve(xtx, identity);
  if (!inverse) return null;
  const beta = inverse.map((row) => row.reduce((s, v, j) => s + v * xty[j][0], 0));
  let rss = 0;
  for (let d = 0; d < y.length; d++) {
    const r = y[d] - x[d].reduce((s, v, j) => s + v * beta[j], 0);
    rss += w[d] * r * r;
  }
  return { beta, inverse, rss };
}

/**
 * Random-effects WLS: first weighted by the binomial precision (`precision`, about the clicks),
 * then by 1/(1/precision + τ²). Null when the days cannot fit the model (too few, or collinear).
 */
export function fitDays(y: number[], x: number[][], precision: number[]): Fit | null {
  const n = y.length;
  const p = x[0]?.length ?? 0;
  if (n <= p + 1) return null;
  const first = wls(y, x, precision);
  if (!first) return null;
  const sum = precision.reduce((s, v) => s + v, 0);
  const sumSq = precision.reduce((s, v) => s + v * v, 0);
  const tau2 = Math.max(0, (first.rss - (n - p)) / (sum - sumSq / sum));
  const w = tau2 > 0 ? precision.map((v) => 1 / (1 / v + tau2)) : precision;
  const second = tau2 > 0 ? wls(y, x, w) : first;
  if (!second) return null;
  const scale = Math.max(second.rss / (n - p), 1e-12);
  return { beta: second.beta, cov: second.inverse.map((row) => row.map((v) => v * scale)), df: n - p, tau2 };
}

/** Wald statistic of the coefficients `which` (a contrast vector each): c'β' (C·Cov·C')⁻¹ (Cβ). */
export function wald(fit: Fit, contrasts: number[][]): number {
  const est = contrasts.map((c) => c.reduce((s, v, j) => s + v * fit.beta[j], 0));
  const v = contrasts.map((a) =>
    contrasts.map((b) => a.reduce((s, ai, i) => s + ai * b.reduce((t, bj, j) => t + bj * fit.cov[i][j], 0), 0)),
  );
  const inv = solve(
    v,
    est.map((e) => [e]),
  );
  if (!inv) return 0;
  return est.reduce((s, e, i) => s + e * inv[i][0], 0);
}

/** Two-sided p of Student's t with df degrees of freedom. */
export function tTwoSidedP(t: number, df: number): number {
  return betaCdf(df / (df + t * t), df / 2, 0.5);
}
