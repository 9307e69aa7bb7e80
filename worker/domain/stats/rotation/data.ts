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
  /** The channel's other videos that day, together (the concurrent control); omit when unknown. */
  channelImpressions?: number;
  channelClicks?: number;
  /** Optional check: the variant the integrator believes was shown that day. */
  variantId?: string;
}

/** One measured day, as the regression reads it. */
export interface DayData {
  impressions: number;
  clicks: number;
  watchMinutes: number | null;
  /** log CTR, shrunk half a click so a day without clicks stays finite. */
  y: number;
  /** Binomial precision of y: about the day's clicks. */
  precision: number;
  /** log CTR of the channel's other videos that day (the concurrent control), when reported. */
  control: number | null;
  /** Days since the start date, and the weekday (0–6). */
  age: number;
  weekday: number;
}

export interface BlockData {
  /** Per position in the block (its measured days in date order); null for a lost block. */
  days: DayData[] | null;
  /** Index in schedule.days of the block's last measured day. */
  lastDay: number;
}

export interface RotationData {
  shape: DesignShape;
  /** The imbalance the schedule was drawn under: the randomisation the analysis re-draws from. */
  limit: number;
  /** The schedule's own assignment: variant index per measured period. */
  assignment: Assignment;
  /** The complete blocks from the start, in order. */
  blocks: BlockData[];
  /** Every counted day has the channel's other videos' numbers. */
  hasControl: boolean;
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
  const shape = shapeOf(k, schedule.blocks, schedule.startDate, schedule.washoutDays, schedule.design ?? "blocks");
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
    if (r.channelImpressions !== undefined || r.channelClicks !== undefined) {
      const [n, c] = [r.channelImpressions, r.channelClicks];
      if (!(Number.isInteger(n) && Number.isInteger(c) && c! >= 0 && c! <= n! && n! <= 1e12))
        errors.push({ path: `${at}.channelClicks`, message: "channel impressions and clicks must be whole numbers, clicks ≤ impressions" });
    }
    if (r.watchMinutes !== undefined && !(Number.isFinite(r.watchMinutes) && r.watchMinutes >= 0)) {
      errors.push({ path: `${at}.watchMinutes`, message: "must be a number ≥ 0" });
    }
    if (r.variantId !== undefined && r.variantId !== day.variantId) {
      errors.push({ path: `${at}.variantId`, message: `the schedule shows ${day.variantId} on ${r.date}` });
    }
  });
  if (errors.length) return { ok: false, errors };
  const blocks: BlockData[] = [];
  const logCtr = (clicks: number, n: number) => Math.log((clicks + 0.5) / (n + 1));
  for (let b = 0; b < schedule.blocks; b++) {
    const days = measured.slice(b * k, b * k + k);
    if (days.some((d) => lostDates.includes(d.date))) {
      blocks.push({ days: null, lastDay: days[k - 1].index });
      continue;
    }
    const got = days.map((d) => found.get(d.date));
    if (got.some((r) => !r)) break;
    blocks.push({
      days: got.map((r, p) => {
        const row = r!;
        const control =
          row.channelImpressions && row.channelClicks !== undefined ? logCtr(row.channelClicks, row.channelImpressions) : null;
        return {
          impressions: row.impressions,
          clicks: row.clicks,
          watchMinutes: row.watchMinutes ?? null,
          y: logCtr(row.clicks, row.impressions),
          precision: 1 / (1 / (row.clicks + 0.5) + 1 / (row.impressions + 1)),
          control,
          age: days[p].index,
          weekday: shape.weekdays[b * k + p],
        };
      }),
      lastDay: days[k - 1].index,
    });
  }
  const counted = blocks.flatMap((b) => b.days ?? []);
  const hasControl = counted.length > 0 && counted.every((d) => d.control !== null);
  return { ok: true, data: { shape, limit, assignment, blocks, hasControl } };
}
