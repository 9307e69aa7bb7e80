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
/** One PNG writer for the tests: image-fixtures' (fast-png). */
export { solidPng } from "./image-fixtures";

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", new Uint8Array(bytes)));
  return [...digest].map((b) => b.toString(16).padStart(2, "0")).join("");
}
