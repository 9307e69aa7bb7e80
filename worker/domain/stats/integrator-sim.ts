// A simulated integrator (benchmark and tests only; the Worker never imports it): serves impressions under the split it chooses, gets clicks that may
// arrive some pushes late, and pushes them in one of the engine's forms. Everything is seeded.
import type { MetricsPush } from "./push";
import { mixSeed, mulberry32 } from "./random";
import { binomialDraw } from "./random";

export type Delay = "none" | "half-next" | "ten";
export type Form = "cumulative" | "cumulative-undeclared" | "split_totals";

export interface Served {
  /** Impressions and clicks per arm served in this push period (clicks as eventually made). */
  impressions: number[];
  clicks: number[];
}

/** Impressions split multinomially by `weights`, clicks binomial at each arm's CTR. */
export function serve(rand: () => number, total: number, weights: number[], ctrs: number[]): Served {
  let remainingWeight = weights.reduce((s, w) => s + w, 0);
  let remaining = total;
  const impressions = weights.map((w) => {
    const share = remainingWeight > 0 ? w / remainingWeight : 0;
    const n = binomialDraw(rand, remaining, share > 1 - 1e-9 ? 1 : share);
    remaining -= n;
    remainingWeight -= w;
    return n;
  });
  return { impressions, clicks: impressions.map((n, i) => binomialDraw(rand, n, ctrs[i])) };
}

interface Pending {
  at: number;
  split: string;
  arm: number;
}

/**
 * The integrator's books: what it has reported, per split and in total. Clicks made at push p
 * arrive at p (delay "none"), at p or p + 1 with equal chance ("half-next"), or 0–20 pushes
 * later uniformly ("ten", mean 10).
 */
export class Integrator {
  /** Clicks in flight, bucketed by the push at which they arrive. */
  private readonly pending = new Map<number, Pending[]>();
  private readonly rand: () => number;
  readonly totals: { impressions: number[]; clicks: number[] };
  private readonly bySplit = new Map<string, { allocation: Record<string, number>; impressions: number[]; clicks: number[] }>();
  /** Splits whose totals changed since the last push: the only ones a split_totals push needs. */
  private readonly dirty = new Set<string>();

  constructor(
    readonly ids: string[],
    readonly delay: Delay,
    seed: number,
  ) {
    this.rand = mulberry32(mixSeed(seed, 0xde1a));
    this.totals = { impressions: ids.map(() => 0), clicks: ids.map(() => 0) };
  }

  private book(split: string, allocation: Record<string, number>) {
    let b = this.bySplit.get(split);
    if (!b) this.bySplit.set(split, (b = { allocation, impressions: this.ids.map(() => 0), clicks: this.ids.map(() => 0) }));
    return b;
  }

  private lag(): number {
    if (this.delay === "none") return 0;
    if (this.delay === "half-next") return this.rand() < 0.5 ? 0 : 1;
    return Math.floor(this.rand() * 21);
  }

  /** Records one push period's traffic; returns the push in the requested form. */
  push(poll: number, weights: number[], served: Served, form: Form): MetricsPush {
    const allocation = Object.fromEntries(this.ids.map((id, i) => [id, weights[i]]));
    const split = weights.map((w) => Math.round(w * 100)).join(",");
    const book = this.book(split, allocation);
    this.dirty.add(split);
    served.impressions.forEach((n, arm) => {
      book.impressions[arm] += n;
      this.totals.impressions[arm] += n;
      for (let c = 0; c < served.clicks[arm]; c++) {
        const at = poll + this.lag();
        let bucket = this.pending.get(at);
        if (!bucket) this.pending.set(at, (bucket = []));
        bucket.push({ at, split, arm });
      }
    });
    for (const p of this.pending.get(poll) ?? []) {
      this.bySplit.get(p.split)!.clicks[p.arm] += 1;
      this.totals.clicks[p.arm] += 1;
      this.dirty.add(p.split);
    }
    this.pending.delete(poll);
    const variants = (imp: number[], clk: number[]) => this.ids.map((id, i) => ({ thumbnail_id: id, impressions: imp[i], clicks: clk[i] }));
    if (form === "split_totals") {
      const splits = [...this.dirty].map((key) => {
        const b = this.bySplit.get(key)!;
        return { allocation: b.allocation, variants: variants(b.impressions, b.clicks) };
      });
      this.dirty.clear();
      return { splits };
    }
    const totals = variants(this.totals.impressions, this.totals.clicks);
    return form === "cumulative" ? { variants: totals, allocation } : { variants: totals };
  }
}
