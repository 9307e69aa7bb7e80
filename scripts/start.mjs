#!/usr/bin/env node
// `npm start`: a working app on embedded defaults with no set-up. It creates .dev.vars with a
// random JWT secret when missing (and replaces a placeholder one), builds the web app, applies
// the D1 migrations locally, starts `wrangler dev` (extra arguments after `--` are passed on)
// and creates a demo account.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const env = { ...process.env, WRANGLER_SEND_METRICS: "false", CLOUDFLARE_CF_FETCH_ENABLED: "false" };
const wrangler = join(root, "node_modules", ".bin", "wrangler");

const DEMO = { email: "demo@creator.local", password: "demo-password-2026" };

function argValue(name) {
  const i = args.indexOf(name);
  if (i >= 0) return args[i + 1];
  const eq = args.find((a) => a.startsWith(`${name}=`));
  return eq?.slice(name.length + 1);
}

/** The example's placeholder, or anything that reads like one: the Worker refuses these (503). */
function isPlaceholder(secret, example) {
  const exampleSecret = /^JWT_SECRET=(.*)$/m.exec(example)?.[1]?.trim();
  return secret.length < 32 || secret === exampleSecret || /replace-with|change-?me|your-secret|placeholder/i.test(secret);
}

function ensureDevVars() {
  const file = join(root, ".dev.vars");
  const example = existsSync(join(root, ".dev.vars.example")) ? readFileSync(join(root, ".dev.vars.example"), "utf8") : "";
  const secret = randomBytes(48).toString("base64url");
  if (existsSync(file)) {
    let text = readFileSync(file, "utf8");
    const current = /^JWT_SECRET=(.*)$/m.exec(text)?.[1]?.trim();
    if (current === undefined || isPlaceholder(current, example)) {
      // A copied example (or a hand-written short value) would make every token forgeable.
      text = current === undefined ? `JWT_SECRET=${secret}\n${text}` : text.replace(/^JWT_SECRET=.*$/m, `JWT_SECRET=${secret}`);
      console.log("Replaced the placeholder JWT_SECRET in .dev.vars with a random one.");
    }
    // Older files predate ENVIRONMENT; local webhooks to http://localhost need it.
    if (!/^ENVIRONMENT=/m.test(text)) text = `${text.replace(/\n?$/, "\n")}ENVIRONMENT=development\n`;
    writeFileSync(file, text, { mode: 0o600 });
    return;
  }
  const body = example.includes("JWT_SECRET=")
    ? example.replace(/^JWT_SECRET=.*$/m, `JWT_SECRET=${secret}`)
    : `JWT_SECRET=${secret}\n${example}`;
  writeFileSync(file, body, { mode: 0o600 });
  console.log("Created .dev.vars with a random JWT_SECRET (kept out of git).");
}

/** Google tokens of connected YouTube channels are sealed with TOKEN_ENCRYPTION_KEY (32 random bytes). */
function ensureTokenKey() {
  const file = join(root, ".dev.vars");
  const text = readFileSync(file, "utf8");
  if (/^TOKEN_ENCRYPTION_KEY=\S/m.test(text)) return;
  const line = `TOKEN_ENCRYPTION_KEY=${randomBytes(32).toString("base64")}`;
  const body = /^TOKEN_ENCRYPTION_KEY=/m.test(text)
    ? text.replace(/^TOKEN_ENCRYPTION_KEY=.*$/m, line)
    : `${text.replace(/\n?$/, "\n")}${line}\n`;
  writeFileSync(file, body, { mode: 0o600 });
  console.log("Added a random TOKEN_ENCRYPTION_KEY to .dev.vars (kept out of git).");
}

function run(cmd, cmdArgs, what) {
  const r = spawnSync(cmd, cmdArgs, { cwd: root, env, stdio: "inherit" });
  if (r.status !== 0) {
    console.error(`${what} failed (exit ${r.status}).`);
    process.exit(r.status ?? 1);
  }
}

async function waitForHealth(base, child) {
  for (let i = 0; i < 240; i++) {
    if (child.exitCode !== null) return false;
    try {
      const r = await fetch(`${base}/api/v1/health`);
      if (r.status === 200 || r.status === 503) return true;
    } catch {
      // not up yet
    }
    await new Promise((res) => setTimeout(res, 500));
  }
  return false;
}

ensureDevVars();
ensureTokenKey();
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
if (pkg.scripts?.["build:web"]) run("npm", ["run", "--silent", "build:web"], "Building the web app");

const persistTo = argValue("--persist-to");
run(wrangler, ["d1", "migrations", "apply", "DB", "--local", ...(persistTo ? ["--persist-to", persistTo] : [])], "Applying D1 migrations");

const port = argValue("--port") ?? "8787";
const devArgs = ["dev", ...args, ...(argValue("--port") ? [] : ["--port", port])];
const child = spawn(wrangler, devArgs, { cwd: root, env, stdio: "inherit" });
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => child.kill(sig));
child.on("exit", (code) => process.exit(code ?? 0));

const base = `http://localhost:${port}`;
if (await waitForHealth(base, child)) {
  const r = await fetch(`${base}/api/v1/auth/register`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(DEMO),
  }).catch(() => null);
  const account =
    r && (r.status === 201 || r.status === 409) ? `${DEMO.email} / ${DEMO.password}` : "(could not create; sign up in the app)";
  console.log(`\n  Creator Agent Toolbox is running at ${base}\n  API: ${base}/api/v1/health\n  Demo account: ${account}\n`);
}
