// The randomisation tests on block data: the global test of "no variant matters" over schedules
// re-drawn from the design, and each pair's test over the swaps of its two variants within
// blocks that the design allows (conditional on where the other variants are).
import { mixSeed, mulberry32 } from "../random";
import type { RotationData } from "./data";
import { type Assignment, drawAssignment, isAllowed } from "./design";

/** Path of the global statistic Σ_v θ_v² over looks, for one assignment of variants to positions. */
export function globalPath(data: RotationData, assignment: Assignment): number[] {
  const k = data.shape.variants;
  const sums = new Array<number>(k).fill(0);
  let weight = 0;
  return data.blocks.map((block, b) => {
    const mean = block.logCtr.reduce((s, y) => s + y, 0) / k;
    for (let p = 0; p < k; p++) sums[assignment[b * k + p]] += block.weight * (block.logCtr[p] - mean);
    weight += block.weight;
    // A lost block has weight 0; before any weight, nothing is measured yet.
    return weight > 0 ? sums.reduce((s, x) => s + (x / weight) ** 2, 0) : 0;
  });
}

/** Block effect of every variant (log CTR vs the block mean), weighted, for the observed schedule. */
export function effects(data: RotationData): number[] {
  const k = data.shape.variants;
  const sums = new Array<number>(k).fill(0);
  let weight = 0;
  data.blocks.forEach((block, b) => {
    const mean = block.logCtr.reduce((s, y) => s + y, 0) / k;
    for (let p = 0; p < k; p++) sums[data.assignment[b * k + p]] += block.weight * (block.logCtr[p] - mean);
    weight += block.weight;
  });
  return sums.map((s) => (weight > 0 ? s / weight : 0));
}

export function referenceAssignments(data: RotationData, seed: number, count: number): Assignment[] {
  return Array.from({ length: count }, (_, m) => drawAssignment(data.shape, mixSeed(seed, 0x9e7, m), data.limit));
}

/**
 * Allowed swap patterns for variants i and j: sign +1 keeps a block, −1 swaps the two in it.
 * The identity comes first. All patterns when there are at most 2^12, else a seeded sample.
 */
export function swapPatterns(data: RotationData, i: number, j: number, seed: number, sample = 1000): number[][] {
  const { shape, assignment } = data;
  const k = shape.variants;
  const blocks = shape.blocks;
  const apply = (signs: number[]) =>
    assignment.map((v, p) => (signs[Math.floor(p / k)] < 0 && (v === i || v === j) ? (v === i ? j : i) : v));
  const out: number[][] = [new Array<number>(blocks).fill(1)];
  if (blocks <= 12) {
    for (let code = 1; code < 2 ** blocks; code++) {
      const signs = Array.from({ length: blocks }, (_, b) => ((code >> b) & 1 ? -1 : 1));
      if (isAllowed(shape, apply(signs), data.limit)) out.push(signs);
    }
    return out;
  }
  const rand = mulberry32(mixSeed(seed, 0x5a9, i, j));
  for (let tries = 0; out.length <= sample && tries < 50 * sample; tries++) {
    const signs = Array.from({ length: blocks }, () => (rand() < 0.5 ? -1 : 1));
    if (isAllowed(shape, apply(signs), data.limit)) out.push(signs);
  }
  return out;
}

/** Per block: log CTR of i minus log CTR of j, from the observed schedule. */
export function pairDifferences(data: RotationData, i: number, j: number): number[] {
  const k = data.shape.variants;
  return data.blocks.map((block, b) => {
    const slice = data.assignment.slice(b * k, b * k + k);
    return block.logCtr[slice.indexOf(i)] - block.logCtr[slice.indexOf(j)];
  });
}

/** Weighted-mean paths |Σ w·s·(D − shift)| / Σ w over looks, one per swap pattern. */
export function pairPaths(data: RotationData, diffs: number[], patterns: number[][], shift = 0): number[][] {
  return patterns.map((signs) => {
    let sum = 0;
    let weight = 0;
    return data.blocks.map((block, b) => {
      sum += block.weight * signs[b] * (diffs[b] - shift);
      weight += block.weight;
      return weight > 0 ? Math.abs(sum / weight) : 0;
    });
  });
}

/**
 * One-sided bound for the shift Δ (log CTR ratio) by inverting the swap test at the last look:
 * the lower bound is the smallest Δ the test "i − j > Δ" does not reject at level α.
 */
export function shiftBound(data: RotationData, diffs: number[], patterns: number[][], alpha: number, side: "lower" | "upper"): number {
  const weights = data.blocks.map((b) => b.weight);
  const p = (shift: number) => {
    const stat = (signs: number[]) => {
      let s = 0;
      for (let b = 0; b < weights.length; b++) s += weights[b] * signs[b] * (diffs[b] - shift);
      return side === "lower" ? s : -s;
    };
    const observed = stat(patterns[0]) - 1e-12;
    return patterns.filter((signs) => stat(signs) >= observed).length / patterns.length;
  };
  // p rises as Δ moves toward the data's side; search [−5, 5] in log units (a factor of 150).
  let inside = side === "lower" ? 5 : -5;
  let outside = -inside;
  if (p(outside) > alpha) return outside;
  if (p(inside) <= alpha) return inside;
  for (let i = 0; i < 50; i++) {
    const mid = (inside + outside) / 2;
    if (p(mid) > alpha) inside = mid;
    else outside = mid;
  }
  return inside;
}
