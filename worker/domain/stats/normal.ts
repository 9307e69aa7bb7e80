// The standard normal distribution, for the naive z-test baseline and fixed-horizon planning.
// The sequential engine itself needs neither: the mixture boundary has a closed form.

const LOG_SQRT_2PI = 0.91893853320467274178;

/**
 * Φ(x) by Marsaglia's Taylor series (J. Stat. Software 11(4), 2004): absolute error ~1e-15.
 * Beyond |x| = 9 the tail is below 1e-18, so it returns 0 or 1.
 */
export function normalCdf(x: number): number {
  if (x < -9) return 0;
  if (x > 9) return 1;
  let sum = x;
  let term = x;
  let previous = 0;
  const q = x * x;
  for (let i = 1; sum !== previous;) {
    previous = sum;
    i += 2;
    term *= q / i;
    sum += term;
  }
  return 0.5 + sum * Math.exp(-0.5 * q - LOG_SQRT_2PI);
}

export function normalPdf(x: number): number {
  return Math.exp(-0.5 * x * x - LOG_SQRT_2PI);
}

/** Φ⁻¹(p) by bisection then Newton polishing; error below 1e-10 for p in [1e-6, 1 - 1e-6]. */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`normalQuantile needs 0 < p < 1, got ${p}`);
  let lo = -9;
  let hi = 9;
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (normalCdf(mid) < p) lo = mid;
    else hi = mid;
  }
  let x = (lo + hi) / 2;
  for (let i = 0; i < 2; i++) x -= (normalCdf(x) - p) / normalPdf(x);
  return x;
}

/** Two-sided p-value of a z statistic. */
export function twoSidedP(z: number): number {
  return 2 * normalCdf(-Math.abs(z));
}

/**
 * Impressions per arm for a two-arm fixed-horizon test of CTR p1 against p2:
 * n = (z₁₋α/₂ + z_power)² · (p1(1-p1) + p2(1-p2)) / (p1 - p2)²  (unpooled normal approximation).
 */
export function fixedHorizonSampleSize(p1: number, p2: number, alpha = 0.05, power = 0.8): number {
  const z = normalQuantile(1 - alpha / 2) + normalQuantile(power);
  const variance = p1 * (1 - p1) + p2 * (1 - p2);
  return Math.ceil((z * z * variance) / ((p1 - p2) * (p1 - p2)));
}

/**
 * ln Φ(x), fast and accurate in both tails: Numerical Recipes' erfc approximation (Chebyshev
 * fit, fractional error below 1.2e-7 everywhere), kept in log form so Φ(−30) does not underflow.
 * The sequential boundaries evaluate this at every look, where the Taylor series is too slow.
 */
export function logNormalCdf(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.5 * z);
  const poly =
    -z * z -
    1.26551223 +
    t *
      (1.00002368 +
        t *
          (0.37409196 +
            t *
              (0.09678418 +
                t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
  const logHalfErfc = Math.log(t) + poly - Math.LN2; // ln(½·erfc(|x|/√2)) = ln Φ(−|x|)
  return x < 0 ? logHalfErfc : Math.log1p(-Math.exp(logHalfErfc));
}
