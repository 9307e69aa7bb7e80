// Turns replication results into the benchmark's one table.
import type { RunResult } from "./run";

export interface Rate {
  value: number;
  /** 95% Wilson interval half-width, as the larger of the two sides. */
  margin: number;
}

export function rate(hits: number, n: number): Rate {
  const z = 1.96;
  const p = hits / n;
  const centre = (p + (z * z) / (2 * n)) / (1 + (z * z) / n);
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / (1 + (z * z) / n);
  return { value: p, margin: Math.max(centre + half - p, p - (centre - half)) };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length / 2;
  return sorted.length % 2 ? sorted[Math.floor(mid)] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Mean and its standard error. */
export function meanOf(values: number[]): { mean: number; se: number } {
  const n = values.length;
  const mean = values.reduce((s, v) => s + v, 0) / n;
  const variance = values.reduce((s, v) => s + (v - mean) * (v - mean), 0) / Math.max(1, n - 1);
  return { mean, se: Math.sqrt(variance / n) };
}

export const pct = (r: Rate) => `${(100 * r.value).toFixed(1)}% ±${(100 * r.margin).toFixed(1)}`;
export const int = (n: number) =>
  Number.isFinite(n)
    ? Math.round(n)
        .toString()
        .replace(/\B(?=(\d{3})+(?!\d))/g, ",")
    : "never";

/** Outcome summary of a scenario where arm `correct` is truly best (−1 for A/A). */
export function summarise(results: RunResult[], correct: number, powerBy: number) {
  const n = results.length;
  const count = (f: (r: RunResult) => boolean) => rate(results.filter(f).length, n);
  const engine = {
    anyWinner: count((r) => r.engineWinner >= 0),
    power: count((r) => r.engineWinner === correct && r.engineAt <= powerBy),
    wrong: count((r) => r.engineWinner >= 0 && r.engineWinner !== correct),
    same: count((r) => r.same),
    overturned: count((r) => r.overturned),
    // Runs without a correct decision count as never deciding, so this median is conservative.
    median: median(results.map((r) => (r.engineWinner === correct ? r.engineAt : Infinity))),
    regret: meanOf(results.map((r) => r.regret)),
  };
  const naive = {
    anyWinner: count((r) => r.naiveWinner >= 0),
    power: count((r) => r.naiveWinner === correct && r.naiveAt <= powerBy),
    wrong: count((r) => r.naiveWinner >= 0 && r.naiveWinner !== correct),
    median: median(results.map((r) => (r.naiveWinner === correct ? r.naiveAt : Infinity))),
    lowest: count((r) => r.naiveLowestDeclared),
    oldPreferred: count((r) => r.oldPreferredOverturn),
  };
  return { engine, naive };
}

export type Row = [string, string, string, string, string, string];

export function table(rows: Row[]): string {
  const header: Row = ["Scenario", "Metric", "Engine", "Naive rule", "Target", "Result"];
  const all = [header, ...rows];
  const widths = header.map((_, c) => Math.max(...all.map((r) => r[c].length)));
  const line = (r: Row) => `| ${r.map((cell, c) => cell.padEnd(widths[c])).join(" | ")} |`;
  const rule = `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`;
  return [line(header), rule, ...rows.map(line)].join("\n");
}
