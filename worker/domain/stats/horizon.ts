// The deadline-aware boundary. Every simultaneous test ends at its deadline, so its information
// is capped at some H: what the deadline allows at the traffic seen, or what the integrator
// declared. The test statistic in information time is a Brownian motion W(t) (t = impressions per
// arm, z = W/√t), and in units of the planned n P (v = t/P, h = H/P) the boundary is two lines:
//
//   W ≥ min( a·(1 + v), μ·(h + v) ),  0 ≤ v ≤ h.
//
// - The early line a(1 + v) is tightest at the planned n and alone crosses with probability
//   EARLY_SHARE·α over all time: a = √(ln(1/(EARLY_SHARE·α))/2). It lets a large effect stop
//   early, as the mixture did (z ≈ 2.8 near P).
// - The late line μ(h + v) is tightest at the horizon; μ is set so that the union crosses before
//   h with probability exactly α (two-piece crossing, computed below). Near H it needs z ≈ 2.3,
//   against ≈ 2.9 for the never-ending mixture: the alpha the mixture keeps for after the
//   deadline is spent before it.
//
// Validity with a horizon that is re-estimated. The boundary is increasing in h at every v ≤ h
// (horizon.test.ts checks it on a grid), and each pair's h only ever goes down (a running minimum
// of projections from traffic counts and elapsed time, never from clicks). A run is then always
// at or above the boundary of its final h, so P(false rejection) ≤ α. Looks past h change nothing.
// h = Infinity (no projection yet) is the early line alone, the limit of the family.
//
// Each look's evidence is −ln p with p the smallest level whose boundary the look reaches, so
// evidence from looks under different h compares directly, as with the mixture's ln Λ.
import { normalCdf } from "./normal";

export const EARLY_SHARE = 0.4;
/** Horizons are rounded up to this grid (5% steps) so boundaries can be cached and reused. */
const H_STEP = Math.log(1.05);
/** Past this many planned n the late line is negligible: the early line alone (conservative). */
const H_MAX = 1000;

/** P(standard Brownian motion crosses a + s·v before T), a > 0 (Bachelier–Lévy, Siegmund 1986). */
export function lineCrossing(a: number, s: number, T: number): number {
  if (!(a > 0)) return 1;
  const root = Math.sqrt(T);
  const direct = normalCdf(-(a + s * T) / root);
  const reflected = Math.exp(-2 * a * s) * normalCdf((s * T - a) / root);
  return Math.min(1, direct + reflected);
}

const STEPS = 80; // Simpson intervals: the integrand is smooth (accuracy checked in horizon.test.ts)

/** P(W crosses min(a(1 + v), μ(h + v)) before h): the early piece, then the late piece from the knot. */
export function twoLineCrossing(a: number, mu: number, h: number, steps = STEPS): number {
  if (h === Number.POSITIVE_INFINITY) return Math.exp(-2 * a * a);
  const knot = a > mu ? (mu * h - a) / (a - mu) : Number.POSITIVE_INFINITY;
  if (knot <= 0) return lineCrossing(mu * h, mu, h);
  if (knot >= h) return lineCrossing(a, a, h);
  const early = lineCrossing(a, a, knot);
  const at = a * (1 + knot);
  const sd = Math.sqrt(knot);
  // Paths below the boundary at the knot, d under it, that cross the late line afterwards.
  const top = at + 9 * sd;
  const width = top / steps;
  let sum = 0;
  for (let i = 0; i <= steps; i++) {
    const d = i * width;
    const x = (at - d) / sd;
    const density = (Math.exp(-0.5 * x * x) / (sd * 2.5066282746310002)) * -Math.expm1((-2 * a * d) / knot);
    const f = density * lineCrossing(d, mu, h - knot);
    sum += f * (i === 0 || i === steps ? 1 : i % 2 ? 4 : 2);
  }
  return Math.min(1, early + (sum * width) / 3);
}

export const earlyIntercept = (level: number) => Math.sqrt(Math.log(1 / (EARLY_SHARE * level)) / 2);

/** The late line's μ for a level and horizon: bisection on the exact crossing probability. */
export function lateSlope(level: number, h: number): number {
  const a = earlyIntercept(level);
  if (h === Number.POSITIVE_INFINITY) return 0;
  // Illinois regula falsi on ln P(cross) against ln μ (smooth and decreasing): ~8 evaluations.
  const f = (x: number) => Math.log(Math.max(1e-300, twoLineCrossing(a, Math.exp(x), h))) - Math.log(level);
  let lo = Math.log(1e-6);
  let hi = Math.log(50);
  let fLo = f(lo);
  let fHi = f(hi);
  let side = 0;
  for (let i = 0; i < 100 && hi - lo > 1e-10; i++) {
    const x = fLo === fHi ? (lo + hi) / 2 : hi - (fHi * (hi - lo)) / (fHi - fLo);
    const fx = f(x);
    if (fx > 0) {
      lo = x;
      fLo = fx;
      if (side === -1) fHi /= 2;
      side = -1;
    } else {
      hi = x;
      fHi = fx;
      if (side === 1) fLo /= 2;
      side = 1;
    }
    if (Math.abs(fx) < 1e-12) break;
  }
  return Math.exp(hi);
}

/** h rounded up to the grid; Infinity past H_MAX. */
export function quantiseHorizon(h: number): number {
  if (!(h < H_MAX)) return Number.POSITIVE_INFINITY;
  return Math.exp(Math.ceil(Math.log(h) / H_STEP - 1e-9) * H_STEP);
}

/** One level of the family: the boundary W ≥ min(a(1 + v), μ(h + v)). */
interface Level {
  level: number;
  a: number;
  mu: number;
}

const boundaryAt = (l: Level, v: number, h: number) =>
  h === Number.POSITIVE_INFINITY ? l.a * (1 + v) : Math.min(l.a * (1 + v), l.mu * (h + v));

/**
 * The family at one horizon, on a grid of levels from 1e-8 to 0.8 that contains α/j exactly
 * (j = 1…9), so Holm's and Bonferroni's steps are decided on exact boundaries; p-values between
 * grid levels are interpolated (display only at those points).
 */
export class HorizonFamily {
  private readonly levels: Level[];
  constructor(
    readonly alpha: number,
    readonly h: number,
  ) {
    const grid = new Set<number>();
    for (let i = 0; i <= 20; i++) grid.add(Math.exp(Math.log(1e-8) + (i / 20) * (Math.log(0.8) - Math.log(1e-8))));
    for (let j = 1; j <= 9; j++) grid.add(alpha / j);
    this.levels = [...grid].sort((x, y) => x - y).map((level) => this.levelOf(level));
  }

  private levelOf(level: number): Level {
    return { level, a: earlyIntercept(level), mu: lateSlope(level, this.h) };
  }

  /** The smallest level whose boundary a look at v with W = z√v reaches (1 when none up to 0.8). */
  pValue(z: number, v: number): number {
    const w = z * Math.sqrt(v);
    const ls = this.levels;
    if (!(w > 0) || w < boundaryAt(ls[ls.length - 1], v, this.h)) return 1;
    if (w >= boundaryAt(ls[0], v, this.h)) return ls[0].level;
    let lo = 0; // boundary(lo) > w
    let hi = ls.length - 1; // boundary(hi) ≤ w
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (boundaryAt(ls[mid], v, this.h) > w) lo = mid;
      else hi = mid;
    }
    const bLo = boundaryAt(ls[lo], v, this.h);
    const bHi = boundaryAt(ls[hi], v, this.h);
    if (w === bHi) return ls[hi].level;
    // ln level is linear in the boundary between grid points: an interpolated display value,
    // conservative enough at grid points, where every decision is taken.
    const f = (bLo - w) / (bLo - bHi);
    return Math.exp(Math.log(ls[lo].level) + f * (Math.log(ls[hi].level) - Math.log(ls[lo].level)));
  }

  /** The z a look at v must reach at this level. */
  zCritical(v: number, level: number): number {
    const at = this.levels.find((l) => l.level === level) ?? this.extra(level);
    return boundaryAt(at, v, this.h) / Math.sqrt(v);
  }

  private readonly extras = new Map<number, Level>();
  private extra(level: number): Level {
    let l = this.extras.get(level);
    if (!l) this.extras.set(level, (l = this.levelOf(level)));
    return l;
  }
}

const families = new Map<string, HorizonFamily>();

/** The cached family for (α, h); h already on the grid. */
export function horizonFamily(alpha: number, h: number): HorizonFamily {
  const key = `${alpha}|${h}`;
  let family = families.get(key);
  if (!family) {
    if (families.size > 2000) families.clear();
    families.set(key, (family = new HorizonFamily(alpha, h)));
  }
  return family;
}

/**
 * How far the deadline's information lies beyond the current one, from the elapsed fraction f of
 * the test's time alone: at a constant rate it is 1/f; the projection adds a margin of 1/√f, wide
 * early (a quiet first hour must not set the horizon for good, since it only goes down) and gone
 * at the deadline. Overshooting costs little: the late line is flat near its tightest point.
 */
export function projectionRatio(elapsedFraction: number): number {
  const f = Math.min(1, Math.max(1e-9, elapsedFraction));
  return 1 + (1 - f) / (f * Math.sqrt(f));
}
