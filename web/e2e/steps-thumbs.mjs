// Thumbnails: YouTube's preview sizes, headlines, the prompt behind a disclosure, regenerate,
// upload your own, and the 1280×720 PNG download.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { crc32, deflateSync } from "node:zlib";
import { pngSize, T } from "./harness.mjs";
import { checkHeadlines, checkPreviews } from "./steps-previews.mjs";

/** A solid-colour PNG, small enough to build here: the creator's "own" thumbnail. */
function solidPng(width, height, [r, g, b]) {
  const chunk = (type, data) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.alloc(1 + width * 3);
  for (let x = 0; x < width; x++) row.set([r, g, b], 1 + x * 3);
  const raw = Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([
    Buffer.from("89504e470d0a1a0a", "hex"),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const imagesLoaded = (page) =>
  page.waitForFunction(() => [...document.querySelectorAll("fieldset.thumbs img")].every((i) => i.complete && i.naturalWidth > 0), null, {
    timeout: T,
  });

export async function thumbnailSteps(h) {
  const { page } = h;

  await h.step("thumbnails: labels in words, previews at YouTube's sizes, the prompt behind a disclosure", async () => {
    assert.equal(await page.locator("fieldset.thumbs img").count(), 3);
    await imagesLoaded(page);
    for (const style of ["Face-focused", "Product demo", "Viral"]) await page.locator(".thumb strong", { hasText: style }).waitFor();
    await h.capture("08-thumbnails");
    const prompts = page.locator(".thumb details p");
    assert.equal(await prompts.first().isVisible(), false, "the AI prompt is folded away");
    await page.locator(".thumb summary", { hasText: "AI prompt" }).first().click();
    assert.ok(await prompts.first().isVisible());
    for (const px of [360, 246, 168]) {
      await page.getByRole("radio", { name: new RegExp(`^${px} px`) }).check();
      const widths = await page.$$eval("fieldset.thumbs img", (imgs) => imgs.map((i) => Math.round(i.getBoundingClientRect().width)));
      assert.deepEqual(widths, [px, px, px], `previews at ${px} px`);
    }
    // YouTube's smallest size, where a headline must still read.
    await page.screenshot({ path: `${h.shots}/08-thumbnails-at-168px-1280.png`, fullPage: true });
    await h.onPhone(() => page.screenshot({ path: `${h.shots}/08-thumbnails-at-168px-375.png`, fullPage: true }));
    await page.getByRole("radio", { name: "Full" }).check();
    const thumbs = (await h.apiOk("GET", `/workflows/${h.state.id}/status`)).thumbnails;
    h.state.thumbs = thumbs;
    if (thumbs.some((t) => !t.headline)) h.skip("thumbnail headlines: thumbnails carry no `headline` yet");
    else {
      const words = thumbs.map((t) => t.headline.split(/\s+/).length);
      assert.ok(
        words.every((n) => n <= 5),
        `headlines of about four words: ${thumbs.map((t) => t.headline)}`,
      );
      assert.equal(new Set(thumbs.map((t) => t.headline.toLowerCase())).size, 3, "a different message per variant");
      await page.getByText(`“${thumbs[0].headline}”`).first().waitFor();
    }
    await checkHeadlines(h, thumbs);
    for (const px of ["360", "246", "168", "Full"]) {
      await page.getByRole("radio", { name: new RegExp(`^${px}`) }).check();
      await checkPreviews(h, `thumbnails at ${px}`);
    }
    assert.equal(await page.locator("[data-legibility]").count(), 3, "each card says how it reads at phone size");
    assert.match(
      await page.locator("[data-legibility]").first().innerText(),
      /Reads at phone size: text \d+% of the height, contrast [\d.]+:1/,
    );
  });

  await h.step("how it looks on YouTube: the three variants with the approved title in the home feed, search and sidebar", async () => {
    const wf = await h.apiOk("GET", `/workflows/${h.state.id}/status`);
    // The approved script may be an edited revision's, as the thumbnail screen finds it.
    const title = [...wf.scripts, ...wf.script_revisions.flatMap((r) => r.scripts)].find((s) => s.id === wf.approved_script_id)?.title;
    assert.ok(title, "an approved script title");
    await page.locator("details.feed summary").click();
    await page.locator(".yt [data-placement]").first().waitFor({ timeout: T });
    await page.waitForFunction(() => [...document.querySelectorAll(".yt img")].every((i) => i.complete && i.naturalWidth > 0), null, {
      timeout: T,
    });
    for (const [placement, px] of [
      ["home", 360],
      ["search", 360],
      ["sidebar", 168],
    ]) {
      const mine = await page.$$eval(`.yt [data-placement=${placement}] [data-yours]`, (tiles) =>
        tiles.map((t) => {
          const img = t.querySelector("img");
          return {
            path: new URL(img.src).pathname,
            claimed: Number(new URL(img.src).searchParams.get("width") ?? 1280),
            naturalWidth: img.naturalWidth,
            shown: Math.round(img.getBoundingClientRect().width),
            title: t.querySelector(".yt-title").textContent,
          };
        }),
      );
      assert.equal(mine.length, 3, `${placement}: all three variants`);
      assert.deepEqual(
        mine.map((m) => m.path),
        h.state.thumbs.map((t) => new URL(t.png_url, h.base).pathname),
        `${placement}: the server's PNG of each variant`,
      );
      for (const m of mine) {
        assert.equal(m.naturalWidth, m.claimed, `${placement}: ${m.path} claims ${m.claimed} px and is ${m.naturalWidth}`);
        assert.ok(m.claimed >= px, `${placement}: a ${m.claimed} px preview for a ${px} px tile`);
        assert.equal(m.shown, px, `${placement}: shown at YouTube's ${px} px`);
        assert.equal(m.title, title, `${placement}: the approved title beside the thumbnail`);
      }
    }
    // Offline, the neighbours are samples, and say so.
    if (!wf.trends?.videos?.length) {
      assert.equal(await page.locator(".yt .yt-tag", { hasText: /^Sample$/ }).count(), 9, "three sample neighbours per placement");
      await page.getByText("The tiles marked Sample are made up").waitFor();
    }
    await checkPreviews(h, "YouTube feed preview");
    await h.capture("08b-youtube-feed-light");
    await page.locator(".yt").screenshot({ path: `${h.shots}/08b-youtube-feed-element-1280.png` });
    await page.getByRole("radio", { name: "Dark" }).check();
    assert.equal(await page.locator(".yt").getAttribute("data-yt-mode"), "dark");
    assert.equal(await page.locator(".yt").evaluate((e) => getComputedStyle(e).backgroundColor), "rgb(15, 15, 15)");
    await h.capture("08c-youtube-feed-dark");
    await page.getByRole("radio", { name: "Light" }).check();
    await page.locator("details.feed summary").click();
  });

  await h.step("regenerate a variant, and upload your own image as one", async () => {
    const [first, second] = h.state.thumbs;
    const regen = await h.api("POST", `/workflows/${h.state.id}/thumbnails/${first.id}/regenerate`);
    if (regen.status === 404) h.skip("regenerate a thumbnail: POST /workflows/{id}/thumbnails/{thumb}/regenerate does not exist yet");
    else {
      await page.getByRole("button", { name: "Regenerate Face-focused" }).click();
      await page.getByText("A new version of that thumbnail is ready.").waitFor({ timeout: T });
    }
    const upload = await h.api("POST", `/workflows/${h.state.id}/thumbnails/${second.id}/upload`, undefined, {
      "content-type": "image/png",
    });
    if (upload.status === 404)
      return h.skip("upload your own thumbnail: POST /workflows/{id}/thumbnails/{thumb}/upload does not exist yet");
    const before = await page.locator("fieldset.thumbs img").nth(1).getAttribute("src");
    await page.getByLabel("Upload your own image for Product demo").setInputFiles({
      name: "my-thumbnail.png",
      mimeType: "image/png",
      buffer: solidPng(1280, 720, [20, 120, 200]),
    });
    await page.getByText("Your image replaces that thumbnail in the test.").waitFor({ timeout: T });
    await page.waitForFunction((b) => document.querySelectorAll("fieldset.thumbs img")[1]?.getAttribute("src") !== b, before, {
      timeout: T,
    });
    await imagesLoaded(page);
    await checkPreviews(h, "thumbnails with an upload");
  });

  await h.step("download a thumbnail as a 1280×720 PNG", async () => {
    const link = page.getByRole("link", { name: "PNG 1280×720" });
    if (!(await link.count())) return h.skip("PNG download: thumbnails carry no `png_url` yet");
    const [download] = await Promise.all([page.waitForEvent("download"), link.last().click()]);
    const size = pngSize(readFileSync(await download.path()));
    assert.deepEqual(size, { width: 1280, height: 720 });
  });

  await h.step("pick a thumbnail and start the A/B test", async () => {
    await page.locator("input[name=thumbnail]").nth(2).check();
    await page.getByRole("button", { name: "Start A/B test with Viral as my pick" }).click();
    await h.heading("A/B test");
    await page.locator(".variant .badge", { hasText: "Your pick" }).waitFor();
  });
}
