// The randomisation tests on day data. The statistic is a studentised day-level regression of
// log CTR on the variants, adjusted for days since the start, the weekday (once there are days
// enough) and the channel's other videos that day (the concurrent control). Any statistic is
// exact under the schedules sets.ts re-draws: under the null the schedule cannot change the days.
import type { DayData, RotationData } from "./data";
import type { Assignment } from "./design";
import { type Fit, fitDays, solve, wald } from "./regression";

/** Weekday terms cost two degrees of freedom; below this many days they cost more than they remove. */
const WEEKDAY_TERMS_FROM_DAYS = 18;
/** The weekday harmonics' F (without the variants) above which they enter the model: about p < 0.1. */
const WEEKDAY_F = 2.5;
/**
 * The control's |t| (without the variants) above which it enters the model: about p < 0.3. A
 * stricter gate (1.7) left it out of too many channels whose videos share half their day noise.
 */
const CONTROL_T = 1;

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
 * One look's regression with the variants left out: the covariates Z (intercept, age, the control,
 * the weekday's two harmonics once there are days enough), the weights 1/(1/clicks + τ²) with τ²
 * from the covariates alone (so the weights do not depend on the schedule), A = (Z'WZ)⁻¹ and the
 * outcome with the covariates taken out, ỹ = M·y with M = I − Z·A·Z'W. By Frisch–Waugh–Lovell a
 * schedule's fit needs only sums over the days each variant was shown (M is never formed: with
 * M'WM = WM, X̃'Wỹ = X'Wỹ and X̃'WX̃ = X'WX − (Z'WX)'A(Z'WX)), a few dot products per schedule.
 */
interface LookModel {
  days: Counted[];
  w: number[];
  /** w_d·z_d per day. */
  wz: number[][];
  /** (Z'WZ)⁻¹. */
  a: number[][];
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
  const meanAge = days.reduce((s, d) => s + d.day.age, 0) / Math.max(1, days.length);
  const y = days.map((d) => d.day.y);
  const precision = days.map((d) => d.day.precision);
  const covariates = (control: boolean, weekdays: boolean) =>
    days.map(({ day }) => {
      const row = [1, (day.age - meanAge) / 7];
      if (control) row.push(day.control!);
      if (weekdays) row.push(Math.cos((2 * Math.PI * day.weekday) / 7), Math.sin((2 * Math.PI * day.weekday) / 7));
      return row;
    });
  const enough = (x: number[][]) => days.length > (x[0]?.length ?? 0) + data.shape.variants;
  const fitOf = (x: number[][]) => (enough(x) ? fitDays(y, x, precision) : null);
  // Each covariate enters when the days show it matters (its t, or F, in the fit without the
  // variants): a fact of the data alone, the same for every schedule, so the test stays exact;
  // one that does not matter would only cost a degree of freedom and add variance.
  let control = false;
  let z = covariates(false, false);
  let covariatesOnly = fitOf(z);
  if (data.hasControl) {
    const withControl = covariates(true, false);
    const fit = fitOf(withControl);
    if (fit && Math.abs(fit.beta[2]) > CONTROL_T * Math.sqrt(fit.cov[2][2])) [z, covariatesOnly, control] = [withControl, fit, true];
  }
  if (days.length >= WEEKDAY_TERMS_FROM_DAYS) {
    const withWeekdays = covariates(control, true);
    const fit = fitOf(withWeekdays);
    const at = withWeekdays[0].length - 2;
    const harmonics = [at, at + 1].map((c) => withWeekdays[0].map((_, j) => (j === c ? 1 : 0)));
    if (fit && wald(fit, harmonics) / 2 > WEEKDAY_F) [z, covariatesOnly] = [withWeekdays, fit];
  }
  const q = z[0]?.length ?? 0;
  let model: LookModel | null = null;
  if (covariatesOnly) {
    const w = days.map((d) => 1 / (1 / d.day.precision + covariatesOnly.tau2));
    const wz = z.map((row, d) => row.map((v) => v * w[d]));
    const ztwz = Array.from({ length: q }, (_, i) =>
      Array.from({ length: q }, (__, j) => z.reduce((s, row, d) => s + wz[d][i] * row[j], 0)),
    );
    const a = solve(
      ztwz,
      ztwz.map((_, i) => ztwz.map((__, j) => (i === j ? 1 : 0))),
    );
    if (a) {
      const zty = Array.from({ length: q }, (_, i) => wz.reduce((s, row, d) => s + row[i] * y[d], 0));
      const gamma = a.map((row) => row.reduce((s, v, j) => s + v * zty[j], 0));
      const yTilde = y.map((v, d) => v - z[d].reduce((s, x, j) => s + x * gamma[j], 0));
      const yy = yTilde.reduce((s, v, d) => s + w[d] * v * v, 0);
      model = { days, w, wz, a, yTilde, yy, df: days.length - q - (data.shape.variants - 1) };
    }
  }
  cache.set(look, model);
  return model;
}

/** x'Ay for a small matrix A. */
function quad(x: number[], a: number[][], y: number[]): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) for (let j = 0; j < y.length; j++) s += x[i] * a[i][j] * y[j];
  return s;
}

/**
 * The fit's coefficients (variants 1…K−1 over variant 0) and studentised covariance. With `shift`,
 * the outcome is y + Δ·moved (moved per assignment position: +1, −1 or 0).
 */
export function fitAssignment(
  data: RotationData,
  assignment: Assignment,
  look: number,
  shift?: { by: number; moved: number[] },
): Fit | null {
  const model = lookModel(data, look);
  if (!model || model.df < 1) return null;
  const k = data.shape.variants;
  const q = model.a.length;
  const { w, wz, yTilde, days } = model;
  // Per variant column: Σw, Σw·z, Σw·ỹ over the days it was shown.
  const sw = new Array<number>(k - 1).fill(0);
  const swy = new Array<number>(k - 1).fill(0);
  const swz = Array.from({ length: k - 1 }, () => new Array<number>(q).fill(0));
  for (let d = 0; d < days.length; d++) {
    const v = assignment[days[d].at] - 1;
    if (v < 0) continue;
    sw[v] += w[d];
    swy[v] += w[d] * yTilde[d];
    const row = wz[d];
    const target = swz[v];
    for (let j = 0; j < q; j++) target[j] += row[j];
  }
  const xtx = swz.map((s, i) => swz.map((t, j) => (i === j ? sw[i] : 0) - quad(s, model.a, t)));
  // A variant the covariates explain (none of its days yet, or all of them) has no effect to fit.
  if (xtx.some((row, i) => !(row[i] > 1e-9 * sw[i]))) return null;
  const inverse =
    k === 2
      ? [[1 / xtx[0][0]]]
      : solve(
          xtx,
          xtx.map((_, i) => xtx.map((__, j) => (i === j ? 1 : 0))),
        );
  if (!inverse) return null;
  const xty = swy;
  let yy = model.yy;
  if (shift && shift.by !== 0) {
    // ỹ + Δ·M·m: X'W·Mm = Σ_v w·m − (Z'WX)'A(Z'Wm); ỹ'W·Mm = m'Wỹ; m'WMm = m'Wm − g'Ag.
    const g = new Array<number>(q).fill(0);
    const swm = new Array<number>(k - 1).fill(0);
    let mwy = 0;
    let mwm = 0;
    for (let d = 0; d < days.length; d++) {
      const m = shift.moved[days[d].at];
      if (m === 0) continue;
      for (let j = 0; j < q; j++) g[j] += wz[d][j] * m;
      mwy += w[d] * m * yTilde[d];
      mwm += w[d] * m * m;
      const v = assignment[days[d].at] - 1;
      if (v >= 0) swm[v] += w[d] * m;
    }
    const by = shift.by;
    for (let v = 0; v < k - 1; v++) xty[v] += by * (swm[v] - quad(swz[v], model.a, g));
    yy += 2 * by * mwy + by * by * (mwm - quad(g, model.a, g));
  }
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
  const lines = shiftLines(data, assignments, i, j, look);
  const sign = side === "lower" ? 1 : -1;
  const p = (by: number) => {
    // Each day's outcome as if it had shown j (−Δ on the observed i days), then +Δ where an assignment shows i.
    let atLeast = 0;
    for (let m = 0; m < assignments.length; m++) {
      const t = m === 0 ? observedT : lines.at[m] + by * lines.slope[m];
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

const lineCache = new WeakMap<Assignment[], { key: string; at: Float64Array; slope: Float64Array }>();

/**
 * Each assignment's estimate of i − j on the shifted outcomes is linear in Δ (the fit is linear in
 * y and the weights do not move), so two fits per assignment give it for every Δ the search tries.
 */
function shiftLines(data: RotationData, assignments: Assignment[], i: number, j: number, look: number) {
  const key = `${i}|${j}|${look}`;
  const cached = lineCache.get(assignments);
  if (cached && cached.key === key) return cached;
  const at = new Float64Array(assignments.length);
  const slope = new Float64Array(assignments.length);
  assignments.forEach((a, m) => {
    if (m === 0) return;
    at[m] = pairDifference(fitAssignment(data, a, look), i, j);
    slope[m] = pairDifference(fitShifted(data, a, look, i, 1), i, j) - at[m];
  });
  const lines = { key, at, slope };
  lineCache.set(assignments, lines);
  return lines;
}

/** The fit of assignment a on outcomes y − Δ·[observed shows i] + Δ·[a shows i]: two shifts, linear in ỹ. */
function fitShifted(data: RotationData, a: Assignment, look: number, i: number, by: number): Fit | null {
  // Days the observed schedule shows i move by −Δ, days a shows i by +Δ; days both show i cancel.
  const moved = data.assignment.map((v, p) => (a[p] === i ? 1 : 0) - (v === i ? 1 : 0));
  return fitAssignment(data, a, look, { by, moved });
}
