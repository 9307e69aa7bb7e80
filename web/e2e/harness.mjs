// The journey's tools: steps that report pass/fail/skip, screenshots of each screen at 1280 and
// 375 px, each in light and dark, axe-core in both themes, and a small API client for set-up.
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { join } from "node:path";

export const DESKTOP = { width: 1280, height: 860 };
export const PHONE = { width: 375, height: 812 };
export const T = 15_000;
export const AXE_PATH = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

export function createHarness({ page, shots, base }) {
  const h = {
    page,
    base,
    shots,
    state: {},
    passed: 0,
    failed: 0,
    skipped: 0,
    axeRuns: 0,
    axeMinor: 0,
    shotCount: 0,
  };

  /** A guarded assertion whose server feature is missing: said out loud, never a silent pass. */
  h.skip = (reason) => {
    h.skipped++;
    console.log(`  skipped: ${reason}`);
  };

  h.step = async (name, fn) => {
    if (h.failed) {
      console.log(`- not run: ${name}`);
      return;
    }
    const t0 = Date.now();
    try {
      await fn();
      h.passed++;
      console.log(`✓ ${name} (${Date.now() - t0} ms)`);
    } catch (e) {
      h.failed++;
      const stack = String(e?.stack ?? e)
        .split("\n")
        .slice(0, 8)
        .join("\n  ");
      console.log(`✗ ${name}\n  ${stack}`);
      await page.screenshot({ path: join(shots, `FAILED-${name.replace(/\W+/g, "-")}.png`), fullPage: true }).catch(() => {});
    }
  };

  h.heading = (name, p = page) => p.getByRole("heading", { name, exact: true }).first().waitFor({ timeout: T });

  h.api = async (method, path, body, headers = {}) => {
    const r = await fetch(`${base}/api/v1${path}`, {
      method,
      headers: { "content-type": "application/json", ...(h.state.token ? { authorization: `Bearer ${h.state.token}` } : {}), ...headers },
      body: body && JSON.stringify(body),
    });
    const text = await r.text();
    let json = text;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {}
    return { status: r.status, ok: r.ok, body: json, headers: r.headers };
  };
  /** The API call must succeed; set-up that fails is a failed step, not a skip. */
  h.apiOk = async (method, path, body, headers) => {
    const r = await h.api(method, path, body, headers);
    assert.ok(r.ok, `${method} ${path} -> ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  };

  /** Polls a workflow until it reaches `status` (starts and approvals may answer before they finish). */
  h.waitStatus = async (id, status) => {
    for (let i = 0; i < 150; i++) {
      const wf = await h.apiOk("GET", `/workflows/${id}/status`);
      if (wf.status === status) return wf;
      assert.notEqual(wf.status, "failed", `workflow ${id} failed: ${wf.error}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`workflow ${id} never reached ${status}`);
  };
  /** A workflow at the script gate, made through the API. */
  h.startWorkflow = async (topic) => h.waitStatus((await h.apiOk("POST", "/workflows/start", { topic })).id, "awaiting_approval");
  /** A workflow whose A/B test runs on simulated traffic, with `pick` (0–2) as the creator's pick. */
  h.startTest = async (topic, pick = 0) => {
    const wf = await h.startWorkflow(topic);
    await h.apiOk("POST", `/workflows/${wf.id}/approve`, { action: "approve", script_id: wf.scripts[0].id });
    const ready = await h.waitStatus(wf.id, "awaiting_thumbnail_selection");
    await h.apiOk("POST", `/workflows/${wf.id}/select-thumbnail`, { thumbnail_id: ready.thumbnails[pick].id });
    return ready;
  };

  /**
   * axe-core on the page as it is now: 0 serious or critical violations allowed. `h.known` lists
   * violations that are reported to their file's owner: each match is printed as skipped with its
   * reason, never passed in silence, and anything else still fails.
   */
  h.known = [];
  h.axe = async (label, p = page) => {
    const result = await p.evaluate(async (tags) => {
      const r = await window.axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] });
      return r.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.slice(0, 3).map((n) => n.target.join(" ")),
      }));
    }, AXE_TAGS);
    h.axeRuns++;
    const serious = result.filter((v) => v.impact === "serious" || v.impact === "critical");
    h.axeMinor += result.length - serious.length;
    const bad = serious.filter((v) => {
      const known = h.known.find((k) => k.id === v.id && v.nodes.every((n) => n.includes(k.target)));
      if (known) h.skip(`axe ${v.id} (${v.impact}) on ${label}: ${known.reason}`);
      return !known;
    });
    assert.deepEqual(bad, [], `axe (${label}): ${JSON.stringify(bad, null, 1)}`);
  };

  /** The page must not be wider than the screen. */
  h.noOverflow = async (label, p = page) => {
    const overflow = await p.evaluate(() => document.documentElement.scrollWidth - innerWidth);
    assert.ok(overflow <= 0, `${label}: the page is ${overflow}px wider than the screen`);
  };

  /**
   * One screen, documented and checked: screenshots and axe in both themes at 1280 and at 375 px,
   * and no horizontal overflow on the phone.
   */
  h.capture = async (name, p = page) => {
    const file = (suffix) => join(shots, `${name}-${suffix}.png`);
    const settle = () => p.waitForTimeout(350);
    await p.setViewportSize(DESKTOP);
    await settle();
    await p.screenshot({ path: file("1280"), fullPage: true });
    await h.axe(`${name}, light, 1280`, p);
    await p.emulateMedia({ colorScheme: "dark" });
    await settle();
    await p.screenshot({ path: file("1280-dark"), fullPage: true });
    await h.axe(`${name}, dark, 1280`, p);
    await p.emulateMedia({ colorScheme: "light" });
    await p.setViewportSize(PHONE);
    await settle();
    await p.screenshot({ path: file("375"), fullPage: true });
    await h.noOverflow(`${name} at 375 px`, p);
    await h.axe(`${name}, light, 375`, p);
    await p.emulateMedia({ colorScheme: "dark" });
    await settle();
    await p.screenshot({ path: file("375-dark"), fullPage: true });
    await h.axe(`${name}, dark, 375`, p);
    await p.emulateMedia({ colorScheme: "light" });
    await p.setViewportSize(DESKTOP);
    await settle();
    h.shotCount += 4;
  };

  /** Runs `fn` at phone size, then goes back to the desktop size. */
  h.onPhone = async (fn, p = page) => {
    await p.setViewportSize(PHONE);
    await p.waitForTimeout(300);
    try {
      return await fn();
    } finally {
      await p.setViewportSize(DESKTOP);
    }
  };

  /** Sum of the impressions shown on the variant cards. */
  h.impressions = (p = page) =>
    p.$$eval("dd[data-metric=impressions]", (els) => els.reduce((s, e) => s + Number(e.textContent.replace(/\D/g, "")), 0));

  /** Waits until the cards show more impressions than `before`. */
  h.moreImpressions = (before, p = page, margin = 0) =>
    p.waitForFunction(
      ([b, m]) =>
        [...document.querySelectorAll("dd[data-metric=impressions]")].reduce((s, e) => s + Number(e.textContent.replace(/\D/g, "")), 0) >
        b + m,
      [before, margin],
      { timeout: T },
    );

  return h;
}

/** Width and height from a PNG's IHDR chunk (bytes 16–23), checking the signature first. */
export function pngSize(buf) {
  assert.equal(buf.subarray(0, 8).toString("hex"), "89504e470d0a1a0a", "a PNG signature");
  assert.equal(buf.subarray(12, 16).toString("latin1"), "IHDR");
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}
