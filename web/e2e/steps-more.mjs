// Stopping a test, paging, the engine's own ending, the integrator screens, the API docs page,
// an expired session and signing out.
import assert from "node:assert/strict";
import { T } from "./harness.mjs";

export async function moreSteps(h, { user }) {
  const { page } = h;

  await h.step("stop a test (confirmed in a dialog), then page and filter the dashboard", async () => {
    const wf = await h.startTest("Stopped early");
    await page.goto(`${h.base}/workflows/${wf.id}`);
    await h.heading("A/B test");
    await page.getByRole("button", { name: "Stop test…" }).click();
    const dialog = page.getByRole("dialog", { name: "Stop the test?" });
    await dialog.getByRole("button", { name: "Keep testing" }).click();
    await dialog.waitFor({ state: "hidden" });
    await page.getByRole("button", { name: "Stop test…" }).click();
    await dialog.getByRole("button", { name: "Stop test" }).click();
    await h.heading("Winning content");
    assert.equal((await h.apiOk("GET", `/workflows/${wf.id}/ab-status`)).decision, "stopped");

    const total = (await h.apiOk("GET", "/workflows?limit=100")).items.length;
    for (let i = total; i < 12; i++) await h.apiOk("POST", "/workflows/start", { topic: `Paging topic ${i + 1}` });
    await page.goto(`${h.base}/`);
    await h.heading("Dashboard");
    const rows = page.locator(".wf-list li");
    await rows.first().waitFor({ timeout: T });
    assert.equal(await rows.count(), 10);
    await page.getByRole("button", { name: "Next →" }).click();
    await page.getByRole("link", { name: "Sourdough for beginners" }).waitFor({ timeout: T });
    assert.ok(await page.getByRole("button", { name: "Next →" }).isDisabled());
    await page.getByRole("button", { name: "← Previous" }).click();
    // The list's status index follows the workflow a moment later; wait for it, then use the filter.
    for (let i = 0; i < 75; i++) {
      const done = await h.apiOk("GET", "/workflows?status=completed&limit=100");
      if (done.items.some((w) => w.id === wf.id)) break;
      await page.waitForTimeout(200);
    }
    await page.getByLabel("Show").selectOption("completed");
    await page.getByRole("link", { name: "Stopped early" }).waitFor({ timeout: T });
    await page.getByLabel("Show").selectOption("awaiting_thumbnail_selection");
    await page.getByText("No workflows with this status.").waitFor({ timeout: T });
  });

  await h.step("the engine ends a test by itself: the result dialog on the open page", async () => {
    const other = h.state.other;
    const dialog = other.getByRole("dialog");
    await dialog.waitFor({ timeout: 120_000 });
    const ab = await h.apiOk("GET", `/workflows/${h.state.otherId}/ab-status`);
    const says = await dialog.innerText();
    if (ab.summary) assert.ok(says.includes(ab.summary.text), `the dialog says the server's status line: ${says}`);
    else assert.match(says, /wins|No clear winner|did best|No meaningful difference/);
    await dialog.getByText("This test ran on simulated traffic, not real viewers.").waitFor();
    await h.capture("13-engine-ended", other);
    await dialog.getByRole("button", { name: "See results" }).click();
    await h.heading("Winning content", other);
    await other.close();
  });

  await h.step("integrator screens: create a scoped key and a webhook, see deliveries, usage against budgets", async () => {
    await page.getByRole("link", { name: "Settings", exact: true }).click();
    await h.heading("Settings");
    await page.getByRole("heading", { name: "Usage" }).waitFor();
    await page.locator(".budgets li").first().waitFor({ timeout: T });
    assert.match(await page.locator(".budgets").innerText(), /Workflows started per UTC day: \d+ of \d+/);

    await page.getByLabel("Name").fill("analytics export");
    await page.getByRole("button", { name: "Create key" }).click();
    const key = await page.locator("[data-secret=key]").innerText({ timeout: T });
    assert.match(key, /^cat_/);
    const keyRow = page.locator("tr", { hasText: "analytics export" });
    await keyRow.getByText("metrics:write").waitFor();
    const push = await fetch(`${h.base}/api/v1/workflows/start`, {
      method: "POST",
      headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
      body: JSON.stringify({ topic: "Not allowed for this key" }),
    });
    assert.equal(push.status, 403, "a metrics:write key cannot start workflows");
    await page.getByRole("button", { name: "I have saved it" }).click();

    const hook = await h.state.receiver.url;
    await page.getByLabel("Endpoint URL").fill(hook);
    await page.getByRole("button", { name: "Add endpoint" }).click();
    const secret = await page.locator("[data-secret=webhook]").innerText({ timeout: T });
    assert.match(secret, /^whsec_/);
    await page.locator(".endpoints li", { hasText: hook }).waitFor();
    await page.getByRole("button", { name: "Rotate secret…" }).click();
    await page.getByRole("button", { name: "Rotate now (the old secret stops)" }).click();
    await page.waitForFunction((old) => document.querySelector("[data-secret=webhook]")?.textContent !== old, secret, { timeout: T });
    // A new workflow sends status events; the log shows each attempt with its status code.
    await h.apiOk("POST", "/workflows/start", { topic: "Webhook trigger" });
    const log = page.locator(".endpoints details");
    const summary = log.locator("summary");
    for (let i = 0; i < 30; i++) {
      if ((await log.getAttribute("open")) !== null) await summary.click();
      await summary.click(); // opening the log loads it afresh
      await log.locator("table, p").first().waitFor({ timeout: T });
      if (await log.getByText("workflow.status_changed").count()) break;
      await page.waitForTimeout(500);
    }
    await log.locator("tr", { hasText: "workflow.status_changed" }).first().getByText("204").waitFor();
    await page.getByRole("heading", { name: "Where you are signed in" }).waitFor();
    await page.locator(".sessions .badge", { hasText: "This device" }).waitFor();
    await page.getByRole("button", { name: "I have saved it" }).click();
    await h.capture("14-integrators");
  });

  await h.step("the API docs page: linked from the app, no serious contrast or other axe failures in either theme", async () => {
    const link = page.getByRole("link", { name: "API docs" }).first();
    assert.equal(await link.getAttribute("href"), "/api/v1/docs");
    await link.click();
    await page.locator("details.op").first().waitFor({ timeout: T });
    await page.locator("details.op summary").first().click();
    await h.capture("15-api-docs");
    await page.goBack();
  });

  await h.step("an expired session returns to sign-in, then back to the same page", async () => {
    await page.goto(h.state.url);
    await h.heading("Winning content");
    await page.evaluate(() => {
      const s = JSON.parse(localStorage.getItem("cat.session"));
      localStorage.setItem("cat.session", JSON.stringify({ ...s, token: "expired.token.value" }));
    });
    await page.reload();
    await h.heading("Sign in");
    await page.getByText("Your session has expired").waitFor();
    await page.getByLabel("Email").fill(user.email);
    await page.getByLabel("Password").fill(user.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await h.heading("Winning content");
    assert.equal(page.url(), h.state.url);
  });

  await h.step("sign out ends the session on the server too", async () => {
    const token = await page.evaluate(() => JSON.parse(localStorage.getItem("cat.session")).token);
    await page.getByRole("button", { name: "Sign out" }).click();
    await h.heading("Sign in");
    await page.getByText("You are signed out.").waitFor();
    assert.equal(await page.evaluate(() => localStorage.getItem("cat.session")), null);
    let status = 200;
    for (let i = 0; i < 20 && status === 200; i++) {
      await page.waitForTimeout(100);
      status = (await fetch(`${h.base}/api/v1/auth/me`, { headers: { authorization: `Bearer ${token}` } })).status;
    }
    assert.equal(status, 401, "the signed-out token is refused");
  });
}
