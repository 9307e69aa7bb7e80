// Numbers, durations and dates for people. Pure: the clock is always passed in.

export const pct = (x: number, digits = 1) => `${(x * 100).toFixed(digits)}%`;
export const int = (n: number) => Math.round(n).toLocaleString("en-US");

/** How long something takes, said the way the export says it (one rule, shared with the server). */
export { formatDuration as duration, timestamp } from "../../../worker/shared/words";

/** A running time to the second ("2 min 05 s"), for clocks that tick on screen. */
export function clock(seconds: number) {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  if (h) return `${h} h ${String(m).padStart(2, "0")} min`;
  if (m) return `${m} min ${String(s % 60).padStart(2, "0")} s`;
  return `${s} s`;
}

/** "about 2 min", "about 5 h": for estimates, where seconds would claim false precision. */
export function roughly(seconds: number) {
  const s = Math.max(0, seconds);
  if (s < 60) return "under a minute";
  if (s < 3600) return `about ${Math.round(s / 60)} min`;
  if (s < 172_800) return `about ${Math.round(s / 3600)} h`;
  return `about ${Math.round(s / 86_400)} days`;
}

/** "just now", "5 min ago", "3 h ago", "yesterday", "4 days ago", then the date. */
export function relativeTime(iso: string, now: number) {
  const t = Date.parse(iso);
  const s = Math.round((now - t) / 1000);
  if (s < 45) return "just now";
  if (s < 3600) return `${Math.max(1, Math.round(s / 60))} min ago`;
  if (s < 86_400) return `${Math.round(s / 3600)} h ago`;
  const days = Math.round(s / 86_400);
  if (days === 1) return "yesterday";
  if (days < 7) return `${days} days ago`;
  return new Date(t).toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric" });
}
