// The time windows budgets count in. Pure: the clock comes in as an argument.
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

export const utcDayStart = (now: number) => now - (((now % DAY_MS) + DAY_MS) % DAY_MS);
export const nextUtcMidnight = (now: number) => utcDayStart(now) + DAY_MS;
export const hourStart = (now: number) => now - (((now % HOUR_MS) + HOUR_MS) % HOUR_MS);

const PACIFIC = new Intl.DateTimeFormat("en-US", {
  timeZone: "America/Los_Angeles",
  hourCycle: "h23",
  year: "numeric",
  month: "numeric",
  day: "numeric",
  hour: "numeric",
  minute: "numeric",
  second: "numeric",
});

function pacificParts(ms: number) {
  const parts = Object.fromEntries(PACIFIC.formatToParts(new Date(ms)).map((p) => [p.type, Number(p.value)]));
  return parts as Record<"year" | "month" | "day" | "hour" | "minute" | "second", number>;
}

/** How far Pacific wall-clock time is from UTC at `ms` (negative: -7 h or -8 h). */
function pacificOffset(ms: number): number {
  const p = pacificParts(ms);
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return wall - Math.floor(ms / 1000) * 1000;
}

/**
 * Midnight Pacific Time of the day containing `now`: YouTube's quota resets then, so a cap on
 * that quota must count in the same days (a UTC day would straddle two quota days).
 */
export function pacificDayStart(now: number): number {
  const p = pacificParts(now);
  const midnightWall = Date.UTC(p.year, p.month - 1, p.day);
  // Daylight saving changes at 2 a.m., so the offset at midnight may differ from the one now.
  return midnightWall - pacificOffset(midnightWall - pacificOffset(now));
}

/** The next Pacific midnight; a day there lasts 23, 24 or 25 hours. */
export const nextPacificMidnight = (now: number) => pacificDayStart(pacificDayStart(now) + DAY_MS + 2 * HOUR_MS);
