// `npm run bench:stats`: the A/B engine against the prototype's naive rule on the same
// simulated data. One table; a PASS/FAIL per target from the issue.
//
// Environment:
//   AB_BENCH_REPS                replications per scenario (default 2000: ±1pp near 5%)
//   AB_SIM_IMPRESSIONS_PER_POLL  impressions per 30-second poll (default 30, 10 per variant)
//   AB_BENCH_WORKERS             worker threads (default 2)
import { DEFAULT_ENGINE_CONFIG, DEFAULT_IMPRESSIONS_PER_POLL, type EngineConfig, fixedHorizonSampleSize } from "../worker/domain/stats";
import { type Row, int, pct, summarise, table } from "./bench/report";
import { type RunResult, type Scenario, runReplication } from "./bench/run";

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

interface Job {
  scenario: Scenario;
  from: number;
  to: number;
}

if (!threads.isMainThread) {
  const config = threads.workerData as EngineConfig;
  threads.parentPort?.on("message", (message) => {
    const { scenario, from, to } = message as Job;
    const results: RunResult[] = [];
    for (let rep = from; rep < to; rep++) results.push(runReplication(scenario, rep, config));
    threads.parentPort?.postMessage({ key: scenario.key, from, results });
  });
} else {
  await main();
}

async function main() {
  const reps = Number(env.AB_BENCH_REPS ?? 2000);
  const perPoll = Number(env.AB_SIM_IMPRESSIONS_PER_POLL ?? DEFAULT_IMPRESSIONS_PER_POLL);
  const workers = Math.max(1, Number(env.AB_BENCH_WORKERS ?? 2));
  const config = DEFAULT_ENGINE_CONFIG;
  const pollsIn72h = (72 * 3600) / 30;
  const aa = [0.085, 0.085, 0.085];
  const real = [0.085, 0.062, 0.095]; // face, product, viral: arm 2 is best
  const every30s = { polls: pollsIn72h, impressionsPerPoll: perPoll };
  const scenarios: Scenario[] = [
    // 900 per look is 300 per variant on average under an even split.
    { key: "aa300", ctrs: aa, polls: 60, impressionsPerPoll: 900, allocation: "uniform", naive: true, seedBase: 1 },
    { key: "aa30s", ctrs: aa, ...every30s, allocation: "uniform", naive: true, seedBase: 2 },
    { key: "real", ctrs: real, ...every30s, allocation: "uniform", naive: true, seedBase: 3 },
    { key: "ts", ctrs: real, ...every30s, allocation: "thompson", naive: false, seedBase: 4 },
    { key: "tsAA", ctrs: aa, ...every30s, allocation: "thompson", naive: false, seedBase: 5 },
  ];
  const started = performance.now();
  const results = await runAll(scenarios, reps, workers, config);
  const seconds = (performance.now() - started) / 1000;

  const fixedN = fixedHorizonSampleSize(0.085, 0.095, 0.05, 0.8);
  const medianTarget = 1.2 * fixedN;
  const aa300 = summarise(results.aa300, -1, Infinity);
  const aa30s = summarise(results.aa30s, -1, Infinity);
  const uniform = summarise(results.real, 2, 40_000);
  const ts = summarise(results.ts, 2, 40_000);
  const tsAA = summarise(results.tsAA, -1, Infinity);
  const lost = { ts: ts.engine.regret, uniform: uniform.engine.regret };
  const ratio = lost.ts.mean / lost.uniform.mean;
  // Delta method for a ratio of independent means.
  const ratioMargin = 1.96 * ratio * Math.hypot(lost.ts.se / lost.ts.mean, lost.uniform.se / lost.uniform.mean);
  const check = (ok: boolean) => (ok ? "PASS" : "FAIL");
  const times = (n: number) => `${int(n)} (${(n / fixedN).toFixed(2)}× n)`;
  const schedule = `30-s polls × 72 h, ${perPoll}/poll`;
  const fpRow = (name: string, r: ReturnType<typeof summarise>, naive = true): Row => [
    name,
    "false-positive rate",
    pct(r.engine.anyWinner),
    naive ? pct(r.naive.anyWinner) : "",
    "≤ 5%",
    check(r.engine.anyWinner.value <= 0.05),
  ];
  const lowestRow = (r: ReturnType<typeof summarise>): Row => [
    "",
    "… naive testing leader vs lowest arm",
    "",
    pct(r.naive.lowest),
    "(info)",
    "",
  ];
  const rows: Row[] = [
    fpRow("A/A 3 × 8.5%, look every 300/variant × 60", aa300),
    lowestRow(aa300),
    fpRow(`A/A 3 × 8.5%, ${schedule}`, aa30s),
    lowestRow(aa30s),
    [
      `8.5/6.2/9.5%, uniform, ${schedule}`,
      "power by 40,000/variant",
      pct(uniform.engine.power),
      pct(uniform.naive.power),
      "≥ 90%",
      check(uniform.engine.power.value >= 0.9),
    ],
    ["", "wrong-winner rate", pct(uniform.engine.wrong), pct(uniform.naive.wrong), "≤ 1%", check(uniform.engine.wrong.value <= 0.01)],
    [
      "",
      "median impressions/variant to correct decision",
      times(uniform.engine.median),
      times(uniform.naive.median),
      `≤ 1.2 × n = ${int(medianTarget)}`,
      check(uniform.engine.median <= medianTarget),
    ],
    [
      `8.5/6.2/9.5%, Thompson, ${schedule}`,
      "clicks lost vs always-best (mean per test)",
      `${int(lost.ts.mean)} vs uniform ${int(lost.uniform.mean)}`,
      "",
      "",
      "",
    ],
    ["", "Thompson / uniform clicks lost", `${ratio.toFixed(2)} ±${ratioMargin.toFixed(2)}`, "", "≤ 0.40", check(ratio <= 0.4)],
    ["", "power by 40,000/variant; wrong winners", `${pct(ts.engine.power)}; ${pct(ts.engine.wrong)}`, "", "(info)", ""],
    fpRow(`A/A 3 × 8.5%, Thompson, ${schedule}`, tsAA, false),
  ];
  console.log(table(rows));
  console.log(
    [
      "",
      `Fixed-horizon n (two arms, 8.5% vs 9.5%, alpha 0.05 two-sided, 80% power): ${int(fixedN)} impressions per arm.`,
      `Engine: mixture boundary tuned at ${int(config.plannedImpressionsPerVariant)} impressions/variant, alpha ${config.alpha}, Holm over the leader's comparisons, minimum ${int(config.minImpressionsPerVariant)}/variant, Thompson floor ${config.allocationFloor}.`,
      `Naive: pooled two-proportion z-test of leader vs runner-up at every look, stop at p < 0.05.`,
      `${reps} replications per scenario (± is a 95% interval); medians count runs without a correct decision as never; ${seconds.toFixed(0)} s on ${workers} worker(s).`,
    ].join("\n"),
  );
}

/** Runs every scenario's replications in chunks across worker threads. */
async function runAll(
  scenarios: Scenario[],
  reps: number,
  workerCount: number,
  config: EngineConfig,
): Promise<Record<string, RunResult[]>> {
  const chunk = 50;
  const queue: Job[] = [];
  for (const scenario of scenarios) {
    for (let from = 0; from < reps; from += chunk) {
      queue.push({ scenario, from, to: Math.min(reps, from + chunk) });
    }
  }
  const results: Record<string, RunResult[]> = Object.fromEntries(scenarios.map((s) => [s.key, new Array<RunResult>(reps)]));
  const pool = Array.from({ length: workerCount }, () => new threads.Worker(new URL(import.meta.url), { workerData: config }));
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
            const {
              key,
              from,
              results: batch,
            } = message as {
              key: string;
              from: number;
              results: RunResult[];
            };
            batch.forEach((r, i) => (results[key][from + i] = r));
            next();
          });
          worker.on("error", reject);
          next();
        }),
    ),
  );
  await Promise.all(pool.map((w) => w.terminate()));
  return results;
}
