// Starts `npm start` on a free port with fast polling and a throwaway persistence dir, waits for
// health, and stops the whole process group (npm → wrangler → workerd) afterwards.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

const free = (port) =>
  new Promise((res) => {
    const s = createServer().once("error", () => res(false));
    s.listen(port, "127.0.0.1", () => s.close(() => res(true)));
  });

export async function startServer({ root, ports = [8790, 8799], vars = {} }) {
  let port;
  for (let p = ports[0]; p <= ports[1] && !port; p++) if (await free(p)) port = p;
  if (!port) throw new Error(`no free port in ${ports.join("-")}`);
  const persist = mkdtempSync(join(tmpdir(), "e2e-state-"));
  const varArgs = Object.entries(vars).flatMap(([k, v]) => ["--var", `${k}:${v}`]);
  const args = ["start", "--", "--port", String(port), "--persist-to", persist, ...varArgs];
  const child = spawn("npm", args, { cwd: root, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let log = "";
  child.stdout.on("data", (d) => (log += d));
  child.stderr.on("data", (d) => (log += d));
  const base = `http://localhost:${port}`;
  const stop = () => {
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {}
    rmSync(persist, { recursive: true, force: true });
  };
  for (let i = 0; i < 240; i++) {
    if (child.exitCode !== null) break;
    const ok = await fetch(`${base}/api/v1/health`).then(
      (r) => r.ok,
      () => false,
    );
    // start.mjs registers the demo account after health; wait for its banner so the log is quiet.
    if (ok && /is running at/.test(log)) return { base, stop, log: () => log };
    await new Promise((r) => setTimeout(r, 500));
  }
  stop();
  throw new Error(`server did not become healthy:\n${log.slice(-3000)}`);
}
