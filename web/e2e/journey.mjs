// `npm run test:e2e`: the creator's whole journey through the UI in headless Debian Chromium,
// against the real app (npm start, 1-second polling). Screenshots go to test-results/e2e/.
import assert from "node:assert/strict";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { startServer } from "./server.mjs";

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
const DESKTOP = { width: 1280, height: 860 };
const T = 15_000;

const server = await startServer({
  root,
  // A short deadline lets a second workflow end by itself, to see the engine's winner dialog.
  vars: { AB_POLL_INTERVAL_SECONDS: 1, AB_TEST_TIMEOUT_HOURS: 0.025 },
});
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
const context = await browser.newContext({ viewport: DESKTOP, acceptDownloads: true });
await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.base });
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

const user = { email: `e2e-${Date.now()}@example.com`, password: "journey-pass-42" };
const topic = "Budget travel in Japan";
const state = {};
let passed = 0;
let failed = 0;

const shot = (name) => page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
async function phone(name) {
  await page.setViewportSize({ width: 375, height: 812 });
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(shots, `${name}-375.png`), fullPage: true });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
  await page.setViewportSize(DESKTOP);
  assert.ok(overflow <= 0, `${name}: page is ${overflow}px wider than a 375px screen`);
}
const heading = (name, p = page) => p.getByRole("heading", { name, exact: true }).first().waitFor({ timeout: T });
const impressions = (p = page) =>
  p.$$eval("dd[data-metric=impressions]", (els) => els.reduce((s, e) => s + Number(e.textContent.replace(/\D/g, "")), 0));
const api = async (method, path, body) => {
  const r = await fetch(`${server.base}/api/v1${path}`, {
    method,
    headers: { "content-type": "application/json", ...(state.token ? { authorization: `Bearer ${state.token}` } : {}) },
    body: body && JSON.stringify(body),
  });
  assert.ok(r.ok, `${method} ${path} -> ${r.status}`);
  return r.json();
};

async function step(name, fn) {
  if (failed) {
    console.log(`- skipped: ${name}`);
    failed++;
    return;
  }
  const t0 = Date.now();
  try {
    await fn();
    passed++;
    console.log(`✓ ${name} (${Date.now() - t0} ms)`);
  } catch (e) {
    failed++;
    console.log(
      `✗ ${name}\n  ${String(e?.stack ?? e)
        .split("\n")
        .slice(0, 6)
        .join("\n  ")}`,
    );
    await shot(`FAILED-${name.replace(/\W+/g, "-")}`).catch(() => {});
  }
}

try {
  await step("a signed-out visitor is sent to sign-in, keeping the page", async () => {
    await page.goto(`${server.base}/workflows/some-id`);
    await heading("Sign in");
    assert.match(page.url(), /\/signin\?next=%2Fworkflows%2Fsome-id$/);
    await phone("01-sign-in");
  });

  await step("sign up: own validation and the API's problem details are shown at the field", async () => {
    await page.goto(`${server.base}/signup`);
    await heading("Create your account");
    await page.getByLabel("Email").fill("demo@creator.local");
    await page.getByLabel("Password").fill("short");
    await page.getByRole("button", { name: "Create account" }).click();
    await page.getByText("Use at least 10 characters.").waitFor({ timeout: T });
    assert.equal(await page.getByLabel("Password").getAttribute("aria-invalid"), "true");
    await page.getByLabel("Password").fill("demo-password-2026");
    await page.getByRole("button", { name: "Create account" }).click();
    await page
      .locator("#f-email-err")
      .filter({ hasText: /already/i })
      .waitFor({ timeout: T });
    assert.equal(await page.getByLabel("Email").getAttribute("aria-invalid"), "true");
    await shot("02-sign-up-errors");
    await page.getByLabel("Email").fill(user.email);
    await page.getByLabel("Password").fill(user.password);
    await page.getByRole("button", { name: "Create account" }).click();
    await heading("Dashboard");
    state.token = (await api("POST", "/auth/login", { username: user.email, password: user.password })).access_token;
  });

  await step("dashboard: health, empty list, new workflow form", async () => {
    await page.getByText("API healthy").waitFor({ timeout: T });
    await page.getByText("No workflows yet").waitFor({ timeout: T });
    // A second workflow, tested by the API and watched in its own tab, will end by itself.
    const wf = await api("POST", "/workflows/start", { topic: "Sourdough for beginners" });
    const approved = await api("POST", `/workflows/${wf.id}/approve`, { action: "approve", script_id: wf.scripts[0].id });
    await api("POST", `/workflows/${wf.id}/select-thumbnail`, { thumbnail_id: approved.thumbnails[1].id });
    state.other = await context.newPage();
    await state.other.goto(`${server.base}/workflows/${wf.id}`);
    await heading("A/B test", state.other);
    await page.reload();
    await page.getByText("Sourdough for beginners").waitFor({ timeout: T });
    await page.locator(".wf-list .badge", { hasText: "A/B testing" }).waitFor({ timeout: T });
    await page.getByLabel("Status").selectOption("awaiting_approval");
    await page.getByText("No workflows with this status.").waitFor({ timeout: T });
    await page.getByLabel("Status").selectOption("");
    await page.getByLabel("Topic").fill("ab");
    await page.getByRole("button", { name: "Start workflow" }).click();
    await page.getByText("Give a topic of at least 3 characters.").waitFor();
    await shot("03-dashboard");
    await phone("03-dashboard");
  });

  await step("create a workflow and review three scripts side by side", async () => {
    await page.getByLabel("Topic").fill(topic);
    await page.getByLabel("Audience (optional)").fill("students on a budget");
    await page.getByRole("button", { name: "Start workflow" }).click();
    await heading(topic);
    await heading("Review the scripts");
    assert.match(page.url(), /\/workflows\/[\w-]+$/);
    state.url = page.url();
    state.firstTitles = await page.$$eval("article.script h3", (h) => h.map((x) => x.textContent));
    assert.equal(state.firstTitles.length, 3);
    assert.equal(new Set(state.firstTitles).size, 3, "three different scripts");
    await page.getByText("Written by offline.").waitFor({ timeout: T });
    await page.getByRole("link", { name: "← All workflows" }).click();
    const row = page.locator(".wf-list li", { hasText: topic });
    await row.getByText("Needs you").waitFor({ timeout: T });
    await row.getByRole("link", { name: topic }).click();
    await heading("Review the scripts");
    await shot("04-script-review");
    await phone("04-script-review");
  });

  await step("reject with feedback: new variants, earlier revision still reachable", async () => {
    await page.getByLabel("What should change?").fill("Shorter hooks, more humour");
    await page.getByRole("button", { name: "Reject and rewrite" }).click();
    await page.getByText("New scripts are ready").waitFor({ timeout: T });
    const titles = await page.$$eval("article.script h3", (h) => h.map((x) => x.textContent));
    assert.notDeepEqual(titles, state.firstTitles);
    await page.getByText("Rewritten after your feedback: “Shorter hooks, more humour”").waitFor();
    await page.getByRole("button", { name: "Revision 1" }).click();
    await page.getByText("You are looking at revision 1").waitFor();
    assert.deepEqual(await page.$$eval("article.script h3", (h) => h.map((x) => x.textContent)), state.firstTitles);
    await shot("05-earlier-revision");
    await page.getByRole("button", { name: /^Current/ }).click();
  });

  await step("approve a script, then see the three thumbnails", async () => {
    const approve = page.getByRole("button", { name: "Choose a script to approve" });
    assert.ok(await approve.isDisabled(), "approve waits for a choice");
    await page.getByRole("radio", { name: "Choose this script" }).nth(1).check();
    await page.getByRole("button", { name: /^Approve “/ }).click();
    await heading("Pick your thumbnail");
    const imgs = page.locator("fieldset.thumbs img");
    assert.equal(await imgs.count(), 3);
    await page.waitForFunction(() => [...document.querySelectorAll("fieldset.thumbs img")].every((i) => i.complete && i.naturalWidth > 0));
    for (const style of ["Face focused", "Product demo", "Viral"]) await page.getByText(style, { exact: true }).waitFor();
    await shot("06-thumbnails");
    await phone("06-thumbnails");
  });

  await step("pick a thumbnail and start the A/B test", async () => {
    await page.locator("input[name=thumbnail]").nth(2).check();
    await page.getByRole("button", { name: "Start A/B test with Viral as my pick" }).click();
    await heading("A/B test");
    await page
      .getByRole("status")
      .filter({ hasText: /^Live$/ })
      .waitFor({ timeout: T });
    await page.getByText("Your pick").waitFor();
  });

  await step("live channel: chart and numbers move without a reload", async () => {
    await page.evaluate(() => (window.__sameDocument = true));
    await page.locator(".chart canvas").first().waitFor({ timeout: T });
    const before = await impressions();
    await page.waitForFunction(
      (b) => {
        const n = [...document.querySelectorAll("dd[data-metric=impressions]")].reduce(
          (s, e) => s + Number(e.textContent.replace(/\D/g, "")),
          0,
        );
        return n > b + 50;
      },
      before,
      { timeout: T },
    );
    assert.equal(await page.evaluate(() => window.__sameDocument), true, "no reload happened");
    const live = sockets.filter((w) => w.url.endsWith("/live"));
    assert.ok(live.length > 0, "a live WebSocket was opened");
    for (const w of live) {
      assert.doesNotMatch(w.url, /token|eyJ/, "the token never goes into the URL");
      assert.equal(JSON.parse(w.sent[0]).type, "auth", "the token travels in the first message");
    }
    assert.ok(live.at(-1).received > 3, "updates arrived over the socket");
    await page.getByText("Leading", { exact: true }).waitFor();
    await page.getByRole("meter").waitFor();
    assert.match(await page.locator(".times").innerText(), /Elapsed[\s\S]*Time left/);
    await shot("07-monitor");
    await phone("07-monitor");
  });

  await step("after a reload the whole curve and numbers come back", async () => {
    const before = await impressions();
    await page.reload();
    await heading("A/B test");
    await page.locator(".chart canvas").first().waitFor({ timeout: T });
    assert.ok((await impressions()) >= before, "no stale numbers after reload");
  });

  await step("without WebSockets the page falls back to polling and still moves", async () => {
    const p = await context.newPage();
    await p.addInitScript(() => delete window.WebSocket);
    await p.goto(state.url);
    await p.getByText("refreshing every 2 s").waitFor({ timeout: T });
    const before = await impressions(p);
    await p.waitForFunction(
      (b) => {
        const n = [...document.querySelectorAll("dd[data-metric=impressions]")].reduce(
          (s, e) => s + Number(e.textContent.replace(/\D/g, "")),
          0,
        );
        return n > b;
      },
      before,
      { timeout: T },
    );
    await p.close();
  });

  await step("declare a winner, confirmed in a dialog", async () => {
    await page.getByRole("button", { name: "Declare winner…" }).click();
    const dialog = page.getByRole("dialog", { name: "Declare a winner" });
    await dialog.waitFor();
    await shot("08-declare-dialog");
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await dialog.waitFor({ state: "hidden" });
    await page.getByRole("button", { name: "Declare winner…" }).click();
    await dialog.getByRole("radio", { name: /^Viral/ }).check();
    await dialog.getByRole("button", { name: "Declare Viral the winner" }).click();
    await heading("Winning content");
    await page.getByText("You declared the winner").waitFor();
    assert.match(await page.locator("tr.won").innerText(), /Viral/);
    await shot("09-results");
    await phone("09-results");
  });

  await step("export: download JSON and Markdown, copy to clipboard", async () => {
    const [json] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download JSON" }).click()]);
    assert.match(json.suggestedFilename(), /\.json$/);
    const pkg = JSON.parse(readFileSync(await json.path(), "utf8"));
    assert.ok(JSON.stringify(pkg).includes(topic), "JSON export names the topic");
    const [md] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download Markdown" }).click()]);
    assert.match(md.suggestedFilename(), /\.md$/);
    const text = readFileSync(await md.path(), "utf8");
    assert.match(text, /^#/m);
    assert.ok(text.includes(topic), "Markdown export names the topic");
    await page.getByRole("button", { name: "Copy Markdown" }).click();
    await page.getByText("Copied the Markdown export").waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), text);
  });

  await step("stop a test (confirmed in a dialog), then page through the dashboard", async () => {
    const wf = await api("POST", "/workflows/start", { topic: "Stopped early" });
    const approved = await api("POST", `/workflows/${wf.id}/approve`, { action: "approve", script_id: wf.scripts[0].id });
    await api("POST", `/workflows/${wf.id}/select-thumbnail`, { thumbnail_id: approved.thumbnails[0].id });
    await page.goto(`${server.base}/workflows/${wf.id}`);
    await heading("A/B test");
    await page.getByRole("button", { name: "Stop test…" }).click();
    const dialog = page.getByRole("dialog", { name: "Stop the test?" });
    await dialog.getByRole("button", { name: "Keep testing" }).click();
    await dialog.waitFor({ state: "hidden" });
    await page.getByRole("button", { name: "Stop test…" }).click();
    await dialog.getByRole("button", { name: "Stop test" }).click();
    await heading("Winning content");
    await page.getByText("You stopped the test").waitFor({ timeout: T });
    assert.equal((await api("GET", `/workflows/${wf.id}/ab-status`)).decision, "stopped");

    // Twelve workflows in all: a first page of 10, and the rest behind "Next".
    for (let i = 0; i < 9; i++) await api("POST", "/workflows/start", { topic: `Paging topic ${i + 1}` });
    await page.goto(`${server.base}/`);
    await heading("Dashboard");
    const rows = page.locator(".wf-list li");
    await page.getByRole("link", { name: "Paging topic 9" }).waitFor({ timeout: T });
    assert.equal(await rows.count(), 10);
    await page.getByRole("button", { name: "Next →" }).click();
    await page.getByRole("link", { name: "Budget travel in Japan" }).waitFor({ timeout: T });
    assert.equal(await rows.count(), 2);
    assert.ok(await page.getByRole("button", { name: "Next →" }).isDisabled());
    await page.getByRole("button", { name: "← Previous" }).click();
    await page.getByRole("link", { name: "Paging topic 9" }).waitFor({ timeout: T });
    // The status filter narrows the list to the stopped test's state.
    await page.getByLabel("Status").selectOption("completed");
    await page.getByRole("link", { name: "Stopped early" }).waitFor({ timeout: T });
    assert.ok((await rows.count()) >= 1);
    await page.goto(state.url);
    await heading("Winning content");
  });

  await step("the engine ends a test by itself: winner dialog on the open page", async () => {
    const other = state.other;
    const dialog = other.getByRole("dialog");
    await dialog.waitFor({ timeout: 120_000 });
    await other.screenshot({ path: join(shots, "10-engine-ended.png"), fullPage: true });
    assert.match(await dialog.innerText(), /won|ended/);
    await dialog.getByRole("button", { name: "See results" }).click();
    await heading("Winning content", other);
    await other.close();
  });

  await step("an expired session returns to sign-in, then back to the same page", async () => {
    await page.evaluate(() => {
      const s = JSON.parse(localStorage.getItem("cat.session"));
      localStorage.setItem("cat.session", JSON.stringify({ ...s, token: "expired.token.value" }));
    });
    await page.reload();
    await heading("Sign in");
    await page.getByText("Your session has expired").waitFor();
    await page.getByLabel("Email").fill(user.email);
    await page.getByLabel("Password").fill(user.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await heading("Winning content");
    assert.equal(page.url(), state.url);
  });

  await step("sign out", async () => {
    await page.getByRole("button", { name: "Sign out" }).click();
    await heading("Sign in");
    await page.getByText("You are signed out.").waitFor();
    assert.equal(await page.evaluate(() => localStorage.getItem("cat.session")), null);
    assert.deepEqual(errors, [], "no uncaught page errors");
  });
} finally {
  await browser.close().catch(() => {});
  server.stop();
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
