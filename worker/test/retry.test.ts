// The one retry module: each schedule in use (webhooks' table, the rotation's doubling, the fixed
// waits) and the Durable Object's error flags.
import { describe, expect, it } from "vitest";
import { OVERLOADED_FACTOR, backoffDelay, isOverloaded, isRetryable, waitAfter } from "../lib/retry";

const MIN = 60_000;
const HOUR = 60 * MIN;

describe("backoffDelay", () => {
  it("walks a table and gives up past its end", () => {
    const table = { kind: "table", delaysMs: [5_000, 5 * MIN], jitter: 0 } as const;
    expect([1, 2, 3].map((n) => backoffDelay(table, n))).toEqual([5_000, 5 * MIN, null]);
  });

  it("doubles from the first wait up to the cap, however many failures", () => {
    const outage = { kind: "doubling", firstMs: 5 * MIN, capMs: 6 * HOUR, jitter: 0 } as const;
    expect([1, 2, 3, 4].map((n) => backoffDelay(outage, n))).toEqual([5 * MIN, 10 * MIN, 20 * MIN, 40 * MIN]);
    expect(backoffDelay(outage, 7)).toBe(320 * MIN);
    expect(backoffDelay(outage, 8)).toBe(6 * HOUR);
    expect(backoffDelay(outage, 10_000)).toBe(6 * HOUR);
  });

  it("spreads a wait by at most ±jitter, and refuses an attempt that is not a positive integer", () => {
    const fixed = { kind: "fixed", delayMs: 10_000, jitter: 0.2 } as const;
    expect(backoffDelay(fixed, 1, () => 0)).toBe(8_000);
    expect(backoffDelay(fixed, 1, () => 0.5)).toBe(10_000);
    expect(backoffDelay(fixed, 1, () => 0.999999)).toBeCloseTo(12_000, -1);
    const spread = new Set(Array.from({ length: 50 }, () => backoffDelay(fixed, 3)));
    expect(spread.size).toBeGreaterThan(1);
    for (const d of spread) expect(d! >= 8_000 && d! <= 12_000).toBe(true);
    expect(() => backoffDelay(fixed, 0)).toThrow(RangeError);
    expect(() => backoffDelay(fixed, 1.5)).toThrow(RangeError);
  });
});

describe("the Durable Object's error flags", () => {
  it("retries what the runtime calls retryable, and waits longer for an overloaded object", () => {
    const retryable = Object.assign(new Error("reset"), { retryable: true });
    const overloaded = Object.assign(new Error("busy"), { retryable: true, overloaded: true });
    expect(isRetryable(retryable)).toBe(true);
    expect(isRetryable(overloaded)).toBe(false);
    expect(isRetryable(new Error("bug"))).toBe(false);
    expect(isRetryable("text")).toBe(false);
    expect(isOverloaded(overloaded)).toBe(true);
    const pause = { kind: "fixed", delayMs: 10_000, jitter: 0 } as const;
    expect(waitAfter(pause, 1, retryable)).toBe(10_000);
    expect(waitAfter(pause, 1, overloaded)).toBe(10_000 * OVERLOADED_FACTOR);
  });
});
