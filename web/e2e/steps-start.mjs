// Signing in, the dashboard on a first visit, and starting a workflow (progress, focus, labels).
import assert from "node:assert/strict";
import { T } from "./harness.mjs";

export async function startSteps(h, { context, user, topic }) {
  const { page } = h;

  await h.step("a signed-out visitor is sent to sign-in, keeping the page", async () => {
    await page.goto(`${h.base}/workflows/some-id`);
    await h.heading("Sign in");
    assert.match(page.url(), /\/signin\?next=%2Fworkflows%2Fsome-id$/);
    await page.getByRole("heading", { name: "From a video idea to a thumbnail proven to get more clicks." }).waitFor();
    assert.equal(await page.locator(".pipeline li").count(), 6, "the pipeline, step by step");
    await page.getByRole("link", { name: "Create a free account" }).waitFor();
    await h.capture("01-sign-in");
  });

  await h.step("sign up: own validation and the API's problem details are shown at the field", async () => {
    await page.goto(`${h.base}/signup`);
    await h.heading("Create your account");
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
    await h.capture("02-sign-up-errors");
    await page.getByLabel("Email").fill(user.email);
    await page.getByLabel("Password").fill(user.password);
    await page.getByRole("button", { name: "Create account" }).click();
    await h.heading("Dashboard");
    h.state.token = (await h.apiOk("POST", "/auth/login", { username: user.email, password: user.password })).access_token;
  });

  await h.step("dashboard, first visit: the four steps explained, the form open, no developer talk", async () => {
    await page.getByRole("heading", { name: "How it works" }).waitFor({ timeout: T });
    assert.equal(await page.locator(".first-visit li").count(), 4);
    await page.getByText("No workflows yet").waitFor({ timeout: T });
    await page.getByLabel("Topic").waitFor();
    assert.equal(await page.getByText(/API healthy/).count(), 0, "no 'API healthy'");
    const options = await page.locator(".list-head select option").allTextContents();
    assert.ok(options.length > 5 && options.every((o) => !/_/.test(o) && /^[A-Z]/.test(o)), `filter labels in words: ${options}`);
    await page.getByLabel("Topic").fill("ab");
    await page.getByRole("button", { name: "Start workflow" }).click();
    await page.getByText("Give a topic of at least 3 characters.").waitFor();
    await h.capture("03-dashboard-first-visit");
  });

  await h.step("start a workflow: progress instead of a blank page, then focus on its heading", async () => {
    // A second workflow, tested through the API and watched in its own tab, will end by itself.
    const other = await h.startTest("Sourdough for beginners", 1);
    h.state.otherId = other.id;
    h.state.other = await context.newPage();
    await h.state.other.goto(`${h.base}/workflows/${other.id}`);
    await h.heading("A/B test", h.state.other);
    await page.reload();
    await page.getByRole("link", { name: "Sourdough for beginners" }).waitFor({ timeout: T });
    // Every text the main region shows while the workflow is made, sampled on each frame.
    await page.evaluate(() => {
      window.__seen = [];
      const look = () => {
        const text = document.querySelector("main")?.innerText.trim() ?? "";
        if (window.__seen.at(-1) !== text) window.__seen.push(text);
        if (!window.__stopLooking) requestAnimationFrame(look);
      };
      look();
    });
    // Workflows exist now, so the form is folded behind one button.
    await page.getByRole("button", { name: "New workflow" }).click();
    await page.getByLabel("Topic").fill(topic);
    await page.getByLabel("Audience (optional)").fill("students on a budget");
    await page.getByRole("button", { name: "Start workflow" }).click();
    await h.heading(topic);
    await h.heading("Review the scripts");
    await page.waitForFunction((t) => document.activeElement?.tagName === "H1" && document.activeElement.textContent === t, topic, {
      timeout: T,
    });
    const seen = await page.evaluate(() => ((window.__stopLooking = true), window.__seen));
    assert.ok(
      seen.every((s) => s.length > 0),
      "the page was never blank",
    );
    h.state.url = page.url();
    h.state.id = h.state.url.split("/").pop();
    const probe = await h.api("POST", "/workflows/start", { topic: "Async probe" }, { Prefer: "respond-async" });
    h.state.asyncStart = probe.status === 202;
    if (!h.state.asyncStart) h.skip("asynchronous start: POST /workflows/start with Prefer: respond-async answered " + probe.status);
    else {
      assert.ok(probe.body.id && probe.headers.get("location"), "202 carries the id and a Location");
      // The workflow page shows the running step (or, if generation already finished, the review).
      await page.goto(`${h.base}/workflows/${probe.body.id}`);
      await page.locator(".generating h2, #review-title").first().waitFor({ timeout: T });
      // Read in one go: the offline writer may finish at any moment and replace the panel.
      const gen = await page.evaluate(() => {
        const g = document.querySelector(".generating");
        return g && { title: g.querySelector("h2").textContent, status: g.querySelector("[role=status]").textContent };
      });
      if (!gen) h.skip("the generating screen: the offline writer finished before the page drew it");
      else {
        assert.match(gen.title, /^(Finding trends|Writing scripts)…$/);
        assert.match(gen.status, /usually takes .*so far/);
        await page.screenshot({ path: `${h.shots}/04-generating-1280.png`, fullPage: true });
        await h.onPhone(() => page.screenshot({ path: `${h.shots}/04-generating-375.png`, fullPage: true }));
      }
    }
  });

  await h.step("labels are honest: sample trend data and the writer named in words", async () => {
    await page.goto(h.state.url);
    await h.heading("Review the scripts");
    await page.locator(".badge", { hasText: "Sample trend data" }).waitFor({ timeout: T });
    await page.getByText("the built-in offline writer; connect an AI model for real scripts").first().waitFor();
    assert.equal(await page.getByText("Written by offline.").count(), 0);
    h.state.firstTitles = await page.$$eval("article.script h3", (els) => els.map((x) => x.textContent));
    assert.equal(h.state.firstTitles.length, 3);
    assert.equal(new Set(h.state.firstTitles).size, 3, "three different scripts");
    // The topic keeps its own casing, and no hook is repeated word for word as the script's start.
    const scripts = (await h.apiOk("GET", `/workflows/${h.state.id}/status`)).scripts;
    for (const s of scripts) {
      assert.ok(!`${s.hook} ${s.body}`.includes("budget travel in japan"), `topic casing kept in “${s.title}”`);
      assert.ok(!s.body.trim().startsWith(s.hook.trim()), `the hook is not repeated as the first paragraph of “${s.title}”`);
    }
  });

  await h.step("the dashboard row: relative date, 'Needs you', the form folded away", async () => {
    await page.getByRole("link", { name: "← All workflows" }).click();
    await h.heading("Dashboard");
    const row = page.locator(".wf-row", { hasText: topic }).first();
    await row.getByText("Needs you").waitFor({ timeout: T });
    assert.match(await row.locator("time").innerText(), /just now|min ago/);
    assert.equal(await page.getByLabel("Topic").count(), 0, "the form is folded once workflows exist");
    assert.equal(await page.getByRole("heading", { name: "How it works" }).count(), 0);
    await page.getByRole("button", { name: "New workflow" }).click();
    await page.getByLabel("Topic").waitFor();
    await page.getByRole("button", { name: "Cancel" }).click();
    const list = await h.apiOk("GET", "/workflows?limit=5");
    if (!list.items.some((w) => w.preview))
      h.skip("dashboard rows with thumbnail, leader, CTR and time to result: GET /workflows items carry no `preview` yet");
    else {
      // The running test's row: its thumbnail, how it is doing, and that the traffic is simulated.
      const row = page.locator(".wf-row", { hasText: "Sourdough for beginners" });
      await row.locator("img").waitFor({ timeout: T });
      assert.match(await row.locator(".facts").innerText(), /simulated traffic/);
    }
    await h.capture("04-dashboard");
  });
}
