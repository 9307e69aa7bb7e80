// Calendar days as YouTube Analytics reports them: Pacific dates, "YYYY-MM-DD". Arithmetic is
// on the date alone (UTC midnight), so daylight-saving changes never shift a day.

const DAY_MS = 86_400_000;
const PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isDate(text: string): boolean {
  const m = PATTERN.exec(text);
  if (!m) return false;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return new Date(t).toISOString().slice(0, 10) === text;
}

function toUtc(date: string): number {
  if (!isDate(date)) throw new RangeError(`${date} is not a date (YYYY-MM-DD)`);
  return Date.parse(`${date}T00:00:00Z`);
}

export function addDays(date: string, days: number): string {
  return new Date(toUtc(date) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from a to b (negative when b is earlier). */
export function daysBetween(a: string, b: string): number {
  return Math.round((toUtc(b) - toUtc(a)) / DAY_MS);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: string): number {
  return new Date(toUtc(date)).getUTCDay();
}

const pacific = new Intl.DateTimeFormat("en-CA", { timeZone: "America/Los_Angeles", year: "numeric", month: "2-digit", day: "2-digit" });

/** The Pacific date at a moment (the clock is passed in). */
export function pacificDate(nowMs: number): string {
  return pacific.format(new Date(nowMs));
}
