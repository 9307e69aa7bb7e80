// Daily rows in, per-block measurements out. A block counts once every measured day in it has
// a row; the analysis uses the complete blocks from the start, so a missing day holds the test
// at the block before it (send 0 impressions for a day without traffic).
import type { PushError } from "../push";
import { isDay as isDate } from "../../youtube/pacific";
import { type Assignment, type DesignShape, isAllowed } from "./design";
import { type RotationSchedule, shapeOf } from "./schedule";

export interface RotationRow {
  date: string;
  impressions: number;
  clicks: number;
  watchMinutes?: number;
  /** Optional check: the variant the integrator believes was shown that day. */
  variantId?: string;
}

export interface BlockData {
  /** Per position in the block (the block's measured days in date order). */
  impressions: number[];
  clicks: number[];
  watchMinutes: (number | null)[];
  /** log CTR, shrunk half a click so a day without clicks stays finite. */
  logCtr: number[];
  /** Inverse of the summed per-day variance proxies: the block contrast's precision. */
  weight: number;
  /** Index in schedule.days of the block's last measured day. */
  lastDay: number;
}

export interface RotationData {
  shape: DesignShape;
  /** The imbalance the schedule was drawn under: the randomisation the analysis re-draws from. */
  limit: number;
  /** The schedule's own assignment: variant index per measured period. */
  assignment: Assignment;
  blocks: BlockData[];
}

/**
 * `lostDates` are measured days whose planned variant was not live all day (a failed swap): their
 * block counts with weight 0, so it adds nothing, and later blocks still count. Dropping a block
 * for a reason unrelated to which variant was due (a spent quota, an outage, a lost grant) keeps
 * the randomisation test exact; a loss caused by one variant would not, so the images are made
 * once, before the test starts, and cannot fail on one variant's day.
 */
export function readRows(
  schedule: RotationSchedule,
  rows: RotationRow[],
  lostDates: readonly string[] = [],
): { ok: true; data: RotationData } | { ok: false; errors: PushError[] } {
  const errors: PushError[] = [];
  const k = schedule.variantIds.length;
  const shape = shapeOf(k, schedule.blocks, schedule.startDate, schedule.washoutDays);
  const measured = schedule.days.map((d, i) => ({ ...d, index: i })).filter((d) => d.measured);
  const assignment = measured.map((d) => schedule.variantIds.indexOf(d.variantId));
  const limit = schedule.imbalanceLimit;
  if (measured.length !== k * schedule.blocks || assignment.some((v) => v < 0) || !isAllowed(shape, assignment, limit)) {
    return {
      ok: false,
      errors: [{ path: "schedule", message: "is not a schedule this design can draw; build it with buildRotationSchedule" }],
    };
  }
  const byDate = new Map(schedule.days.map((d) => [d.date, d]));
  const found = new Map<string, RotationRow>();
  if (!Array.isArray(rows)) return { ok: false, errors: [{ path: "rows", message: "must be a list" }] };
  rows.forEach((r, i) => {
    const at = `rows.${i}`;
    if (!isDate(r.date)) return errors.push({ path: `${at}.date`, message: "must be a date, YYYY-MM-DD" });
    const day = byDate.get(r.date);
    if (!day) return errors.push({ path: `${at}.date`, message: "is not a day of this rotation" });
    if (found.has(r.date)) return errors.push({ path: `${at}.date`, message: "appears more than once" });
    found.set(r.date, r);
    for (const field of ["impressions", "clicks"] as const) {
      if (!(Number.isInteger(r[field]) && r[field] >= 0 && r[field] <= 1e12))
        errors.push({ path: `${at}.${field}`, message: "must be a whole number ≥ 0" });
    }
    if (r.clicks > r.impressions) errors.push({ path: `${at}.clicks`, message: "exceeds impressions" });
    if (r.watchMinutes !== undefined && !(Number.isFinite(r.watchMinutes) && r.watchMinutes >= 0)) {
      errors.push({ path: `${at}.watchMinutes`, message: "must be a number ≥ 0" });
    }
    if (r.variantId !== undefined && r.variantId !== day.variantId) {
      errors.push({ path: `${at}.variantId`, message: `the schedule shows ${day.variantId} on ${r.date}` });
    }
  });
  if (errors.length) return { ok: false, errors };
  const blocks: BlockData[] = [];
  for (let b = 0; b < schedule.blocks; b++) {
    const days = measured.slice(b * k, b * k + k);
    if (days.some((d) => lostDates.includes(d.date))) {
      const zeros = new Array<number>(k).fill(0);
      blocks.push({
        impressions: zeros,
        clicks: zeros,
        watchMinutes: zeros.map(() => null),
        logCtr: zeros,
        weight: 0,
        lastDay: days[k - 1].index,
      });
      continue;
    }
    const got = days.map((d) => found.get(d.date));
    if (got.some((r) => !r)) break;
    const impressions = got.map((r) => r!.impressions);
    const clicks = got.map((r) => r!.clicks);
    blocks.push({
      impressions,
      clicks,
      watchMinutes: got.map((r) => r!.watchMinutes ?? null),
      logCtr: impressions.map((n, p) => Math.log((clicks[p] + 0.5) / (n + 1))),
      // Var(log CTR) ≈ (1 − p)/(n·p): with similar CTRs the block's precision is 1/Σ 1/n.
      weight: 1 / impressions.reduce((s, n) => s + 1 / (n + 0.5), 0),
      lastDay: days[k - 1].index,
    });
  }
  return { ok: true, data: { shape, limit, assignment, blocks } };
}
