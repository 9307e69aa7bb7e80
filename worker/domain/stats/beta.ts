// Beta posteriors for the display-only "probability to be best" and for Thompson weights.
// Computed by quadrature, not Monte Carlo, so the same counts always give the same numbers.

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905,
  -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** ln Γ(x) for x > 0 by the Lanczos approximation (g = 7, n = 9): relative error ~1e-15. */
export function lnGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - lnGamma(1 - x);
  const z = x - 1;
  let sum = LANCZOS[0];
  for (let i = 1; i < 9; i++) sum += LANCZOS[i] / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

export function lnBeta(a: number, b: number): number {
  return lnGamma(a) + lnGamma(b) - lnGamma(a + b);
}

/** k·ln(x), with 0·ln(0) = 0 so Beta(1, b) densities are finite at the edge. */
function xLogY(k: number, y: number): number {
  return k === 0 ? 0 : k * Math.log(y);
}

/** Continued fraction for I_x(a, b) by the modified Lentz method (Numerical Recipes §6.4). */
function betaContinuedFraction(a: number, b: number, x: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  // Convergence takes O(√max(a, b)) terms; the cap only guards against a bad argument.
  for (let m = 1; m <= 100_000; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-13) break;
  }
  return h;
}

/** Regularised incomplete beta I_x(a, b): the CDF of Beta(a, b) at x. */
export function betaCdf(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(a * Math.log(x) + b * Math.log(1 - x) - lnBeta(a, b));
  // The fraction converges fast only on the side of the mean; use the symmetry otherwise.
  if (x < (a + 1) / (a + b + 2)) return (front * betaContinuedFraction(a, b, x)) / a;
  return 1 - (front * betaContinuedFraction(b, a, 1 - x)) / b;
}

export interface BetaParams {
  a: number;
  b: number;
}

/** Uniform-prior posterior for a CTR: Beta(1 + clicks, 1 + non-clicks). */
export function posterior(impressions: number, clicks: number): BetaParams {
  return { a: 1 + clicks, b: 1 + impressions - clicks };
}

const QUADRATURE_INTERVALS = 256; // even, for Simpson's rule

/**
 * Where Beta(a, b) keeps all but a negligible (< 1e-10) share of its mass. For a ≤ b it is
 * close to Gamma(a)/(a + b), whose tails beyond a ± (8√a + 25) are that small even for a = 1;
 * by symmetry the smaller parameter sets the width.
 */
function massWindow(a: number, b: number): [number, number] {
  const mean = a / (a + b);
  const half = (8 * Math.sqrt(Math.min(a, b)) + 25) / (a + b);
  return [Math.max(0, mean - half), Math.min(1, mean + half)];
}

/**
 * P(arm i has the highest CTR) = ∫ f_i(x) Π_{j≠i} F_j(x) dx, by Simpson's rule on arm i's own
 * mass window, so a narrow posterior is resolved even next to a wide one. Renormalised so the
 * probabilities sum to exactly 1 despite quadrature error.
 */
export function probabilityBest(posteriors: BetaParams[]): number[] {
  const k = posteriors.length;
  if (k === 0) return [];
  if (k === 1) return [1];
  const raw = posteriors.map(({ a, b }, i) => {
    const [lo, hi] = massWindow(a, b);
    const step = (hi - lo) / QUADRATURE_INTERVALS;
    const logNorm = lnBeta(a, b);
    let sum = 0;
    for (let s = 0; s <= QUADRATURE_INTERVALS; s++) {
      const x = lo + s * step;
      const weight = s === 0 || s === QUADRATURE_INTERVALS ? 1 : s % 2 === 1 ? 4 : 2;
      let value = Math.exp(xLogY(a - 1, x) + xLogY(b - 1, 1 - x) - logNorm);
      for (let j = 0; j < k && value > 0; j++) {
        if (j !== i) value *= betaCdf(x, posteriors[j].a, posteriors[j].b);
      }
      sum += weight * value;
    }
    return (sum * step) / 3;
  });
  const total = raw.reduce((acc, p) => acc + p, 0);
  return total > 0 ? raw.map((p) => p / total) : raw.map(() => 1 / k);
}
