// The integrator contract: three push forms, checked in one place. validatePush turns a push
// into per-epoch increments (negative ones are accepted corrections) or a list of
// {path, message} errors whose paths name the fields of the request body.
//
//   cumulative    {variants, allocation?}  whole-test totals; clicks count in the epoch of the
//                                          push. A split that changes is treated as undeclared
//                                          (see below): late clicks cannot be placed in their epoch.
//   split_totals  {splits: [{allocation, variants}]}  cumulative totals per split, impressions
//                                          and their clicks (late ones too) under the split that
//                                          served them: safe under adaptive allocation.
//   increments    {periods: [{allocation?, variants}]}  additions since the last push, each
//                                          tagged with the split that served the impressions;
//                                          late clicks are a period with 0 impressions: safe.
//
// A missing allocation means "undeclared": that data joins one undeclared epoch and the engine
// freezes its recommendation (see state.ts), so a follower keeps one constant split. In the
// cumulative form a late click is credited to the push's split, not to the split that served it:
// with half the clicks one push late and a follower of a changing recommendation, that gave 23.5%
// false winners in an A/A test. So once a cumulative test declares a second split, that push and
// every later one join the undeclared period: the epochs before it stay intact, one boundary's
// late clicks are all that can land in the wrong period, and the frozen recommendation keeps a
// follower's split constant. Only the simulated source, whose clicks are final, keeps the splits.
import { type EngineConfig, resolveConfig } from "./config";
import { epochAvailable, splitOf } from "./split";
import { type Correction, type EngineState, type PushForm, UNDECLARED } from "./state";

export interface PushedVariant {
  thumbnail_id: string;
  impressions: number;
  clicks: number;
}
export interface CumulativePush {
  variants: PushedVariant[];
  allocation?: Record<string, number>;
}
export interface SplitTotalsPush {
  splits: { allocation: Record<string, number>; variants: PushedVariant[] }[];
}
export interface IncrementsPush {
  periods: { allocation?: Record<string, number>; variants: PushedVariant[] }[];
}
export type MetricsPush = CumulativePush | SplitTotalsPush | IncrementsPush;

export interface PushError {
  path: string;
  message: string;
}

/** What one push adds to one epoch, in arm order (negative: a correction). */
export interface EpochChange {
  key: string;
  allocation: number[] | null;
  impressions: number[];
  clicks: number[];
}

export interface ValidPush {
  form: PushForm;
  changes: EpochChange[];
  corrections: Omit<Correction, "look">[];
  /** Some data came without a declared split. */
  undeclared: boolean;
}

export type PushCheck = { ok: true; value: ValidPush } | { ok: false; errors: PushError[] };

const LIMIT = 1e12;

function formOf(push: MetricsPush): PushForm | null {
  const has = (k: string) => (push as unknown as Record<string, unknown>)[k] !== undefined;
  const forms = [has("variants") && "cumulative", has("splits") && "split_totals", has("periods") && "increments"].filter(Boolean);
  return forms.length === 1 ? (forms[0] as PushForm) : null;
}

export interface PushOptions {
  /** Clicks are final when pushed (the simulated source): a cumulative push may change its split. */
  clicksFinal?: boolean;
}

/** Whether a cumulative push's split differs from a split (or the undeclared period) already seen. */
function splitMoves(state: EngineState, allocation: Record<string, number>): boolean {
  const split = splitOf(allocation, state.armIds);
  return !("message" in split) && state.epochs.some((e) => e.key !== split.key);
}

export function validatePush(state: EngineState, push: MetricsPush, engineConfig: EngineConfig, options: PushOptions = {}): PushCheck {
  const config = resolveConfig(engineConfig);
  const ids = state.armIds;
  const k = ids.length;
  const errors: PushError[] = [];
  const fail = (path: string, message: string) => errors.push({ path, message });
  const form = formOf(push);
  if (!form) return { ok: false, errors: [{ path: "", message: "send exactly one of variants, splits or periods" }] };
  if (state.form && state.form !== form) {
    return { ok: false, errors: [{ path: "", message: `this test receives the ${state.form} form; keep one form per test` }] };
  }
  const changes = new Map<string, EpochChange>();
  const opening = new Set<string>();
  const epochOf = (key: string) => state.epochs.find((e) => e.key === key);

  /** The epoch a list of counts belongs to, opening it if new; null after reporting an error. */
  const target = (prefix: string, allocation: Record<string, number> | undefined): EpochChange | null => {
    let key = UNDECLARED;
    let weights: number[] | null = null;
    if (allocation !== undefined) {
      const split = splitOf(allocation, ids);
      if ("message" in split) return (fail(`${prefix}allocation${split.id ? `.${split.id}` : ""}`, split.message), null);
      ({ key, weights } = split);
    }
    if (!epochAvailable(state, key, opening)) {
      return (fail(`${prefix}allocation`, "this test has seen too many different splits; keep one of the splits used before"), null);
    }
    if (!epochOf(key)) opening.add(key);
    return changeOf(key, weights);
  };
  const changeOf = (key: string, allocation: number[] | null): EpochChange => {
    let change = changes.get(key);
    if (!change) changes.set(key, (change = { key, allocation, impressions: new Array(k).fill(0), clicks: new Array(k).fill(0) }));
    return change;
  };

  /** Counts in arm order; `all` requires every arm once, `signed` allows negative increments. */
  const read = (prefix: string, list: PushedVariant[], all: boolean, signed: boolean) => {
    const impressions = new Array<number>(k).fill(0);
    const clicks = new Array<number>(k).fill(0);
    const seen = new Set<number>();
    if (!Array.isArray(list)) return (fail(`${prefix}variants`, "must be a list"), null);
    list.forEach((v, i) => {
      const at = `${prefix}variants.${i}`;
      const arm = ids.indexOf(v.thumbnail_id);
      if (arm < 0) return fail(`${at}.thumbnail_id`, "is not a variant of this test");
      if (seen.has(arm)) return fail(`${at}.thumbnail_id`, "appears more than once");
      seen.add(arm);
      const floor = signed ? -LIMIT : 0;
      for (const field of ["impressions", "clicks"] as const) {
        const n = v[field];
        if (!(Number.isInteger(n) && n >= floor && n <= LIMIT))
          fail(`${at}.${field}`, signed ? "must be a whole number" : "must be a whole number ≥ 0");
      }
      if (!signed && v.clicks > v.impressions) fail(`${at}.clicks`, "exceeds impressions");
      impressions[arm] = v.impressions;
      clicks[arm] = v.clicks;
    });
    if (all) ids.forEach((id, arm) => seen.has(arm) || fail(`${prefix}variants`, `missing variant ${id}`));
    return { impressions, clicks };
  };

  /**
   * The cumulative form cannot say which epoch a late click or a revision belongs to. What the
   * push's own epoch cannot hold (more clicks than impressions, or less than nothing) moves to
   * the newest earlier epochs that can, so a valid push is never refused for it. This keeps the
   * form working; it is not safe under a changing split with late clicks (use split_totals).
   */
  const spill = (change: EpochChange) => {
    const own = epochOf(change.key);
    const others = state.epochs.filter((e) => e.key !== change.key).reverse();
    ids.forEach((_, arm) => {
      const imp = (own?.impressions[arm] ?? 0) + change.impressions[arm];
      let clk = (own?.clicks[arm] ?? 0) + change.clicks[arm];
      let lostImpressions = Math.max(0, -imp);
      let extraClicks = Math.max(0, clk - Math.max(0, imp));
      let lostClicks = Math.max(0, -clk);
      change.impressions[arm] += lostImpressions;
      change.clicks[arm] += lostClicks - extraClicks;
      clk += lostClicks - extraClicks;
      for (const e of others) {
        if (!(lostImpressions || extraClicks || lostClicks)) break;
        const c = changeOf(e.key, e.allocation);
        const room = () => e.impressions[arm] + c.impressions[arm] - (e.clicks[arm] + c.clicks[arm]);
        const take = Math.min(extraClicks, room());
        c.clicks[arm] += take;
        extraClicks -= take;
        const dropClicks = Math.min(lostClicks, e.clicks[arm] + c.clicks[arm]);
        c.clicks[arm] -= dropClicks;
        lostClicks -= dropClicks;
        const dropImpressions = Math.min(lostImpressions, room());
        c.impressions[arm] -= dropImpressions;
        lostImpressions -= dropImpressions;
      }
    });
  };

  let cumulativeUndeclared = false;
  const allowedDrop = (previous: number) => Math.max(config.revisionSlack, config.revisionTolerance * previous);
  const tolerancePct = `${Math.round(config.revisionTolerance * 100)}%`;

  if (form === "cumulative") {
    const p = push as CumulativePush;
    const counts = read("", p.variants, true, false);
    const declared = p.allocation !== undefined && (options.clicksFinal || !splitMoves(state, p.allocation));
    cumulativeUndeclared = !declared;
    const change = target("", declared ? p.allocation : undefined);
    if (counts && change) {
      ids.forEach((_, arm) => {
        const di = counts.impressions[arm] - state.impressions[arm];
        const dc = counts.clicks[arm] - state.clicks[arm];
        if (-di > allowedDrop(state.impressions[arm]) || -dc > allowedDrop(state.clicks[arm])) {
          const at = p.variants.findIndex((v) => v.thumbnail_id === ids[arm]);
          fail(
            `variants.${at}`,
            `totals went down by more than the ${tolerancePct} revision tolerance (had ${state.impressions[arm]} impressions, ${state.clicks[arm]} clicks); send cumulative totals`,
          );
        }
        change.impressions[arm] += di;
        change.clicks[arm] += dc;
      });
      spill(change);
    }
  } else if (form === "split_totals") {
    const p = push as SplitTotalsPush;
    const listed = new Set<string>();
    if (!Array.isArray(p.splits) || p.splits.length === 0) fail("splits", "must list at least one split");
    else
      p.splits.forEach((s, i) => {
        const prefix = `splits.${i}.`;
        if (!s.allocation) return fail(`${prefix}allocation`, "is required: the split these totals were served under");
        const change = target(prefix, s.allocation);
        if (change && listed.has(change.key)) return fail(`${prefix}allocation`, "repeats a split listed earlier in this push");
        if (change) listed.add(change.key);
        const counts = read(prefix, s.variants, true, false);
        if (!counts || !change) return;
        const epoch = epochOf(change.key);
        ids.forEach((_, arm) => {
          const had = { impressions: epoch?.impressions[arm] ?? 0, clicks: epoch?.clicks[arm] ?? 0 };
          if (
            had.impressions - counts.impressions[arm] > allowedDrop(had.impressions) ||
            had.clicks - counts.clicks[arm] > allowedDrop(had.clicks)
          ) {
            fail(
              `${prefix}variants`,
              `totals for ${ids[arm]} went down by more than the ${tolerancePct} revision tolerance (had ${had.impressions} impressions, ${had.clicks} clicks)`,
            );
          }
          change.impressions[arm] = counts.impressions[arm] - had.impressions;
          change.clicks[arm] = counts.clicks[arm] - had.clicks;
        });
      });
  } else {
    const p = push as IncrementsPush;
    if (!Array.isArray(p.periods) || p.periods.length === 0) fail("periods", "must list at least one period");
    else
      p.periods.forEach((period, i) => {
        const prefix = `periods.${i}.`;
        const change = target(prefix, period.allocation);
        const counts = read(prefix, period.variants, false, true);
        if (!counts || !change) return;
        ids.forEach((_, arm) => {
          change.impressions[arm] += counts.impressions[arm];
          change.clicks[arm] += counts.clicks[arm];
        });
      });
    for (const change of changes.values()) {
      const epoch = epochOf(change.key);
      ids.forEach((id, arm) => {
        const had = { impressions: epoch?.impressions[arm] ?? 0, clicks: epoch?.clicks[arm] ?? 0 };
        if (-change.impressions[arm] > allowedDrop(had.impressions) || -change.clicks[arm] > allowedDrop(had.clicks)) {
          fail("periods", `${id} under split ${change.key} would go down by more than the ${tolerancePct} revision tolerance`);
        }
      });
    }
  }

  // Every epoch must stay a valid set of counts: nothing below zero, clicks within impressions.
  // (Checked only when each entry was valid, so one mistake is not reported twice.)
  for (const change of errors.length ? [] : changes.values()) {
    const epoch = epochOf(change.key);
    ids.forEach((id, arm) => {
      const impressions = (epoch?.impressions[arm] ?? 0) + change.impressions[arm];
      const clicks = (epoch?.clicks[arm] ?? 0) + change.clicks[arm];
      const where = form === "cumulative" ? "variants" : form === "split_totals" ? "splits" : "periods";
      if (impressions < 0 || clicks < 0) fail(where, `${id} under split ${change.key} would fall below zero`);
      else if (clicks > impressions) fail(where, `${id} under split ${change.key} would have more clicks than impressions`);
    });
  }
  if (errors.length) return { ok: false, errors: dedupe(errors) };

  const kept = [...changes.values()].filter((c) => c.impressions.some((n) => n !== 0) || c.clicks.some((n) => n !== 0));
  const corrections = kept.flatMap((c) =>
    ids
      .map((id, arm) => ({ epoch: c.key, id, impressions: Math.max(0, -c.impressions[arm]), clicks: Math.max(0, -c.clicks[arm]) }))
      .filter((x) => x.impressions > 0 || x.clicks > 0),
  );
  const undeclared = form === "cumulative" ? cumulativeUndeclared : changes.has(UNDECLARED);
  return { ok: true, value: { form, changes: kept, corrections, undeclared } };
}

function dedupe(errors: PushError[]): PushError[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    const key = `${e.path}|${e.message}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
}
