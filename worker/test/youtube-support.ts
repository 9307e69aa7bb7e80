// Helpers for the YouTube tests: the fake Google's controls, a connect that walks the real
// redirects (connect -> Google's consent -> callback) as a browser would, and small valid PNGs.
import { env, exports } from "cloudflare:workers";
import { expect, inject } from "vitest";
import { youtubeConfig } from "../youtube/config";
import { BASE, call, newUser } from "./helpers";

export const google = inject("fakeGoogleUrl");
export const cfg = () => youtubeConfig(env);

/** Calls a control endpoint of one world of the fake Google. */
export async function control<T = any>(world: string, method: string, name: string, body?: unknown, query = ""): Promise<T> {
  const res = await fetch(`${google}/__control/${name}?world=${encodeURIComponent(world)}${query}`, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  expect(res.status, `control ${name}`).toBe(200);
  return res.json() as Promise<T>;
}

export const fakeLog = (world: string, event?: string) =>
  control<{ event: string; [k: string]: any }[]>(world, "GET", "log", undefined, event ? `&event=${event}` : "");
export const fakeState = (world: string) => control(world, "GET", "state");

export interface Started {
  token: string;
  userId: string;
  authorizeUrl: URL;
  cookie: string;
}

/** POST /youtube/connect; the world is chosen with Google's own login_hint parameter. */
export async function startConnect(world: string, who?: { token: string }): Promise<Started> {
  const user = who ?? (await newUser("yt"));
  const me = await call("GET", "/auth/me", { token: user.token });
  const res = await call("POST", "/youtube/connect", { token: user.token, body: {} });
  expect(res.status).toBe(200);
  const cookie = /yt_connect=([^;]+)/.exec(res.headers.get("set-cookie") ?? "")?.[1];
  expect(cookie).toBeTruthy();
  const authorizeUrl = new URL(res.body.authorize_url);
  authorizeUrl.searchParams.set("login_hint", world);
  return { token: user.token, userId: me.body.id, authorizeUrl, cookie: `yt_connect=${cookie}` };
}

/** Follows Google's consent redirect and returns the callback path it points at. */
export async function consent(started: Started): Promise<string> {
  const res = await fetch(started.authorizeUrl, { redirect: "manual" });
  expect(res.status).toBe(302);
  const back = new URL(res.headers.get("location")!);
  expect(back.pathname).toBe("/api/v1/youtube/callback");
  return `${back.pathname.replace("/api/v1", "")}${back.search}`;
}

export async function callback(path: string, cookie: string | null) {
  // Manual: the Worker's own fetch would otherwise follow the 303 into the web app.
  const res = await exports.default.fetch(new Request(`${BASE}${path}`, { headers: cookie ? { cookie } : {}, redirect: "manual" }));
  expect(res.status, await res.text()).toBe(303);
  return new URL(res.headers.get("location")!, "http://app");
}

/** A whole connect for a fresh user in its own world; returns the user. */
export async function connected(world: string): Promise<Started> {
  const started = await startConnect(world);
  const back = await callback(await consent(started), started.cookie);
  expect(back.searchParams.get("youtube")).toBe("connected");
  return started;
}

// ---------- PNGs ----------
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  out.set(new TextEncoder().encode(type), 4);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

/** A valid RGB PNG filled with one colour: signature, IHDR, zlib-deflated IDAT, IEND. */
export async function solidPng(rgb: [number, number, number], width = 1280, height = 720): Promise<Uint8Array> {
  const ihdr = new Uint8Array(13);
  const v = new DataView(ihdr.buffer);
  v.setUint32(0, width);
  v.setUint32(4, height);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, deflate, no filter, no interlace
  const raw = new Uint8Array(height * (1 + width * 3));
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) raw.set(rgb, y * (1 + width * 3) + 1 + x * 3);
  const idat = new Uint8Array(await new Response(new Blob([raw]).stream().pipeThrough(new CompressionStream("deflate"))).arrayBuffer());
  const parts = [
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", idat),
    chunk("IEND", new Uint8Array(0)),
  ];
  const png = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) (png.set(p, at), (at += p.length));
  return png;
}

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", new Uint8Array(bytes)));
  return [...digest].map((b) => b.toString(16).padStart(2, "0")).join("");
}
