// When an interval is too wide to inform, and what is said instead. One rule for every screen,
// sentence and export (the A/B monitor, explain.ts, the rotation's explanation): a range that
// spans most of what is possible reads as a bug ("CTR 8.00%, interval 0.0% – 20.6%"), so it is
// not printed as numbers until the data can size it. No imports: the web app uses it as is.

interface Range {
  lower: number;
  upper: number;
}

/** A relative-lift interval wider than this (3 = 300 percentage points of lift) is not shown. */
export const WIDE_LIFT_INTERVAL = 3;

/**
 * A CTR interval wider than this share of the CTR itself is not shown: 1 means the range is as
 * wide as the estimate (±50%), e.g. 8% with 4%–12% is the widest still printed.
 */
export const WIDE_CTR_INTERVAL_SHARE = 1;

/** The words shown in place of a range that is too wide. */
export const TOO_EARLY_FOR_A_RANGE = "too early for a range";

/** True when a relative-lift interval is too wide to print as numbers. */
export function liftIntervalTooWide(interval: Range): boolean {
  return !(interval.upper - interval.lower <= WIDE_LIFT_INTERVAL);
}

/** True when a CTR interval is too wide to print: wider than the CTR, or around no click at all. */
export function ctrIntervalTooWide(interval: Range, ctr: number): boolean {
  if (!(ctr > 0)) return true;
  return !(interval.upper - interval.lower <= WIDE_CTR_INTERVAL_SHARE * ctr);
}
