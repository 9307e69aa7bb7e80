// The time windows budgets count in. Pure: the clock comes in as an argument.
import { nextPacificMidnight, pacificDay, pacificMidnight } from "../domain/youtube/pacific";
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

export const utcDayStart = (now: number) => now - (((now % DAY_MS) + DAY_MS) % DAY_MS);
export const nextUtcMidnight = (now: number) => utcDayStart(now) + DAY_MS;
export const hourStart = (now: number) => now - (((now % HOUR_MS) + HOUR_MS) % HOUR_MS);

/**
 * Midnight Pacific Time of the day containing `now`: YouTube's quota resets then, so a cap on
 * that quota must count in the same days (a UTC day would straddle two quota days). The calendar
 * is the one in domain/youtube/pacific.ts, which the quota ledger and the rotations use too.
 */
export const pacificDayStart = (now: number) => pacificMidnight(pacificDay(now));

export { nextPacificMidnight };
