// The randomisation sets the tests compare the observed schedule with. The global test re-draws
// whole schedules from the design; each pair's test re-deals its two variants over their days,
// the other variants held where they are. Every member when the set is small (an exact p), else
// seeded draws (p = (1 + #≥)/(1 + draws), still exact).
import { mixSeed, mulberry32 } from "../random";
import type { RotationData } from "./data";
import { type Assignment, drawAssignment, isAllowed } from "./design";

/**
 * Enumerate a randomisation set when it is at most this large, else sample 999 (as exact, and a
 * p as small as 0.001). Larger enumerations cost the analysis, run at every look, more than
 * their finer p-values gain (14 days of 2 variants: 3,432 schedules).
 */
const ENUMERATE_UP_TO = 1024;

/** Every schedule of the design, when there are few (the observed first); else null. */
function enumerated(data: RotationData): Assignment[] | null {
  const { variants: k, blocks } = data.shape;
  const key = data.assignment.join();
  const out: Assignment[] = [data.assignment];
  if (data.shape.design === "balanced") {
    if (multinomial(k, blocks) > ENUMERATE_UP_TO) return null;
    // Every sequence showing each variant on `blocks` days.
    const left = new Array<number>(k).fill(blocks);
    const a: Assignment = [];
    const extend = () => {
      if (a.length === k * blocks) {
        if (a.join() !== key) out.push([...a]);
        return;
      }
      for (let v = 0; v < k; v++) {
        if (!left[v]) continue;
        left[v]--;
        a.push(v);
        extend();
        a.pop();
        left[v]++;
      }
    };
    extend();
    return out;
  }
  const orders = permutations(k);
  if (orders.length ** blocks > ENUMERATE_UP_TO) return null;
  for (let code = 0; code < orders.length ** blocks; code++) {
    const a: Assignment = [];
    for (let b = 0, c = code; b < blocks; b++, c = Math.floor(c / orders.length)) a.push(...orders[c % orders.length]);
    if (a.join() !== key && isAllowed(data.shape, a, data.limit)) out.push(a);
  }
  return out;
}

/** (k·b)! / (b!)^k: the balanced design's schedules. */
function multinomial(k: number, b: number): number {
  let count = 1;
  for (let v = 1, n = 0; v <= k; v++) for (let i = 1; i <= b; i++) count = (count * ++n) / i;
  return Math.round(count);
}

function permutations(k: number): number[][] {
  if (k === 1) return [[0]];
  return permutations(k - 1).flatMap((p) => Array.from({ length: k }, (_, at) => [...p.slice(0, at), k - 1, ...p.slice(at)]));
}

/**
 * The schedules the global test compares with: the observed one first, then every other schedule
 * of the design when there are few (an exact p), else `count` seeded draws (p = (1 + #≥)/(1 + count)).
 */
export function referenceAssignments(data: RotationData, seed: number, count: number): Assignment[] {
  return (
    enumerated(data) ?? [
      data.assignment,
      ...Array.from({ length: count }, (_, m) => drawAssignment(data.shape, mixSeed(seed, 0x9e7, m), data.limit)),
    ]
  );
}

/**
 * Assignments for the pair test of i and j, the other variants' days held where they are. The
 * balanced design re-deals i and j over their days in every way (C(2b, b)); the blocks design
 * keeps or swaps them within each block (2^b). The identity comes first; every allowed pattern
 * when there are at most ENUMERATE_UP_TO, else a seeded sample.
 */
export function swapAssignments(data: RotationData, i: number, j: number, seed: number, sample = 999): Assignment[] {
  const { shape, assignment } = data;
  const out: Assignment[] = [assignment];
  const rand = mulberry32(mixSeed(seed, 0x5a9, i, j));
  if (shape.design === "balanced") {
    const places = assignment.flatMap((v, p) => (v === i || v === j ? [p] : []));
    const deal = (ofI: number[]) => {
      const a = [...assignment];
      places.forEach((p, x) => (a[p] = ofI[x] ? i : j));
      return a;
    };
    const key = assignment.join();
    if (multinomial(2, places.length / 2) <= ENUMERATE_UP_TO) {
      const ofI: number[] = [];
      const extend = (left: number) => {
        if (ofI.length === places.length) {
          const a = deal(ofI);
          if (a.join() !== key) out.push(a);
          return;
        }
        const room = places.length - ofI.length;
        for (const x of [1, 0]) {
          if ((x && !left) || (!x && room === left)) continue;
          ofI.push(x);
          extend(left - x);
          ofI.pop();
        }
      };
      extend(places.length / 2);
      return out;
    }
    const ofI: number[] = places.map((_, x) => (x < places.length / 2 ? 1 : 0));
    for (let m = 0; m < sample; m++) {
      for (let x = ofI.length - 1; x > 0; x--) {
        const y = Math.floor(rand() * (x + 1));
        [ofI[x], ofI[y]] = [ofI[y], ofI[x]];
      }
      out.push(deal(ofI));
    }
    return out;
  }
  const k = shape.variants;
  const blocks = shape.blocks;
  const apply = (signs: number[]) =>
    assignment.map((v, p) => (signs[Math.floor(p / k)] < 0 && (v === i || v === j) ? (v === i ? j : i) : v));
  if (2 ** blocks <= ENUMERATE_UP_TO) {
    for (let code = 1; code < 2 ** blocks; code++) {
      const a = apply(Array.from({ length: blocks }, (_, b) => ((code >> b) & 1 ? -1 : 1)));
      if (isAllowed(shape, a, data.limit)) out.push(a);
    }
    return out;
  }
  for (let tries = 0; out.length <= sample && tries < 50 * sample; tries++) {
    const a = apply(Array.from({ length: blocks }, () => (rand() < 0.5 ? -1 : 1)));
    if (isAllowed(shape, a, data.limit)) out.push(a);
  }
  return out;
}
