// The A/B monitor: honest labels, one plain status line, progress, one interval level, a fitted
// axis, the live socket (header and first-message auth), and its fallbacks.
import assert from "node:assert/strict";
import { T } from "./harness.mjs";

/** The status line never shows 0% (or any figure) while the API says a leader is above 90%. */
async function statusLineAgreesWithLeader(h) {
  for (let i = 0; i < 5; i++) {
    const [text, ab] = await Promise.all([
      h.page.locator(".status-line").innerText(),
      h.apiOk("GET", `/workflows/${h.state.id}/ab-status`),
    ]);
    const best = Math.max(...ab.variants.map((v) => v.probability_best ?? 0));
    if (best > 0.9) assert.doesNotMatch(text, /(^|\D)0(\.0)?%/, `status line “${text}” beside a leader at ${best}`);
    assert.ok(text.trim().length > 0, "a status line is shown");
    for (const v of ab.variants)
      if (v.impressions === 0) assert.ok(!text.includes(ab.labels?.[v.thumbnail_id] ?? "\u0000"), "an unseen variant is not the leader");
    await h.page.waitForTimeout(800);
  }
}

/** The rule in worker/domain/stats/decisive.ts: two shown probabilities about one question agree within 5 points. */
const AGREEMENT = 5;
/** The rule in worker/domain/stats/interval-rule.ts: a CTR range wider than the CTR itself is not printed. */
const tooWide = (v) => !v.ctr_interval || !(v.ctr > 0) || !(v.ctr_interval.upper - v.ctr_interval.lower <= v.ctr);

/**
 * At every read during the simulated test, by visible text: every percentage about whether the
 * leader is best (the proof line, the engine's sentence, an early estimate) agrees within the
 * rule, none is 100%, and no card prints a range the API's interval makes too wide to inform.
 */
async function oneDecisiveNumber(h, reads = 6) {
  const { page } = h;
  const details = page.locator(".ab-details");
  if (!(await details.getAttribute("open"))) await page.getByText(/^Details:/).click();
  let compared = 0;
  for (let i = 0; i < reads; i++) {
    const [panel, detailText, cards, ab] = await Promise.all([
      page.locator(".status-panel").innerText(),
      details.innerText(),
      page.locator("li.variant").allInnerTexts(),
      h.apiOk("GET", `/workflows/${h.state.id}/ab-status`),
    ]);
    const sure = [...`${panel}\n${detailText}`.matchAll(/(?:is|was) (under |over )?(\d+)% sure/g)].map((m) => Number(m[2]));
    const early = [...detailText.matchAll(/chance to be best (?:under |over )?(\d+)%/g)].map((m) => Number(m[1]));
    const about = [...sure, ...early];
    if (about.length > 1) compared++;
    assert.ok(
      Math.max(...about, 0) - Math.min(...about, 100) <= AGREEMENT || about.length < 2,
      `percentages about the winner disagree: ${about} (read ${i + 1})`,
    );
    assert.doesNotMatch(`${panel}\n${detailText}`, /\b100(\.0)?%/, `no 100% anywhere (read ${i + 1})`);
    ab.variants.forEach((v, k) => {
      if (!v.impressions) return;
      if (tooWide(v)) assert.match(cards[k], /too early for a range/, `${v.thumbnail_id}: a too-wide range is not printed (read ${i + 1})`);
      else assert.match(cards[k], /range: \d+(\.\d+)?% – \d+(\.\d+)?%/, `${v.thumbnail_id}: an informative range is printed`);
    });
    await page.waitForTimeout(700);
  }
  if (compared === 0) h.skip("comparing two percentages about the winner: no read showed more than one (the proof line alone)");
  await page.getByText(/^Details:/).click();
}

export async function monitorSteps(h, { sockets }) {
  const { page } = h;

  await h.step("monitor: simulated traffic marked, one plain status line, progress, 'updates' not 'polls'", async () => {
    await page.locator(".live", { hasText: "Updating live" }).waitFor({ timeout: T });
    await page.locator(".status-panel .badge.sim", { hasText: "Simulated traffic" }).waitFor();
    await page.getByText("not from real viewers").waitFor();
    await page.locator(".chart canvas").first().waitFor({ timeout: T });
    await statusLineAgreesWithLeader(h);
    const bar = page.getByRole("progressbar");
    assert.ok(Number(await bar.getAttribute("aria-valuenow")) >= 0);
    const ab = await h.apiOk("GET", `/workflows/${h.state.id}/ab-status`);
    if (!ab.progress)
      h.skip("the engine's progress estimate: ab-status has no `progress` yet (the bar shows the time toward the deadline)");
    else {
      assert.equal(await bar.getAttribute("aria-label"), "Progress toward a decision");
      assert.match(await page.locator(".progress-text").innerText(), /impression/);
    }
    if (!ab.summary) h.skip("the server's status line: ab-status has no `summary` yet (the page derives it)");
    const main = await page.locator("main").innerText();
    assert.doesNotMatch(main, /\bPolls?\b/, "no 'polls'");
    assert.match(await page.locator(".times").innerText(), /Elapsed[\s\S]*Time left[\s\S]*Updates/);
  });

  await h.step("live channel: the token only in the protocol header, numbers and chart move without a reload", async () => {
    await page.evaluate(() => (window.__sameDocument = true));
    const before = await h.impressions();
    await h.moreImpressions(before, page, 50);
    assert.equal(await page.evaluate(() => window.__sameDocument), true, "no reload happened");
    const token = await page.evaluate(() => JSON.parse(localStorage.getItem("cat.session")).token);
    const live = sockets.filter((w) => w.url.endsWith("/live"));
    assert.ok(live.length > 0, "a live WebSocket was opened");
    for (const w of live) {
      assert.doesNotMatch(w.url, /token|eyJ/, "the token never goes into the URL");
      assert.ok(
        w.sent.every((f) => !f.includes(token)),
        "nor into a message",
      );
    }
    assert.ok(live.at(-1).received > 3, "updates arrived over the socket");
    const opened = await page.evaluate(() => window.__sockets.map((s) => ({ protocols: s.protocols, protocol: s.socket.protocol })));
    assert.ok(
      opened.every((s) => s.protocols?.[0] === "creator-agent.v1" && s.protocols[1] === `bearer.${token}`),
      'every socket asks for ["creator-agent.v1", "bearer.<token>"]',
    );
    assert.ok(
      opened.some((s) => s.protocol === "creator-agent.v1"),
      "the server answered with the creator-agent.v1 subprotocol",
    );
  });

  await h.step("one interval level on screen, the axis fitted to the data, declare stays secondary", async () => {
    const outside = await page.$$eval(".monitor", (els) => {
      const clone = els[0].cloneNode(true);
      clone.querySelectorAll("details").forEach((d) => d.remove());
      return [...clone.textContent.matchAll(/(\d+)% (?:range|interval)/g)].map((m) => m[1]);
    });
    assert.ok(outside.length >= 3, "each card and the chart name their interval");
    assert.equal(new Set(outside).size, 1, `one interval level outside the details: ${outside}`);
    await page.waitForFunction(() => document.querySelector(".chart [data-y-range]"), null, { timeout: T });
    const [lo, hi] = (await page.locator(".chart [data-y-range]").getAttribute("data-y-range")).split(" ").map(Number);
    const ab = await h.apiOk("GET", `/workflows/${h.state.id}/ab-status`);
    const top = Math.max(...ab.variants.map((v) => v.ctr * 100));
    assert.ok(hi <= Math.max(25, 2 * top + 5) && hi - lo < 60, `y-axis ${lo}–${hi}% for CTRs up to ${top.toFixed(1)}%`);
    const declare = page.getByRole("button", { name: "Declare winner…" });
    if (!ab.can_declare_early) assert.ok(!(await declare.getAttribute("class"))?.includes("primary"), "declare is secondary before proof");
    for (const card of await page.locator("li.variant").all())
      if (await card.locator(".badge", { hasText: "Ahead" }).count())
        assert.ok(
          Number((await card.locator("dd[data-metric=impressions]").innerText()).replace(/\D/g, "")) > 0,
          "'Ahead' has impressions",
        );
    await h.capture("09-monitor");
  });

  await h.step(
    "one decisive number: the proof leads in words, no two percentages about the winner disagree, no range while too wide",
    async () => {
      await page.getByTestId("proof").waitFor({ timeout: T });
      assert.match(
        await page.getByTestId("proof").innerText(),
        /^(The test is .+ sure .+ beats every other thumbnail; it calls a winner at \d+%\.|Winner: |Too early to name a leader: the test is .+ sure of any winner)/,
      );
      await oneDecisiveNumber(h);
    },
  );

  await h.step("after a reload the whole curve and numbers come back", async () => {
    const before = await h.impressions();
    await page.reload();
    await h.heading("A/B test");
    await page.locator(".chart canvas").first().waitFor({ timeout: T });
    await page.waitForFunction(() => Number(document.querySelector(".chart [data-points]")?.dataset.points) > 3, null, { timeout: T });
    assert.ok((await h.impressions()) >= before, "no stale numbers after reload");
  });

  await h.step("without WebSockets the page falls back to polling and still moves", async () => {
    const p = await page.context().newPage();
    await p.addInitScript(() => delete window.WebSocket);
    await p.goto(h.state.url);
    await p.getByText("refreshing every 2 s").waitFor({ timeout: T });
    await h.moreImpressions(await h.impressions(p), p);
    await p.close();
  });

  await h.step("details behind a disclosure: ranges, the difference from your pick, and the full history as CSV", async () => {
    const table = page.locator(".ab-details table");
    assert.equal(await table.isVisible(), false, "details start folded");
    await page.getByText("Details: ranges and the difference from your pick").click();
    await table.waitFor();
    await page
      .locator(".ab-details")
      .getByText(/A winner is called at \d+%/)
      .waitFor();
    const text = await page.locator(".monitor").innerText();
    assert.doesNotMatch(text, /always-valid|Proof against the closest rival|Lift vs your pick|Chance to be best\s/, "no jargon");
    const csv = await h.api("GET", `/workflows/${h.state.id}/ab-history.csv`);
    if (csv.status === 404) h.skip("full-resolution history: GET /workflows/{id}/ab-history.csv does not exist yet");
    else {
      const [file] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("button", { name: "Download every update (CSV)" }).click(),
      ]);
      assert.match(file.suggestedFilename(), /\.csv$/);
    }
    await h.capture("10-monitor-details");
  });
}
