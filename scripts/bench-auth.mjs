// Throughput of an authenticated read (GET /workflows/{id}/ab-status) against `npm start`, before
// and after the session check, with the same load and settings in one run. Each version is a git
// ref exported to a temporary directory (sharing this checkout's node_modules) and started with
// `npm start` on its own port and fresh state; rounds alternate between the versions so drift on
// a shared machine hits both alike. Requests stay on 127.0.0.1 and the load is bounded.
//
// By default "before" is the "after" ref with the session lookup taken out (the token's
// signature and claims are still checked), so the figures isolate the cost of that one D1 read
// from everything else that changed; --before <ref> compares against another commit instead,
// e.g. the one before sessions existed: --before "$(git log --format=%H -1 --grep='revocable sessions')^".
//
//   npm exec -- node scripts/bench-auth.mjs [--before <ref>] [--after <ref>] [--connections 8]
//                                           [--seconds 10] [--rounds 3] [--port 8799]
import { execFileSync, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const git = (...a) => execFileSync("git", a, { cwd: root, encoding: "utf8" }).trim();

const after = opt("after", "HEAD");
/** Replaces the session lookup in verifySession with "the token's own user": no D1 read. */
const WITHOUT_SESSION_READ = {
  file: "worker/auth/tokens.ts",
  from: /const owner = await sessionOwner\([^;]*\);/,
  to: "const owner = claims.userId; // bench: no session read",
};
const versions = [
  opt("before") ? { name: "before", ref: opt("before") } : { name: "before", ref: after, patch: WITHOUT_SESSION_READ },
  { name: "after", ref: after },
  // The same code with the isolate's session memory off: one D1 read on every request.
  { name: "strict", ref: after, vars: ["SESSION_CACHE_SECONDS:0"] },
];
const CONNECTIONS = Math.min(64, Number(opt("connections", 8)));
const SECONDS = Math.min(60, Number(opt("seconds", 10)));
const ROUNDS = Math.min(10, Number(opt("rounds", 3)));
const BASE_PORT = Number(opt("port", 8799));
const PASSWORD = "bench-password-2026";
const env = { ...process.env, WRANGLER_SEND_METRICS: "false", CLOUDFLARE_CF_FETCH_ENABLED: "false" };

const work = mkdtempSync(join(tmpdir(), "bench-auth-"));
const children = [];

/** Stops every server this run started: its process group (start.mjs, wrangler, workerd), then for sure. */
async function cleanUp() {
  const signal = (child, sig) => {
    try {
      process.kill(-child.pid, sig);
    } catch {
      // already gone
    }
  };
  for (const child of children) signal(child, "SIGTERM");
  await new Promise((r) => setTimeout(r, 3000));
  for (const child of children) signal(child, "SIGKILL");
  rmSync(work, { recursive: true, force: true });
}
process.on("SIGINT", () => cleanUp().then(() => process.exit(130)));

/** Exports `ref` into its own directory and starts it with `npm start` on `port`. */
async function start(version, port) {
  const dir = join(work, version.name);
  mkdirSync(dir);
  execFileSync("sh", ["-c", `git -C "${root}" archive "${version.ref}" | tar -x -C "${dir}"`]);
  symlinkSync(join(root, "node_modules"), join(dir, "node_modules"));
  if (version.patch) {
    const file = join(dir, version.patch.file);
    const text = readFileSync(file, "utf8");
    if (!version.patch.from.test(text)) throw new Error(`${version.patch.file} no longer has the session lookup to take out`);
    writeFileSync(file, text.replace(version.patch.from, version.patch.to));
  }
  const persist = join(work, `${version.name}-state`);
  const vars = (version.vars ?? []).flatMap((v) => ["--var", v]);
  // What `npm start` runs, with this Node (22, from the project's devDependency via npm exec).
  const child = spawn(
    process.execPath,
    [
      "scripts/start.mjs",
      "--port",
      String(port),
      "--ip",
      "127.0.0.1",
      "--persist-to",
      persist,
      "--inspector-port",
      String(port + 1000),
      ...vars,
    ],
    {
      cwd: dir,
      env,
      stdio: ["ignore", "pipe", "pipe"],
      detached: true, // its own process group, so cleanUp reaches wrangler and workerd too
    },
  );
  children.push(child);
  let log = "";
  child.stdout.on("data", (d) => (log += d));
  child.stderr.on("data", (d) => (log += d));
  const base = `http://127.0.0.1:${port}/api/v1`;
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`${version.name} exited:\n${log.slice(-2000)}`);
    if (/is running at/.test(log)) {
      const how = version.patch ? " without the session read" : version.vars ? ` with ${version.vars.join(" ")}` : "";
      const commit = git("rev-parse", "--short", version.ref) + how;
      return { ...version, base, commit };
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${version.name} did not start:\n${log.slice(-2000)}`);
}

async function api(base, method, path, { token, body } = {}) {
  const headers = { "content-type": "application/json" };
  if (token) headers.authorization = `Bearer ${token}`;
  const res = await fetch(`${base}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 300)}`);
  return text ? JSON.parse(text) : null;
}

/** A signed-in user with one workflow in its A/B test: the request under load needs both. */
async function prepare(target) {
  const email = `bench-${Date.now()}@example.com`;
  await api(target.base, "POST", "/auth/register", { body: { email, password: PASSWORD } });
  const { access_token: token } = await api(target.base, "POST", "/auth/login", { body: { username: email, password: PASSWORD } });
  const wf = await api(target.base, "POST", "/workflows/start", { token, body: { topic: "home espresso" } });
  const picked = await api(target.base, "POST", `/workflows/${wf.id}/approve`, {
    token,
    body: { action: "approve", script_id: wf.scripts[0].id },
  });
  await api(target.base, "POST", `/workflows/${wf.id}/select-thumbnail`, { token, body: { thumbnail_id: picked.thumbnails[0].id } });
  return { ...target, token, url: `${target.base}/workflows/${wf.id}/ab-status` };
}

/** CONNECTIONS loops of back-to-back requests for `seconds`; every answer must be a 200. */
async function load(target, seconds) {
  const until = performance.now() + seconds * 1000;
  const latencies = [];
  let errors = 0;
  const headers = { authorization: `Bearer ${target.token}` };
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (performance.now() < until) {
        const t0 = performance.now();
        const res = await fetch(target.url, { headers });
        await res.arrayBuffer();
        if (res.status === 200) latencies.push(performance.now() - t0);
        else errors++;
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  const at = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN;
  return { rps: latencies.length / seconds, p50: at(0.5), p99: at(0.99), errors };
}

try {
  const targets = [];
  for (const [i, v] of versions.entries()) targets.push(await prepare(await start(v, BASE_PORT + i)));
  console.log(`GET /workflows/{id}/ab-status, ${CONNECTIONS} connections, ${ROUNDS} rounds of ${SECONDS} s per version, alternating`);
  for (const t of targets) await load(t, 2); // warm-up: JIT, D1 and object caches
  const results = Object.fromEntries(targets.map((t) => [t.name, []]));
  for (let round = 0; round < ROUNDS; round++) {
    const order = round % 2 === 0 ? targets : [...targets].reverse();
    for (const t of order) {
      const r = await load(t, SECONDS);
      results[t.name].push(r);
      console.log(
        `round ${round + 1} ${t.name.padEnd(6)} ${r.rps.toFixed(0).padStart(6)} req/s  p50 ${r.p50.toFixed(1)} ms  p99 ${r.p99.toFixed(1)} ms  errors ${r.errors}`,
      );
    }
  }
  const mean = (name) => results[name].reduce((s, r) => s + r.rps, 0) / ROUNDS;
  for (const t of targets) console.log(`${t.name.padEnd(6)} ${t.commit}: mean ${mean(t.name).toFixed(0)} req/s`);
  for (const t of targets.filter((t) => t.name !== "before")) {
    const change = (mean(t.name) / mean("before") - 1) * 100;
    console.log(`${t.name} vs before: ${change >= 0 ? "+" : ""}${change.toFixed(1)}% (target for the default: no worse than -10%)`);
  }
  if (Object.values(results).some((rs) => rs.some((r) => r.errors > 0))) process.exitCode = 1;
} finally {
  await cleanUp();
}
