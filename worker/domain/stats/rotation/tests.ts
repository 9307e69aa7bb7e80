// The randomisation tests on day data. The statistic is a studentised day-level regression of
// log CTR on the variants, adjusted for days since the start, the weekday (once there are days
// enough) and the channel's other videos that day (the concurrent control). Any statistic is
// exact under re-drawn schedules, since the schedule cannot change the days' numbers under the
// null: the global test re-draws whole schedules from the design, each pair's test swaps its two
// variants within blocks (conditional on where the other variants are).
import { mixSeed, mulberry32 } from "../random";
import type { DayData, RotationData } from "./data";
import { type Assignment, drawAssignment, isAllowed } from "./design";
import { type Fit, fitDays, solve, wald } from "./regression";

/** Weekday terms cost two degrees of freedom; below this many days they cost more than they remove. */
const WEEKDAY_TERMS_FROM_DAYS = 18;
/** The control's |t| (without the variants) above which it enters the model: about p < 0.1. */
const CONTROL_T = 1.7;
/** Enumerate a randomisation set when it is at most this large, else sample it. */
const ENUMERATE_UP_TO = 4096;

interface Counted {
  day: DayData;
  /** Position in the assignment (block · K + place). */
  at: number;
}

/** The counted days of blocks 0…look, in order. */
function daysUpTo(data: RotationData, look: number): Counted[] {
  const k = data.shape.variants;
  const out: Counted[] = [];
  for (let b = 0; b <= look; b++) data.blocks[b].days?.forEach((day, p) => out.push({ day, at: b * k + p }));
  return out;
}

/**
 * One look's regression with the variants left out: the covariates (intercept, age, the control,
 * the weekday's two harmonics once there are days enough), the weights 1/(1/clicks + τ²) with τ²
 * from the covariates alone (so the weights do not depend on the schedule), and the annihilator
 * M = I − Z(Z'WZ)⁻¹Z'W. By Frisch–Waugh–Lovell, every schedule's fit then costs a few dot products.
 */
interface LookModel {
  days: Counted[];
  w: number[];
  /** M as rows; M·y is the outcome with the covariates taken out. */
  m: number[][];
  yTilde: number[];
  yy: number;
  df: number;
}

const models = new WeakMap<RotationData, Map<number, LookModel | null>>();

function lookModel(data: RotationData, look: number): LookModel | null {
  let cache = models.get(data);
  if (!cache) models.set(data, (cache = new Map()));
  if (cache.has(look)) return cache.get(look)!;
  const days = daysUpTo(data, look);
  const weekdays = days.length >= WEEKDAY_TERMS_FROM_DAYS;
  const meanAge = days.reduce((s, d) => s + d.day.age, 0) / Math.max(1, days.length);
  const y = days.map((d) => d.day.y);
  const precision = days.map((d) => d.day.precision);
  const covariates = (control: boolean) =>
    days.map(({ day }) => {
      const row = [1, (day.age - meanAge) / 7];
      if (control) row.push(day.control!);
      if (weekdays) row.push(Math.cos((2 * Math.PI * day.weekday) / 7), Math.sin((2 * Math.PI * day.weekday) / 7));
      return row;
    });
  const enough = (x: number[][]) => days.length > (x[0]?.length ?? 0) + data.shape.variants;
  // The control is used when the days show it tracks this video (its t in the fit without the
  // variants): a fact of the data alone, the same for every schedule, so the test stays exact.
  let z = covariates(false);
  let covariatesOnly = enough(z) ? fitDays(y, z, precision) : null;
  if (data.hasControl) {
    const withControl = covariates(true);
    const fit = enough(withControl) ? fitDays(y, withControl, precision) : null;
    if (fit && Math.abs(fit.beta[2]) > CONTROL_T * Math.sqrt(fit.cov[2][2])) [z, covariatesOnly] = [withControl, fit];
  }
  const q = z[0]?.length ?? 0;
  let model: LookModel | null = null;
  if (covariatesOnly) {
    const w = days.map((d) => 1 / (1 / d.day.precision + covariatesOnly.tau2));
    const ztwz = Array.from({ length: q }, (_, i) =>
      Array.from({ length: q }, (__, j) => z.reduce((s, row, d) => s + w[d] * row[i] * row[j], 0)),
    );
    const inverse = solve(
      ztwz,
      ztwz.map((_, i) => ztwz.map((__, j) => (i === j ? 1 : 0))),
    );
    if (inverse) {
      // M[d][e] = δ(d, e) − z_d' (Z'WZ)⁻¹ z_e w_e
      const zInv = z.map((row) => inverse.map((col) => col.reduce((s, v, j) => s + v * row[j], 0)));
      const m = days.map((_, d) => days.map((__, e) => (d === e ? 1 : 0) - zInv[d].reduce((s, v, j) => s + v * z[e][j], 0) * w[e]));
      const yTilde = m.map((row) => row.reduce((s, v, e) => s + v * y[e], 0));
      const yy = yTilde.reduce((s, v, d) => s + w[d] * v * v, 0);
      model = { days, w, m, yTilde, yy, df: days.length - q - (data.shape.variants - 1) };
    }
  }
  cache.set(look, model);
  return model;
}

/** One schedule's fit at a look: the variants' effects over variant 0 (β), (X̃'WX̃)⁻¹, X̃'Wỹ, X̃'WX̃. */
interface ScheduleFit {
  model: LookModel;
  /** X̃ columns for variants 1…K−1 (covariates taken out). */
  columns: number[][];
  xtx: number[][];
  inverse: number[][];
}

function scheduleFit(data: RotationData, assignment: Assignment, look: number): ScheduleFit | null {
  const model = lookModel(data, look);
  if (!model) return null;
  const k = data.shape.variants;
  const n = model.days.length;
  const columns = Array.from({ length: k - 1 }, () => new Array<number>(n).fill(0));
  model.days.forEach(({ at }, e) => {
    const v = assignment[at];
    if (v === 0) return;
    const column = columns[v - 1];
    for (let d = 0; d < n; d++) column[d] += model.m[d][e];
  });
  const xtx = columns.map((a) => columns.map((b) => a.reduce((s, v, d) => s + model.w[d] * v * b[d], 0)));
  const inverse = solve(
    xtx,
    xtx.map((_, i) => xtx.map((__, j) => (i === j ? 1 : 0))),
  );
  return inverse ? { model, columns, xtx, inverse } : null;
}

/**
 * The fit's coefficients and studentised covariance. With `shift`, the outcome is y + Δ·moved
 * (moved per assignment position: +1, −1 or 0), i.e. ỹ + Δ·M·moved after the covariates.
 */
export function fitAssignment(
  data: RotationData,
  assignment: Assignment,
  look: number,
  shift?: { by: number; moved: number[] },
): Fit | null {
  const f = scheduleFit(data, assignment, look);
  if (!f || f.model.df < 1) return null;
  const { model, columns, inverse } = f;
  let y = model.yTilde;
  if (shift && shift.by !== 0) {
    const moved = model.days.map(({ at }) => shift.moved[at]);
    y = model.m.map((row, d) => model.yTilde[d] + shift.by * row.reduce((s, v, e) => s + v * moved[e], 0));
  }
  const xty = columns.map((c) => c.reduce((s, v, d) => s + model.w[d] * v * y[d], 0));
  const yy = y === model.yTilde ? model.yy : y.reduce((s, v, d) => s + model.w[d] * v * v, 0);
  const beta = inverse.map((row) => row.reduce((s, v, j) => s + v * xty[j], 0));
  const rss = Math.max(yy - beta.reduce((s, b, i) => s + b * xty[i], 0), 0);
  const scale = Math.max(rss / model.df, 1e-12);
  return { beta, cov: inverse.map((row) => row.map((v) => v * scale)), df: model.df, tau2: 0 };
}

/** Effect of variant v relative to variant 0 in a fit (0 for variant 0 itself). */
const coefficient = (fit: Fit, v: number) => (v === 0 ? 0 : fit.beta[v - 1]);

function contrast(width: number, i: number, j: number): number[] {
  const c = new Array<number>(width).fill(0);
  if (i > 0) c[i - 1] += 1;
  if (j > 0) c[j - 1] -= 1;
  return c;
}

/** Path over looks of the global Wald statistic (no variant matters), for one assignment. */
export function globalPath(data: RotationData, assignment: Assignment): number[] {
  const k = data.shape.variants;
  return data.blocks.map((_, look) => {
    const fit = fitAssignment(data, assignment, look);
    if (!fit) return 0;
    return wald(
      fit,
      Array.from({ length: k - 1 }, (__, v) => contrast(fit.beta.length, v + 1, 0)),
    );
  });
}

/** Signed t of variant i over variant j; 0 when the days cannot fit the model yet. */
export function pairT(fit: Fit | null, i: number, j: number): number {
  if (!fit) return 0;
  const c = contrast(fit.beta.length, i, j);
  const est = coefficient(fit, i) - coefficient(fit, j);
  const variance = c.reduce((s, ci, a) => s + ci * c.reduce((t, cj, b) => t + cj * fit.cov[a][b], 0), 0);
  return variance > 0 ? est / Math.sqrt(variance) : 0;
}

/** Every variant's effect (log CTR) relative to the variants' mean, for the observed schedule at the latest look. */
export function effects(data: RotationData): number[] {
  const k = data.shape.variants;
  const fit = fitAssignment(data, data.assignment, data.blocks.length - 1);
  const raw = Array.from({ length: k }, (_, v) => (fit ? coefficient(fit, v) : 0));
  const mean = raw.reduce((s, x) => s + x, 0) / k;
  return raw.map((x) => x - mean);
}

/** Every block order of the design, when there are few (the observed first); else null. */
function enumerated(data: RotationData): Assignment[] | null {
  const { variants: k, blocks } = data.shape;
  const orders = permutations(k);
  if (orders.length ** blocks > ENUMERATE_UP_TO) return null;
  const out: Assignment[] = [data.assignment];
  const key = data.assignment.join();
  for (let code = 0; code < orders.length ** blocks; code++) {
    const a: Assignment = [];
    for (let b = 0, c = code; b < blocks; b++, c = Math.floor(c / orders.length)) a.push(...orders[c % orders.length]);
    if (a.join() !== key && isAllowed(data.shape, a, data.limit)) out.push(a);
  }
  return out;
}

function permutations(k: number): number[][] {
  if (k === 1) return [[0]];
  return permutations(k - 1).flatMap((p) => Array.from({ length: k }, (_, at) => [...p.slice(0, at), k - 1, ...p.slice(at)]));
}

/**
 * The schedules the global test compares with: the observed one first, then every other schedule
 * of the design when there are few (an exact p), else `count` seeded draws (p = (1 + #≥)/(1 + count)).
 */
export function referenceAssignments(data: RotationData, seed: number, count: number): Assignment[] {
  return (
    enumerated(data) ?? [
      data.assignment,
      ...Array.from({ length: count }, (_, m) => drawAssignment(data.shape, mixSeed(seed, 0x9e7, m), data.limit)),
    ]
  );
}

/**
 * Assignments for the pair test of i and j: within each block the two keep or swap places. The
 * identity comes first; every allowed pattern when there are at most 2^12, else a seeded sample.
 */
export function swapAssignments(data: RotationData, i: number, j: number, seed: number, sample = 999): Assignment[] {
  const { shape, assignment } = data;
  const k = shape.variants;
  const blocks = shape.blocks;
  const apply = (signs: number[]) =>
    assignment.map((v, p) => (signs[Math.floor(p / k)] < 0 && (v === i || v === j) ? (v === i ? j : i) : v));
  const out: Assignment[] = [assignment];
  if (2 ** blocks <= ENUMERATE_UP_TO) {
    for (let code = 1; code < 2 ** blocks; code++) {
      const a = apply(Array.from({ length: blocks }, (_, b) => ((code >> b) & 1 ? -1 : 1)));
      if (isAllowed(shape, a, data.limit)) out.push(a);
    }
    return out;
  }
  const rand = mulberry32(mixSeed(seed, 0x5a9, i, j));
  for (let tries = 0; out.length <= sample && tries < 50 * sample; tries++) {
    const a = apply(Array.from({ length: blocks }, () => (rand() < 0.5 ? -1 : 1)));
    if (isAllowed(shape, a, data.limit)) out.push(a);
  }
  return out;
}

/** Paths over looks of |t| for i over j, one per assignment. */
export function pairPaths(data: RotationData, assignments: Assignment[], i: number, j: number): number[][] {
  return assignments.map((a) => data.blocks.map((_, look) => Math.abs(pairT(fitAssignment(data, a, look), i, j))));
}

/** Estimated log CTR ratio of i over j (not studentised: it moves linearly with a shift, so the inversion is monotone). */
const pairDifference = (fit: Fit | null, i: number, j: number) => (fit ? coefficient(fit, i) - coefficient(fit, j) : 0);

/**
 * One-sided bound for the shift Δ (log CTR ratio of i over j) by inverting the swap test at the
 * latest look: the lower bound is the smallest Δ the test "i − j > Δ" does not reject at level α.
 */
export function shiftBound(
  data: RotationData,
  assignments: Assignment[],
  i: number,
  j: number,
  alpha: number,
  side: "lower" | "upper",
): number {
  const look = data.blocks.length - 1;
  const observedT = pairDifference(fitAssignment(data, data.assignment, look), i, j);
  const sign = side === "lower" ? 1 : -1;
  const p = (by: number) => {
    // Each day's outcome as if it had shown j (−Δ on the observed i days), then +Δ where an assignment shows i.
    let atLeast = 0;
    for (const a of assignments) {
      const t = a === data.assignment ? observedT : pairDifference(fitShifted(data, a, look, i, by), i, j);
      if (sign * t >= sign * observedT - 1e-9) atLeast++;
    }
    return atLeast / assignments.length;
  };
  // p rises as Δ moves toward the data's side; search [−3, 3] in log units (a factor of 20).
  let inside = sign * 3;
  let outside = -inside;
  if (p(outside) > alpha) return outside;
  if (p(inside) <= alpha) return inside;
  for (let step = 0; step < 24; step++) {
    const mid = (inside + outside) / 2;
    if (p(mid) > alpha) inside = mid;
    else outside = mid;
  }
  return inside;
}

/** The fit of assignment a on outcomes y − Δ·[observed shows i] + Δ·[a shows i]: two shifts, linear in ỹ. */
function fitShifted(data: RotationData, a: Assignment, look: number, i: number, by: number): Fit | null {
  // Days the observed schedule shows i move by −Δ, days a shows i by +Δ; days both show i cancel.
  const moved = data.assignment.map((v, p) => (a[p] === i ? 1 : 0) - (v === i ? 1 : 0));
  return fitAssignment(data, a, look, { by, moved });
}
