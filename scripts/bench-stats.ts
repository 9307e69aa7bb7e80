// `npm run bench:stats`: the A/B engine and the rotation analysis against the naive rules, on
// the same simulated data. One table; a PASS/FAIL per target from issues 1 and 9.
//
// Environment:
//   AB_BENCH_REPS                replications per scenario (default 2000: ±1pp near 5%)
//   AB_SIM_IMPRESSIONS_PER_POLL  impressions per 30-second poll (default 30, 10 per variant)
//   AB_BENCH_WORKERS             worker threads (default 2)
//   AB_BENCH_ONLY                comma-separated scenario keys to run (default all)
//   AB_BENCH_BEFORE              set: the product rows run the previous engine (unending mixture)
import { DEFAULT_ENGINE_CONFIG, DEFAULT_IMPRESSIONS_PER_POLL, fixedHorizonSampleSize } from "../worker/domain/stats";
import { rows as tableRows } from "./bench/rows";
import { table } from "./bench/report";
import { type RotationRunResult, type RotationScenario, runRotationReplication } from "./bench/rotation";
import { type RunResult, type Scenario, runReplication } from "./bench/run";
import { engineScenarios, rotationScenarios } from "./bench/scenarios";

// Node's worker_threads, typed here because the project carries no @types/node.
interface Port {
  on(event: "message", listener: (message: unknown) => void): void;
  postMessage(message: unknown): void;
}
interface WorkerHandle extends Port {
  on(event: "message" | "error", listener: (message: unknown) => void): void;
  terminate(): Promise<number>;
}
interface WorkerThreads {
  isMainThread: boolean;
  parentPort: Port | null;
  workerData: unknown;
  Worker: new (url: URL, options: { workerData: unknown }) => WorkerHandle;
}
const threads = (await import("node:worker_threads" as string)) as WorkerThreads;
const env = (globalThis as unknown as { process: { env: Record<string, string | undefined> } }).process.env;

type Job =
  | { kind: "engine"; scenario: Scenario; from: number; to: number }
  | { kind: "rotation"; scenario: RotationScenario; from: number; to: number };
type Result = RunResult | RotationRunResult;

if (!threads.isMainThread) {
  threads.parentPort?.on("message", (message) => {
    const job = message as Job;
    const results: Result[] = [];
    const started = performance.now();
    for (let rep = job.from; rep < job.to; rep++) {
      results.push(job.kind === "engine" ? runReplication(job.scenario, rep) : runRotationReplication(job.scenario, rep));
    }
    threads.parentPort?.postMessage({ key: job.scenario.key, from: job.from, results, ms: performance.now() - started });
  });
} else {
  await main();
}

async function main() {
  const reps = Number(env.AB_BENCH_REPS ?? 2000);
  const perPoll = Number(env.AB_SIM_IMPRESSIONS_PER_POLL ?? DEFAULT_IMPRESSIONS_PER_POLL);
  const workers = Math.max(1, Number(env.AB_BENCH_WORKERS ?? 2));
  const only = env.AB_BENCH_ONLY?.split(",");
  const keep = (key: string) => !only || only.includes(key);
  const jobs: Job[] = [];
  const chunk = 25;
  const counts: Record<string, number> = {};
  for (const scenario of engineScenarios(perPoll).filter((s) => keep(s.key))) {
    const n = (counts[scenario.key] = scenario.halfReps ? Math.min(reps, Math.max(1000, Math.round(reps / 2))) : reps);
    for (let from = 0; from < n; from += chunk) jobs.push({ kind: "engine", scenario, from, to: Math.min(n, from + chunk) });
  }
  for (const scenario of rotationScenarios().filter((s) => keep(s.key))) {
    counts[scenario.key] = reps;
    for (let from = 0; from < reps; from += chunk) jobs.push({ kind: "rotation", scenario, from, to: Math.min(reps, from + chunk) });
  }
  const started = performance.now();
  const { results, seconds } = await runAll(jobs, counts, workers);
  const wall = (performance.now() - started) / 1000;
  console.log(table(tableRows(results, perPoll)));
  const fewer = Object.entries(counts)
    .filter(([, n]) => n !== reps)
    .map(([k, n]) => `${k}: ${n}`)
    .join(", ");
  const fixedN = fixedHorizonSampleSize(0.085, 0.095, 0.05, 0.8);
  const config = DEFAULT_ENGINE_CONFIG;
  console.log(
    [
      "",
      `Fixed-horizon n (two arms, 8.5% vs 9.5%, alpha 0.05 two-sided, 80% power): ${fixedN} impressions per arm.`,
      `Engine: the product's config (env defaults${env.AB_BENCH_BEFORE ? "; AB_BENCH_BEFORE: the previous unending mixture" : ""}): one-sided boundaries spending alpha up to each row's deadline (its last poll; "cap" rows: the bench's 40,000 cap, "without the cap": the unending mixture), early line tuned at ${config.plannedImpressionsPerVariant}/variant, alpha ${config.alpha}, Holm over the leader's comparisons, minimum ${config.minImpressionsPerVariant}/variant, δ ${config.sameMargin}, ${config.allocationRule} allocation with floor ${config.allocationFloor} unless a row says Thompson.`,
      "Oracle: two-sided pooled z-tests of the leader against each other arm once at the deadline, Holm, α 0.05 (fixed horizon, no peeking).",
      "Naive: pooled two-proportion z-test of leader vs runner-up at every look (rotation: once, at the end), stop at p < 0.05; the previous 'preferred' is pooled P(best) ≥ 0.8.",
      `${reps} replications per scenario${fewer ? ` (${fewer})` : ""}; ± is a 95% interval; medians count runs without a correct decision as never; ${wall.toFixed(0)} s on ${workers} worker(s).`,
      `CPU seconds by scenario: ${Object.entries(seconds)
        .map(([k, s]) => `${k} ${s.toFixed(0)}`)
        .join(", ")}.`,
    ].join("\n"),
  );
}

/** Runs every job across worker threads; results by scenario key, in replication order. */
async function runAll(jobs: Job[], counts: Record<string, number>, workerCount: number) {
  const results: Record<string, Result[]> = {};
  const seconds: Record<string, number> = {};
  for (const job of jobs) results[job.scenario.key] ??= new Array<Result>(counts[job.scenario.key]);
  const queue = [...jobs];
  const pool = Array.from({ length: workerCount }, () => new threads.Worker(new URL(import.meta.url), { workerData: null }));
  await Promise.all(
    pool.map(
      (worker) =>
        new Promise<void>((resolve, reject) => {
          const next = () => {
            const job = queue.shift();
            if (job) worker.postMessage(job);
            else resolve();
          };
          worker.on("message", (message) => {
            const { key, from, results: batch, ms } = message as { key: string; from: number; results: Result[]; ms: number };
            batch.forEach((r, i) => (results[key][from + i] = r));
            seconds[key] = (seconds[key] ?? 0) + ms / 1000;
            next();
          });
          worker.on("error", reject);
          next();
        }),
    ),
  );
  await Promise.all(pool.map((w) => w.terminate()));
  return { results, seconds };
}
