// When a lift interval is too wide to inform: one rule for every sentence that would print one
// (the 30-second engine's explanation and the rotation's), so "-99% to +14741%" is never shown.

/** A lift interval wider than this (3 = 300 percentage points) is not shown as numbers. */
export const WIDE_INTERVAL = 3;

/** An interval wider than the lift could plausibly be (early, or at tiny CTRs) says nothing a creator can use. */
export const tooWideToShow = (interval: { lower: number; upper: number }) => interval.upper - interval.lower > WIDE_INTERVAL;
