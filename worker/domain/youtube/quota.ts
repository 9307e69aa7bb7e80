// Data API quota accounting. Google counts units per Cloud project per Pacific day (10,000 by
// default) and charges a call whether or not it succeeds, so the ledger records every call made.
// The Reporting and Analytics APIs have quotas of their own and cost nothing here.
import { pacificDay } from "./pacific";

export const DATA_API_COSTS = {
  "channels.list": 1,
  "playlistItems.list": 1,
  "videos.list": 1,
  "videos.update": 50,
  "thumbnails.set": 50,
} as const;

export type DataApiMethod = keyof typeof DATA_API_COSTS;
export const DEFAULT_DAILY_QUOTA_UNITS = 10_000;

/** One call's cost. The id makes recording it idempotent: record the same charge twice, count it once. */
export interface QuotaCharge {
  id: string;
  /** Pacific day the units count against. */
  day: string;
  method: DataApiMethod;
  units: number;
  at: number;
}

export function chargeFor(id: string, method: DataApiMethod, atMs: number): QuotaCharge {
  return { id, day: pacificDay(atMs), method, units: DATA_API_COSTS[method], at: atMs };
}

export interface SwapKind {
  thumbnail: boolean;
  title: boolean;
}

/** One swap: thumbnails.set, then videos.list to verify; a title is videos.list then videos.update. */
export function swapUnits(kind: SwapKind): number {
  const c = DATA_API_COSTS;
  return (kind.thumbnail ? c["thumbnails.set"] + c["videos.list"] : 0) + (kind.title ? c["videos.list"] + c["videos.update"] : 0);
}

/**
 * A rotation's plan: `days` daily swaps, the return to the original after the last day (while
 * YouTube's last reports are awaited) and the final restore. 3 variants × 21 days of thumbnails: 1,173.
 */
export function rotationUnits(days: number, kind: SwapKind): number {
  return (days + 2) * swapUnits(kind);
}

export interface BudgetCheck {
  ok: boolean;
  /** The first day the plan would overrun, with what it would use then. */
  overrun: { day: string; used: number; planned: number; budget: number } | null;
}

/**
 * Whether planned units fit the daily budget on top of what is already used (or booked) each day.
 * A test whose plan overruns any day must not start; a swap that overruns today waits for tomorrow.
 */
export function fitsBudget(planned: Map<string, number>, used: Map<string, number>, budget: number): BudgetCheck {
  for (const day of [...planned.keys()].sort()) {
    const p = planned.get(day)!;
    const u = used.get(day) ?? 0;
    if (u + p > budget) return { ok: false, overrun: { day, used: u, planned: p, budget } };
  }
  return { ok: true, overrun: null };
}
