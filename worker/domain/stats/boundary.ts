// The sequential boundaries the engine runs its one-sided tests on, as functions of the
// standardised statistic z = θ̂/√V at information t (impressions per arm, n_eff):
//
// - "mixture" (a test with no end): the one-sided normal-mixture likelihood ratio Λ₊, a
//   nonnegative supermartingale under θ ≤ 0, so P(ever Λ₊ ≥ 1/α) ≤ α with no end date (Ville).
//   Half-normal mixing on θ > 0 makes it about twice as strong as the two-sided mixture.
// - "horizon" (a test with a deadline or a cap): the two-line boundary of horizon.ts.
//
// Each look gives "evidence" (−ln of its p-value: ln Λ₊ for the mixture); the test keeps its
// running maximum, and pValue(max evidence) is the always-valid p-value at any stopping time.
import { logNormalCdf } from "./normal";
import { mixtureRhoSquared } from "./msprt";

export interface Boundary {
  /** Evidence for θ > 0 at this look, increasing in z. */
  evidence(z: number, t: number): number;
  /** The p-value of a running maximum of evidence. */
  pValue(evidence: number): number;
  /** The z a look at information t must exceed to reject at one-sided level α. */
  zCritical(t: number, alpha: number): number;
  /** Information after which looks no longer count (Infinity for the mixture). */
  horizon: number;
}

/** ln Λ₊ for the half-normal mixture over θ > 0 with x = τ²/V (derivation in the file header). */
export function logOneSidedMixture(z: number, x: number): number {
  const shrink = x / (1 + x);
  return Math.LN2 - 0.5 * Math.log1p(x) + 0.5 * z * z * shrink + logNormalCdf(z * Math.sqrt(shrink));
}

/** Newton's method on ln Λ₊(z, x) = target from a starting z. */
function solveZ(x: number, target: number, start: number, iterations: number): number {
  const shrink = x / (1 + x);
  let z = start;
  for (let i = 0; i < iterations; i++) {
    const g = logOneSidedMixture(z, x) - target;
    // d/dz: z·shrink + √shrink·φ(u)/Φ(u) with u = z√shrink.
    const u = z * Math.sqrt(shrink);
    const mills = Math.exp(-0.5 * u * u - 0.9189385332046727 - logNormalCdf(u));
    const step = g / (z * shrink + Math.sqrt(shrink) * mills);
    z -= step;
    if (Math.abs(step) < 1e-12) break;
  }
  return z;
}

// Critical z on a grid of ln x, per alpha, so each look starts Newton within ~1e-4 of the root
// and two steps reach machine precision (looks run this for every pair; the bench millions of times).
const GRID_LO = Math.log(1e-4);
const GRID_STEP = 0.05;
const GRID_SIZE = 461; // up to x ≈ 1e6
const grids = new Map<number, Float64Array>();

function gridFor(alpha: number): Float64Array {
  let grid = grids.get(alpha);
  if (!grid) {
    const target = -Math.log(alpha);
    grid = new Float64Array(GRID_SIZE);
    for (let i = 0; i < GRID_SIZE; i++) {
      const x = Math.exp(GRID_LO + i * GRID_STEP);
      const shrink = x / (1 + x);
      const start = Math.sqrt(Math.max(0, (2 * (target - Math.LN2 + 0.5 * Math.log1p(x))) / shrink)) + 0.1;
      grid[i] = solveZ(x, target, start, 12);
    }
    if (grids.size > 16) grids.clear();
    grids.set(alpha, grid);
  }
  return grid;
}

/** The z where ln Λ₊(z, x) = ln(1/α). */
export function mixtureZCritical(x: number, alpha: number): number {
  if (!(x > 0)) return Number.POSITIVE_INFINITY;
  const target = -Math.log(alpha);
  const at = (Math.log(x) - GRID_LO) / GRID_STEP;
  if (at < 0 || at >= GRID_SIZE - 1) {
    const shrink = x / (1 + x);
    return solveZ(x, target, Math.sqrt(Math.max(0, (2 * (target - Math.LN2 + 0.5 * Math.log1p(x))) / shrink)) + 0.1, 12);
  }
  const grid = gridFor(alpha);
  const i = Math.floor(at);
  return solveZ(x, target, grid[i] + (at - i) * (grid[i + 1] - grid[i]), 3);
}

export function mixtureBoundary(alpha: number, plannedN: number): Boundary {
  const rho2 = mixtureRhoSquared(alpha, plannedN);
  return {
    evidence: (z, t) => logOneSidedMixture(z, t * rho2),
    pValue: (e) => (e <= 0 ? 1 : Math.exp(-e)),
    zCritical: (t, level) => mixtureZCritical(t * rho2, level),
    horizon: Number.POSITIVE_INFINITY,
  };
}
