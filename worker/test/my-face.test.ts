// "My face" end to end against real local R2: upload (re-encoded, EXIF gone), list, replace,
// delete, the cap of four, hostile files refused with nothing stored, export and account deletion.
import { env, exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { imageInfo } from "../lib/image-info";
import type { FacePhoto, FacePhotoList } from "../shared/faces";
import { BASE, call, expectProblem, newUser } from "./helpers";
import { EXIF_MARKER, hostileImages, validJpeg, validPng } from "./image-fixtures";

async function send(method: string, path: string, token: string, bytes: Uint8Array, type: string) {
  const res = await exports.default.fetch(
    new Request(`${BASE}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, "content-type": type },
      body: new Uint8Array(bytes),
    }),
  );
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : null };
}

async function image(path: string) {
  const res = await exports.default.fetch(new Request(`http://localhost:8787${path}`));
  return { status: res.status, type: res.headers.get("content-type"), bytes: new Uint8Array(await res.arrayBuffer()) };
}

const stored = async (userId: string) => (await env.MEDIA.list({ prefix: `faces/${userId}/` })).objects.map((o) => o.key).sort();
const list = async (token: string) => (await call<FacePhotoList>("GET", "/account/faces", { token })).body;
const userIdOf = async (token: string) => (await call<{ id: string }>("GET", "/auth/me", { token })).body.id;

describe("My face", () => {
  it("stores re-encoded photos without EXIF, lists, replaces and deletes them, four at most", async () => {
    const { token } = await newUser("face");
    const userId = await userIdOf(token);
    const jpeg = validJpeg(1600, 1200);
    expect(new TextDecoder().decode(jpeg)).toContain(EXIF_MARKER);
    const added = await send("POST", "/account/faces", token, jpeg, "image/jpeg");
    expect(added.status).toBe(201);
    const photo = added.body as FacePhoto;
    expect(photo).toMatchObject({ width: 1024, height: 768 });
    const full = await image(photo.url);
    expect(full.type).toBe("image/jpeg");
    expect(imageInfo(full.bytes)).toEqual({ type: "image/jpeg", width: 1024, height: 768 });
    const text = new TextDecoder().decode(full.bytes);
    expect(text).not.toContain(EXIF_MARKER);
    expect(text).not.toContain("Exif");
    const preview = await image(`${photo.preview_url}&width=168`);
    expect(imageInfo(preview.bytes)).toEqual({ type: "image/png", width: 168, height: 126 });

    // A PNG is stored as JPEG too, without its text chunk.
    const second = (await send("POST", "/account/faces", token, validPng(800, 800), "image/png")).body as FacePhoto;
    expect(new TextDecoder().decode((await image(second.url)).bytes)).not.toContain("GPS");
    for (let i = 0; i < 2; i++) expect((await send("POST", "/account/faces", token, validJpeg(640, 480), "image/jpeg")).status).toBe(201);
    expect((await list(token)).photos).toHaveLength(4);
    expectProblem(await send("POST", "/account/faces", token, validJpeg(640, 480), "image/jpeg"), 409);

    // Replace keeps the id and the count; the new pixels are served.
    const replaced = await send("PUT", `/account/faces/${photo.id}`, token, validJpeg(512, 512), "image/jpeg");
    expect(replaced.status).toBe(200);
    expect(replaced.body).toMatchObject({ id: photo.id, width: 512, height: 512 });
    expect(imageInfo((await image(photo.url)).bytes)).toMatchObject({ width: 512, height: 512 });
    expect((await list(token)).photos.map((p) => p.id)).toContain(photo.id);
    expect((await list(token)).photos).toHaveLength(4);

    // Someone else can neither list nor delete them.
    const other = await newUser("face-other");
    expect((await list(other.token)).photos).toEqual([]);
    expectProblem(await call("DELETE", `/account/faces/${photo.id}`, { token: other.token }), 404);

    expect((await call("DELETE", `/account/faces/${photo.id}`, { token })).status).toBe(204);
    expect((await image(photo.url)).status).toBe(404);
    expect((await image(`${photo.preview_url}&width=360`)).status).toBe(404);
    expect((await list(token)).photos.map((p) => p.id)).not.toContain(photo.id);
    expect((await stored(userId)).filter((k) => k.includes(photo.id))).toEqual([]);
    expectProblem(await call("DELETE", `/account/faces/${photo.id}`, { token }), 404);
  });

  it("refuses broken, hostile and tiny photos with 4xx and stores nothing", async () => {
    const { token } = await newUser("face-hostile");
    const userId = await userIdOf(token);
    for (const h of hostileImages()) {
      const reply = await send("POST", "/account/faces", token, h.bytes, h.type);
      expect([400, 415], h.name).toContain(reply.status);
      expectProblem(reply, reply.status);
    }
    expectProblem(await send("POST", "/account/faces", token, validPng(200, 200), "image/png"), 400); // too small for a face
    expectProblem(await send("POST", "/account/faces", token, validPng(), "image/gif"), 415);
    expect(await stored(userId)).toEqual([]);
    expect((await list(token)).photos).toEqual([]);
    // A replace with a broken file keeps the photo as it was.
    const kept = (await send("POST", "/account/faces", token, validJpeg(640, 480), "image/jpeg")).body as FacePhoto;
    const before = await stored(userId);
    const original = (await image(kept.url)).bytes;
    expectProblem(await send("PUT", `/account/faces/${kept.id}`, token, hostileImages()[3]!.bytes, "image/png"), 400);
    expect(await stored(userId)).toEqual(before);
    expect((await image(kept.url)).bytes).toEqual(original);
  });

  it("is in the account export, and gone after the account is deleted", async () => {
    const { token } = await newUser("face-export");
    const userId = await userIdOf(token);
    const photo = (await send("POST", "/account/faces", token, validJpeg(800, 600), "image/jpeg")).body as FacePhoto;
    const exported = await call<{ face_photos: (FacePhoto & { data_url: string })[] }>("GET", "/account/export", { token });
    expect(exported.status).toBe(200);
    expect(exported.body.face_photos).toHaveLength(1);
    expect(exported.body.face_photos[0]).toMatchObject({ id: photo.id, width: 800, height: 600 });
    const dataUrl = exported.body.face_photos[0]!.data_url;
    expect(dataUrl).toMatch(/^data:image\/jpeg;base64,/);
    const bytes = Uint8Array.from(atob(dataUrl.split(",")[1]!), (ch) => ch.charCodeAt(0));
    expect(bytes).toEqual((await image(photo.url)).bytes);

    expect((await call("DELETE", "/account", { token, body: { password: "correct-horse-42" } })).status).toBe(204);
    expect(await stored(userId)).toEqual([]);
    expect((await image(photo.url)).status).toBe(404);
  });
});
