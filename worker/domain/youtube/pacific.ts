// Pacific calendar days, the unit of YouTube's quota reset, of its reports and of a rotation's
// swaps. The US rule (since 2007) is coded directly instead of asking Intl, so the result is the
// same in every runtime: PDT (UTC-7) from the second Sunday of March, 02:00 PST, to the first
// Sunday of November, 02:00 PDT; PST (UTC-8) otherwise.

const HOUR = 3_600_000;
export const DAY_MS = 24 * HOUR;
const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "YYYY-MM-DD" of a UTC date (no time zone applied). */
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** UTC ms of 00:00 UTC on the n-th Sunday (1-based) of a month (0-based). */
function nthSunday(year: number, month: number, n: number): number {
  const first = Date.UTC(year, month, 1);
  const firstSunday = 1 + ((7 - new Date(first).getUTCDay()) % 7);
  return Date.UTC(year, month, firstSunday + 7 * (n - 1));
}

/** The offset from UTC in minutes at an instant: -420 in daylight time, -480 otherwise. */
export function pacificOffsetMinutes(ms: number): number {
  const year = new Date(ms).getUTCFullYear();
  const dstStart = nthSunday(year, 2, 2) + 10 * HOUR; // 02:00 PST = 10:00 UTC
  const dstEnd = nthSunday(year, 10, 1) + 9 * HOUR; // 02:00 PDT = 09:00 UTC
  return ms >= dstStart && ms < dstEnd ? -420 : -480;
}

/** The Pacific calendar day ("YYYY-MM-DD") that contains an instant. */
export function pacificDay(ms: number): string {
  return isoDay(ms + pacificOffsetMinutes(ms) * 60_000);
}

export function isDay(text: string): boolean {
  const m = DAY_PATTERN.exec(text);
  return !!m && isoDay(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!)) === text;
}

function utcMidnight(day: string): number {
  const m = DAY_PATTERN.exec(day);
  if (!m || !isDay(day)) throw new RangeError(`not a calendar day: '${day}'`);
  return Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!);
}

/** UTC ms of 00:00 Pacific on a day. Midnight is never inside a DST jump (those happen at 02:00). */
export function pacificMidnight(day: string): number {
  const base = utcMidnight(day);
  const standard = base + 8 * HOUR;
  return pacificOffsetMinutes(standard) === -420 ? base + 7 * HOUR : standard;
}

/** The next 00:00 Pacific strictly after an instant: when the quota resets and a swap is due. */
export function nextPacificMidnight(ms: number): number {
  return pacificMidnight(addDays(pacificDay(ms), 1));
}

export function addDays(day: string, n: number): string {
  return isoDay(utcMidnight(day) + n * DAY_MS);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((utcMidnight(to) - utcMidnight(from)) / DAY_MS);
}

/** 0 = Sunday ... 6 = Saturday. */
export function weekday(day: string): number {
  return new Date(utcMidnight(day)).getUTCDay();
}

/** Reports write dates as YYYYMMDD. */
export function fromCompactDay(compact: string): string {
  const day = /^\d{8}$/.test(compact) ? `${compact.slice(0, 4)}-${compact.slice(4, 6)}-${compact.slice(6)}` : "";
  if (!isDay(day)) throw new RangeError(`not a YYYYMMDD date: '${compact}'`);
  return day;
}

export function toCompactDay(day: string): string {
  if (!isDay(day)) throw new RangeError(`not a calendar day: '${day}'`);
  return day.replaceAll("-", "");
}
