// `npm run test:e2e`: the creator's whole journey through the UI in headless Debian Chromium,
// against the real app (npm start, 1-second updates). Each screen is photographed at 1280 px
// (light and dark) and 375 px into test-results/e2e/ and checked with axe-core in both themes.
// Assertions that need a server feature not yet there print "skipped: <reason>".
import { existsSync, mkdirSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { AXE_PATH, createHarness, DESKTOP } from "./harness.mjs";
import { startServer } from "./server.mjs";
import { monitorSteps } from "./steps-monitor.mjs";
import { moreSteps } from "./steps-more.mjs";
import { resultSteps } from "./steps-results.mjs";
import { scriptSteps } from "./steps-scripts.mjs";
import { startSteps } from "./steps-start.mjs";
import { teamSteps } from "./steps-teams.mjs";
import { checkPreviews, myFaceSteps } from "./steps-previews.mjs";
import { thumbnailSteps } from "./steps-thumbs.mjs";
import { startGoogle, youtubeSteps } from "./steps-youtube.mjs";

// Debian's Chromium is the only browser used (a downloaded browser build cannot install here).
// CI installs it and must run the journey; elsewhere its absence is reported, not hidden.
if (!existsSync("/usr/bin/chromium")) {
  const message = "Browser journey needs Debian's Chromium: sudo apt-get install -y chromium";
  if (process.env.CI) {
    console.error(message);
    process.exit(1);
  }
  console.log(`${message}\n0 passed, 0 failed, 1 skipped`);
  process.exit(0);
}

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const shots = join(root, "test-results", "e2e");
rmSync(shots, { recursive: true, force: true });
mkdirSync(shots, { recursive: true });

// The fake Google for the YouTube rotation path; the Worker shares its accelerated clock.
const { google, vars: googleVars } = await startGoogle(root);
const server = await startServer({
  root,
  // A short deadline lets a second workflow end by itself, to see the engine's result dialog.
  // Budgets are raised: the journey starts more workflows than a creator's day allows.
  vars: {
    AB_POLL_INTERVAL_SECONDS: 1,
    AB_TEST_TIMEOUT_HOURS: 0.025,
    BUDGET_WORKFLOWS_PER_DAY: 100,
    BUDGET_CONCURRENT_TESTS: 20,
    BUDGET_SCRIPT_GENERATIONS_PER_DAY: 200,
    ...googleVars,
  },
});
// A webhook receiver that accepts every delivery, for the integrator screens' delivery log.
const receiver = createServer((req, res) => req.resume().on("end", () => res.writeHead(204).end()));
await new Promise((r) => receiver.listen(0, "127.0.0.1", r));

const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  headless: true,
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
});
const context = await browser.newContext({ viewport: DESKTOP, acceptDownloads: true, colorScheme: "light" });
await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.base });
// axe-core in every page (init scripts are not subject to the pages' CSP), and a record of the
// subprotocols each WebSocket asked for.
await context.addInitScript({ path: AXE_PATH });
await context.addInitScript(() => {
  const Native = window.WebSocket;
  if (!Native) return;
  window.__sockets = [];
  window.WebSocket = class extends Native {
    constructor(url, protocols) {
      super(url, protocols);
      window.__sockets.push({ url: String(url), protocols: protocols ?? null, socket: this });
    }
  };
});
const page = await context.newPage();
const errors = [];
page.on("pageerror", (e) => errors.push(String(e)));
const sockets = [];
page.on("websocket", (ws) => {
  const rec = { url: ws.url(), sent: [], received: 0 };
  sockets.push(rec);
  ws.on("framesent", (f) => rec.sent.push(String(f.payload)));
  ws.on("framereceived", () => rec.received++);
});

const h = createHarness({ page, shots, base: server.base });
h.state.receiver = { url: `http://127.0.0.1:${receiver.address().port}/hook` };
const user = { email: `e2e-${Date.now()}@example.com`, password: "journey-pass-42" };
const topic = "Budget travel in Japan";

try {
  await startSteps(h, { context, user, topic });
  await scriptSteps(h);
  await thumbnailSteps(h);
  await monitorSteps(h, { sockets });
  await h.step("monitor previews are the server's PNG at their claimed width", () => checkPreviews(h, "monitor"));
  await resultSteps(h, { topic });
  await h.step("results previews are the server's PNG at their claimed width", () => checkPreviews(h, "results"));
  await myFaceSteps(h);
  await teamSteps(h, { browser, axe: AXE_PATH });
  await moreSteps(h, { user });
  await youtubeSteps(h, { google, user });
  await h.step("no uncaught errors on any page", async () => {
    if (errors.length) throw new Error(errors.join("\n"));
  });
} finally {
  await browser.close().catch(() => {});
  receiver.close();
  server.stop();
  await google.close();
}
console.log(
  `${h.passed} passed, ${h.failed} failed, ${h.skipped} skipped; axe: ${h.axeRuns} runs, 0 serious/critical allowed, ${h.axeMinor} minor/moderate; ${h.shotCount} screenshots in test-results/e2e/`,
);
process.exit(h.failed ? 1 : 0);
