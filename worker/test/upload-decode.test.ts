// Uploads are decoded, not sniffed (issue 20, point 2): the attacks as files, against the real
// Worker and Durable Object. Each broken file gets a 4xx problem and leaves the variant as it was;
// a valid one is stored as a fresh encoding (its EXIF and text chunks gone) with real previews.
import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { imageInfo } from "../lib/image-info";
import type { WorkflowState } from "../shared/contract";
import { BASE, call, expectProblem, newUser, toThumbnails } from "./helpers";
import { EXIF_MARKER, hostileImages, validJpeg, validPng } from "./image-fixtures";

async function upload(id: string, thumb: string, token: string, bytes: Uint8Array, type: string) {
  const res = await exports.default.fetch(
    new Request(`${BASE}/workflows/${id}/thumbnails/${thumb}/upload`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": type },
      body: new Uint8Array(bytes),
    }),
  );
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: JSON.parse(text) };
}

async function fetchImage(path: string) {
  const res = await exports.default.fetch(new Request(`http://localhost:8787${path}`));
  return { status: res.status, type: res.headers.get("content-type"), bytes: new Uint8Array(await res.arrayBuffer()) };
}

const status = async (id: string, token: string) => (await call<WorkflowState>("GET", `/workflows/${id}/status`, { token })).body;

describe("uploaded thumbnails are decoded", () => {
  it("refuses each broken or hostile file with a 4xx problem and changes nothing", async () => {
    const { token } = await newUser("hostile");
    const wf = await toThumbnails(token);
    const thumb = wf.thumbnails[1]!;
    const before = await status(wf.id, token);
    const beforePng = await fetchImage(thumb.png_url);
    for (const h of hostileImages()) {
      const reply = await upload(wf.id, thumb.id, token, h.bytes, h.type);
      expect([400, 415], h.name).toContain(reply.status);
      expectProblem(reply, reply.status);
      expect(reply.body.errors?.[0]?.path, h.name).toBe("(body)");
    }
    // The same files sent as the other type are refused too (415: they are not what they say).
    for (const h of hostileImages().filter((h) => h.bytes.length > 0)) {
      const other = h.type === "image/png" ? "image/jpeg" : "image/png";
      expect([400, 415]).toContain((await upload(wf.id, thumb.id, token, h.bytes, other)).status);
    }
    const after = await status(wf.id, token);
    expect(after.thumbnails).toEqual(before.thumbnails);
    expect(after.updated_at).toBe(before.updated_at);
    // The variant still serves the same design, not an upload.
    expect((await fetchImage(thumb.png_url)).bytes).toEqual(beforePng.bytes);
  });

  it("stores a JPEG as a fresh 1280×720 encoding without its EXIF, with PNG previews at 168, 246 and 360 px", async () => {
    const { token } = await newUser("jpeg");
    const wf = await toThumbnails(token);
    const thumb = wf.thumbnails[0]!;
    const sent = validJpeg(1920, 1080);
    expect(new TextDecoder().decode(sent)).toContain(EXIF_MARKER);
    const ok = await upload(wf.id, thumb.id, token, sent, "image/jpeg");
    expect(ok.status).toBe(200);
    const shown = (ok.body as WorkflowState).thumbnails[0]!;
    expect(shown.png_url).toMatch(/\.jpg\?v=1$/);
    const full = await fetchImage(shown.png_url);
    expect(full.type).toBe("image/jpeg");
    expect(imageInfo(full.bytes)).toEqual({ type: "image/jpeg", width: 1280, height: 720 });
    expect(new TextDecoder().decode(full.bytes)).not.toContain(EXIF_MARKER);
    expect(new TextDecoder().decode(full.bytes)).not.toContain("Exif");
    for (const [width, height] of [
      [168, 95],
      [246, 138],
      [360, 203],
    ] as const) {
      const preview = await fetchImage(`${shown.png_url}&width=${width}`);
      expect(preview.status).toBe(200);
      expect(preview.type).toBe("image/png");
      expect(imageInfo(preview.bytes)).toEqual({ type: "image/png", width, height });
    }
  });

  it("stores a PNG without its text chunks, and its 168 px preview is 168 px wide", async () => {
    const { token } = await newUser("png-upload");
    const wf = await toThumbnails(token);
    const thumb = wf.thumbnails[2]!;
    const sent = validPng();
    expect(new TextDecoder().decode(sent)).toContain("GPS");
    const ok = await upload(wf.id, thumb.id, token, sent, "image/png");
    expect(ok.status).toBe(200);
    const shown = (ok.body as WorkflowState).thumbnails[2]!;
    const full = await fetchImage(shown.png_url);
    expect(imageInfo(full.bytes)).toEqual({ type: "image/png", width: 1280, height: 720 });
    expect(new TextDecoder().decode(full.bytes)).not.toContain("GPS");
    expect(full.bytes).not.toEqual(sent);
    const small = await fetchImage(`${shown.png_url}&width=168`);
    expect(imageInfo(small.bytes)).toMatchObject({ type: "image/png", width: 168 });
  });

  it("renders a designed thumbnail's PNG once per version and width, then serves it from R2", async () => {
    const { token } = await newUser("render-once");
    const wf = await toThumbnails(token);
    const t = wf.thumbnails[0]!;
    const renders = async (path: string) =>
      (await exports.default.fetch(new Request(`http://localhost:8787${path}`))).headers.get("x-render");
    expect(await renders(`${t.png_url}&width=168`)).toBe("rendered");
    for (let i = 0; i < 3; i++) expect(await renders(`${t.png_url}&width=168`)).toBe("cached");
    expect(await renders(`${t.png_url}&width=360`)).toBe("rendered");
    expect(await renders(`${t.png_url}&width=360`)).toBe("cached");
    // Every thumbnail carries its measured legibility for the card.
    for (const shown of wf.thumbnails) expect(shown.legibility).toMatchObject({ passes: true, timestamp_clear: true });
    expect(wf.thumbnails.map((x) => x.source)).toEqual(["embedded", "embedded", "embedded"]);
  });
});
