// Issue 18's checks in the browser: every thumbnail image on a screen is the server's PNG (or an
// upload's stored JPEG) at the width its URL claims, read back as naturalWidth; headlines are the
// SVG text layer's words exactly; and Settings → My face uploads and deletes a photo.
import assert from "node:assert/strict";
import jpeg from "jpeg-js";
import { T } from "./harness.mjs";

/** A real photo-sized JPEG (a gradient), made with the same encoder the Worker uses. */
function encodeJpeg(width, height) {
  const data = Buffer.alloc(width * height * 4);
  for (let p = 0; p < width * height; p++) data.set([(p % width) % 256, Math.floor(p / width) % 256, 160, 255], p * 4);
  return jpeg.encode({ width, height, data }, 85).data;
}

/** Waits for the screen's thumbnail images, then checks each against the width in its URL. */
export async function checkPreviews(h, screen) {
  const { page } = h;
  await page.waitForFunction(
    () =>
      [...document.querySelectorAll("img")]
        .filter((i) => i.src.includes("/api/v1/thumbnails/"))
        .every((i) => i.complete && i.naturalWidth > 0),
    null,
    { timeout: T },
  );
  const images = await page.$$eval("img", (imgs) =>
    imgs.filter((i) => i.src.includes("/api/v1/thumbnails/")).map((i) => ({ src: i.src, naturalWidth: i.naturalWidth })),
  );
  assert.ok(images.length > 0, `${screen}: thumbnail images on screen`);
  for (const { src, naturalWidth } of images) {
    const url = new URL(src);
    assert.match(url.pathname, /\.(png|jpg)$/, `${screen}: ${url.pathname} is a server PNG/JPEG, not the SVG`);
    assert.equal(url.search.split("?").length, 2, `${screen}: one query string in ${src}`);
    const claimed = Number(url.searchParams.get("width") ?? 1280);
    assert.equal(naturalWidth, claimed, `${screen}: ${url.pathname} claims ${claimed} px and is ${naturalWidth}`);
  }
  return images.length;
}

/** The headline layer says exactly the headline: each thumbnail's SVG text equals it, nothing cut. */
export async function checkHeadlines(h, thumbs) {
  for (const t of thumbs.filter((t) => t.headline)) {
    const svgUrl = t.png_url.replace(".png?", ".svg?");
    const svg = await (await fetch(`${h.base}${svgUrl}`)).text();
    const drawn = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]).join(" ");
    const unescape = (s) =>
      s
        .replace(/&amp;/g, "&")
        .replace(/&apos;/g, "'")
        .replace(/&quot;/g, '"')
        .replace(/&lt;/g, "<")
        .replace(/&gt;/g, ">");
    assert.equal(unescape(drawn).replace(/\s+/g, " "), t.headline.toUpperCase().replace(/\s+/g, " "), `headline of ${t.style} drawn whole`);
    assert.ok(!/…$/.test(unescape(drawn)), `headline of ${t.style} not cut`);
  }
}

export async function myFaceSteps(h) {
  const { page } = h;
  await h.step("Settings → My face: upload a photo (shown as the server's 168 px PNG), then delete it", async () => {
    await page.getByRole("link", { name: "Settings", exact: true }).click();
    await h.heading("Settings");
    await page.getByRole("heading", { name: "My face" }).waitFor();
    await page
      .getByLabel("Add a photo of yourself")
      .setInputFiles({ name: "me.jpg", mimeType: "image/jpeg", buffer: encodeJpeg(640, 480) });
    const photo = page.locator(".face-photos li").first();
    await photo.waitFor({ timeout: T });
    await page.waitForFunction(() => document.querySelector(".face-photos img")?.naturalWidth > 0, null, { timeout: T });
    assert.equal(await photo.locator("img").evaluate((i) => i.naturalWidth), 168);
    await h.capture("12-my-face");
    await photo.getByRole("button", { name: "Delete this photo" }).click();
    await page.locator(".face-photos li").first().waitFor({ state: "detached", timeout: T });
    const left = await h.apiOk("GET", "/account/faces");
    assert.equal(left.photos.length, 0);
  });
}
