// The normal-mixture sequential test behind the engine: Johari et al.'s mSPRT ("Peeking at A/B
// tests", KDD 2017; Optimizely's Stats Engine) and, in a different parameterisation, the
// asymptotic confidence sequence of Waudby-Smith et al. ("Time-uniform central limit theory",
// 2023; GrowthBook's sequential engine), which uses Howard et al.'s normal-mixture boundary
// (Ann. Statist. 49(2), 2021). One quantity links them: x = τ²/V = n·ρ², the mixture variance
// measured in units of the estimator's variance.

/**
 * ρ² that makes the boundary tightest after `plannedN` units of information
 * (Waudby-Smith et al. eq. 161; GrowthBook's "tuning parameter"):
 *   ρ² = (−2 ln α + ln(1 − 2 ln α)) / plannedN.
 * The engine's mixture variance is then τ² = ρ²·σ², i.e. x = ρ²·n after n impressions per arm.
 */
export function mixtureRhoSquared(alpha: number, plannedN: number): number {
  const minus2LogAlpha = -2 * Math.log(alpha);
  return (minus2LogAlpha + Math.log(1 + minus2LogAlpha)) / plannedN;
}

/**
 * ln Λ for the normal-mixture likelihood ratio, with z = θ̂/√V and x = τ²/V:
 *   Λ = (1 + x)^(−1/2) · exp(z² x / (2(1 + x))).
 * Under θ = 0 Λ is a (asymptotic) martingale with mean 1, so by Ville's inequality
 * P(Λ ever ≥ 1/α) ≤ α however often one looks.
 */
export function logMixtureLikelihoodRatio(z: number, x: number): number {
  return (z * z * x) / (2 * (1 + x)) - 0.5 * Math.log1p(x);
}

/** The same Λ in Johari et al.'s form, from the estimate θ̂, its variance V and the mixture τ². */
export function msprtLikelihoodRatio(estimate: number, variance: number, tau2: number): number {
  return Math.sqrt(variance / (variance + tau2)) * Math.exp((tau2 * estimate * estimate) / (2 * variance * (variance + tau2)));
}

/** Always-valid p-value at this look, min(1, 1/Λ); callers keep the running minimum. */
export function alwaysValidP(z: number, x: number): number {
  const logLambda = logMixtureLikelihoodRatio(z, x);
  return logLambda <= 0 ? 1 : Math.exp(-logLambda);
}

/**
 * Half-width of the (1 − α) confidence sequence {θ : Λ(θ) < 1/α} for an estimator with
 * variance V after x = τ²/V: √(V · 2(1 + x)/x · ln(√(1 + x)/α)) (Waudby-Smith et al. eq. 9).
 */
export function confidenceHalfWidth(variance: number, x: number, alpha: number): number {
  if (!(x > 0)) return Number.POSITIVE_INFINITY;
  return Math.sqrt(((variance * 2 * (1 + x)) / x) * (0.5 * Math.log1p(x) - Math.log(alpha)));
}

/**
 * Holm's step-down adjustment (Holm 1979), in the input's order: sort ascending, multiply the
 * i-th smallest by (m − i), and carry the running maximum so adjusted values stay monotone.
 */
export function holmAdjust(pValues: number[]): number[] {
  const m = pValues.length;
  const order = pValues.map((p, i) => ({ p, i })).sort((l, r) => l.p - r.p);
  const adjusted = new Array<number>(m);
  let runningMax = 0;
  order.forEach(({ p, i }, rank) => {
    runningMax = Math.max(runningMax, Math.min(1, (m - rank) * p));
    adjusted[i] = runningMax;
  });
  return adjusted;
}
