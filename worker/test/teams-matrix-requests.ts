// Valid requests for the team routes of the authorization matrix (teams-matrix.test.ts), as each
// caller: shared fixtures where a success changes nothing, fresh teams and workflows where it would.
import { exports } from "cloudflare:workers";
import { expect } from "vitest";
import { BASE } from "./helpers";
import { validJpeg, validPng } from "./image-fixtures";
import { WHO, type People, type Person, freshTeam, keepFreshTeams, people } from "./teams-support";
import { consent } from "./youtube-support";

export interface Req {
  method: string;
  path: string;
  token?: string;
  team?: string;
  body?: unknown;
  bytes?: { data: Uint8Array; type: string };
  headers?: Record<string, string>;
}

export async function send(r: Req): Promise<{ status: number; body: any }> {
  const headers: Record<string, string> = { ...r.headers };
  if (r.token) headers.authorization = `Bearer ${r.token}`;
  if (r.team) headers["x-team-id"] = r.team;
  let body: BodyInit | undefined;
  if (r.bytes) {
    body = r.bytes.data as Uint8Array<ArrayBuffer>;
    headers["content-type"] = r.bytes.type;
  } else if (r.body !== undefined) {
    body = JSON.stringify(r.body);
    headers["content-type"] = "application/json";
  }
  const res = await exports.default.fetch(new Request(`${BASE}${r.path}`, { method: r.method, headers, body, redirect: "manual" }));
  const text = res.status === 101 ? "" : await res.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    // not JSON
  }
  if (res.status === 101) res.webSocket?.accept();
  if (res.status === 101) res.webSocket?.close(1000, "done");
  return { status: res.status, body: parsed };
}

export const ok = async (r: Req, status = 200) => {
  const res = await send(r);
  expect(res.status, `${r.method} ${r.path}: ${JSON.stringify(res.body)}`).toBe(status);
  return res.body;
};

export let p: People;
export let team: string;
let world: string;
let videoId: string;

/** A workflow of `teamId`, started by its owner and brought to `stage`. */
async function workflow(teamId: string, stage: "scripts" | "thumbnails" | "testing" | "external" | "completed") {
  const token = p.owner.token;
  let wf = await ok({ method: "POST", path: "/workflows/start", token, team: teamId, body: { topic: "home espresso" } }, 201);
  if (stage === "scripts") return wf;
  wf = await ok({ method: "POST", path: `/workflows/${wf.id}/approve`, token, body: { action: "approve", script_id: wf.scripts[0].id } });
  if (stage === "thumbnails") return wf;
  const source = stage === "external" ? "external" : "simulated";
  wf = await ok({
    method: "POST",
    path: `/workflows/${wf.id}/select-thumbnail`,
    token,
    body: { thumbnail_id: wf.thumbnails[0].id, analytics_source: source },
  });
  if (stage !== "completed") return wf;
  return ok({ method: "POST", path: `/workflows/${wf.id}/declare-winner`, token, body: { thumbnail_id: wf.thumbnails[0].id } });
}

/** Connects a YouTube channel (the fake Google's `world`) to `teamId`, as its owner. */
async function connectChannel(teamId: string): Promise<void> {
  const res = await exports.default.fetch(
    new Request(`${BASE}/youtube/connect`, {
      method: "POST",
      headers: { authorization: `Bearer ${p.owner.token}`, "x-team-id": teamId, "content-type": "application/json" },
      body: "{}",
    }),
  );
  expect(res.status).toBe(200);
  const cookie = /yt_connect=([^;]+)/.exec(res.headers.get("set-cookie") ?? "")![1]!;
  const authorizeUrl = new URL(((await res.json()) as { authorize_url: string }).authorize_url);
  authorizeUrl.searchParams.set("login_hint", world);
  const path = await consent({ token: p.owner.token, userId: p.owner.id, authorizeUrl, cookie: `yt_connect=${cookie}` });
  const back = await exports.default.fetch(
    new Request(`${BASE}${path}`, { headers: { cookie: `yt_connect=${cookie}` }, redirect: "manual" }),
  );
  expect(new URL(back.headers.get("location")!, "http://app").searchParams.get("youtube")).toBe("connected");
}

export const shared: Record<string, any> = {};

/** How to make a valid request to each route as `who`; fresh state where a success would change it. */
export const BUILD: Record<string, (who: Person) => Promise<Req>> = {
  "POST /workflows/start": async (w) => ({
    method: "POST",
    path: "/workflows/start",
    token: w.token,
    team: await freshTeam(p),
    body: { topic: "home espresso" },
  }),
  "GET /workflows": async (w) => ({ method: "GET", path: "/workflows", token: w.token, team }),
  "GET /workflows/:id/status": async (w) => ({ method: "GET", path: `/workflows/${shared.thumbs.id}/status`, token: w.token }),
  "GET /workflows/:id/live": async (w) => ({
    method: "GET",
    path: `/workflows/${shared.testing.id}/live`,
    headers: { upgrade: "websocket", "sec-websocket-protocol": `creator-agent.v1, bearer.${w.token}` },
  }),
  "POST /workflows/:id/approve": async (w) => {
    const wf = await workflow(await freshTeam(p), "scripts");
    return {
      method: "POST",
      path: `/workflows/${wf.id}/approve`,
      token: w.token,
      body: { action: "approve", script_id: wf.scripts[0].id },
    };
  },
  "POST /workflows/:id/chapters": async (w) => ({
    method: "POST",
    path: `/workflows/${shared.thumbs.id}/chapters`,
    token: w.token,
    body: { reset: true },
  }),
  "POST /workflows/:id/edit-script": async (w) => ({
    method: "POST",
    path: `/workflows/${shared.scripts.id}/edit-script`,
    token: w.token,
    body: { script_id: shared.scripts.scripts[0].id, title: `Edited by ${w.email}` },
  }),
  "POST /workflows/:id/thumbnails/:thumbnailId/regenerate": async (w) => ({
    method: "POST",
    path: `/workflows/${shared.thumbs.id}/thumbnails/${shared.thumbs.thumbnails[1].id}/regenerate`,
    token: w.token,
    body: {},
  }),
  "POST /workflows/:id/thumbnails/:thumbnailId/upload": async (w) => ({
    method: "POST",
    path: `/workflows/${shared.thumbs.id}/thumbnails/${shared.thumbs.thumbnails[2].id}/upload`,
    token: w.token,
    bytes: { data: validPng(1280, 720), type: "image/png" },
  }),
  "POST /workflows/:id/select-thumbnail": async (w) => {
    const wf = await workflow(await freshTeam(p), "thumbnails");
    return { method: "POST", path: `/workflows/${wf.id}/select-thumbnail`, token: w.token, body: { thumbnail_id: wf.thumbnails[0].id } };
  },
  "GET /workflows/:id/ab-status": async (w) => ({ method: "GET", path: `/workflows/${shared.testing.id}/ab-status`, token: w.token }),
  "GET /workflows/:id/ab-history": async (w) => ({ method: "GET", path: `/workflows/${shared.testing.id}/ab-history`, token: w.token }),
  "GET /workflows/:id/ab-history.csv": async (w) => ({
    method: "GET",
    path: `/workflows/${shared.testing.id}/ab-history.csv`,
    token: w.token,
  }),
  "POST /workflows/:id/metrics": async (w) => {
    const wf = await workflow(await freshTeam(p), "external");
    const variants = wf.ab_test.variants.map((v: { thumbnail_id: string }) => ({
      thumbnail_id: v.thumbnail_id,
      impressions: 100,
      clicks: 8,
    }));
    return { method: "POST", path: `/workflows/${wf.id}/metrics`, token: w.token, body: { variants } };
  },
  "POST /workflows/:id/declare-winner": async (w) => {
    const wf = await workflow(await freshTeam(p), "testing");
    return { method: "POST", path: `/workflows/${wf.id}/declare-winner`, token: w.token, body: { thumbnail_id: wf.thumbnails[1].id } };
  },
  "POST /workflows/:id/stop-test": async (w) => {
    const wf = await workflow(await freshTeam(p), "testing");
    return { method: "POST", path: `/workflows/${wf.id}/stop-test`, token: w.token, body: {} };
  },
  "GET /workflows/:id/results": async (w) => ({ method: "GET", path: `/workflows/${shared.completed.id}/results`, token: w.token }),
  "GET /workflows/:id/export": async (w) => ({ method: "GET", path: `/workflows/${shared.completed.id}/export`, token: w.token }),
  "POST /webhooks": async (w) => ({
    method: "POST",
    path: "/webhooks",
    token: w.token,
    team,
    body: { url: "http://127.0.0.1:9/x", events: [] },
  }),
  "GET /webhooks": async (w) => ({ method: "GET", path: "/webhooks", token: w.token, team }),
  "DELETE /webhooks/:id": async (w) => {
    const hook = await ok({ method: "POST", path: "/webhooks", token: p.owner.token, team, body: { url: "http://127.0.0.1:9/y" } }, 201);
    return { method: "DELETE", path: `/webhooks/${hook.id}`, token: w.token, team };
  },
  "POST /webhooks/:id/rotate-secret": async (w) => ({
    method: "POST",
    path: `/webhooks/${shared.hook.id}/rotate-secret`,
    token: w.token,
    team,
    body: {},
  }),
  "GET /webhooks/:id/deliveries": async (w) => ({ method: "GET", path: `/webhooks/${shared.hook.id}/deliveries`, token: w.token, team }),
  "POST /api-keys": async (w) => ({
    method: "POST",
    path: "/api-keys",
    token: w.token,
    team,
    body: { name: "ci", scopes: ["workflows:read"] },
  }),
  "GET /api-keys": async (w) => ({ method: "GET", path: "/api-keys", token: w.token, team }),
  "GET /usage": async (w) => ({ method: "GET", path: "/usage", token: w.token, team }),
  "DELETE /api-keys/:id": async (w) => {
    const key = await ok({ method: "POST", path: "/api-keys", token: p.owner.token, team, body: { name: "temp" } }, 201);
    return { method: "DELETE", path: `/api-keys/${key.id}`, token: w.token, team };
  },
  "POST /youtube/connect": async (w) => ({ method: "POST", path: "/youtube/connect", token: w.token, team, body: {} }),
  "GET /youtube": async (w) => ({ method: "GET", path: "/youtube", token: w.token, team }),
  "DELETE /youtube": async (w) => {
    const other = await freshTeam(p);
    await connectChannel(other);
    return { method: "DELETE", path: "/youtube", token: w.token, team: other };
  },
  "GET /youtube/videos/check": async (w) => ({ method: "GET", path: `/youtube/videos/check?video=${videoId}`, token: w.token, team }),
  "GET /youtube/videos": async (w) => ({ method: "GET", path: "/youtube/videos", token: w.token, team }),
  "GET /teams": async (w) => ({ method: "GET", path: "/teams", token: w.token }),
  "POST /teams": async (w) => ({ method: "POST", path: "/teams", token: w.token, body: { name: "Side project" } }),
  "GET /teams/:id": async (w) => ({ method: "GET", path: `/teams/${team}`, token: w.token }),
  "PATCH /teams/:id": async (w) => ({ method: "PATCH", path: `/teams/${team}`, token: w.token, body: { name: "Channel crew" } }),
  "DELETE /teams/:id": async (w) => ({ method: "DELETE", path: `/teams/${await freshTeam(p)}`, token: w.token }),
  "POST /teams/:id/invitations": async (w) => ({
    method: "POST",
    path: `/teams/${await freshTeam(p)}/invitations`,
    token: w.token,
    body: { email: `guest-${crypto.randomUUID()}@example.com`, role: "viewer" },
  }),
  "DELETE /teams/:id/invitations/:invitationId": async (w) => {
    const made = await ok(
      {
        method: "POST",
        path: `/teams/${team}/invitations`,
        token: p.owner.token,
        body: { email: `guest-${crypto.randomUUID()}@example.com`, role: "editor" },
      },
      201,
    );
    return { method: "DELETE", path: `/teams/${team}/invitations/${made.invitation.id}`, token: w.token };
  },
  "PATCH /teams/:id/members/:userId": async (w) => ({
    method: "PATCH",
    path: `/teams/${team}/members/${p.spare.id}`,
    token: w.token,
    body: { role: "viewer" },
  }),
  "DELETE /teams/:id/members/:userId": async (w) => ({
    method: "DELETE",
    path: `/teams/${await freshTeam(p)}/members/${p.spare.id}`,
    token: w.token,
  }),
  "POST /teams/:id/transfer": async (w) => ({
    method: "POST",
    path: `/teams/${await freshTeam(p)}/transfer`,
    token: w.token,
    body: { user_id: p.editor.id },
  }),
};

/** The shared team (owner, editor, viewer, a removed member; a connected channel) and its workflows in each stage. */
export async function prepareMatrix(): Promise<void> {
  p = await people("matrix");
  team = await freshTeam(p);
  keepFreshTeams();
  world = `matrix-${crypto.randomUUID()}`;
  await connectChannel(team);
  const uploads = await ok({ method: "GET", path: "/youtube/videos", token: p.owner.token, team });
  videoId = uploads.items[0].id;
  shared.scripts = await workflow(team, "scripts");
  shared.thumbs = await workflow(team, "thumbnails");
  shared.testing = await workflow(team, "testing");
  shared.completed = await workflow(team, "completed");
  shared.hook = await ok({ method: "POST", path: "/webhooks", token: p.owner.token, team, body: { url: "http://127.0.0.1:9/z" } }, 201);
  // Everyone has one face photo for the public face route.
  for (const who of WHO)
    await ok(
      { method: "POST", path: "/account/faces", token: p[who].token, bytes: { data: validJpeg(640, 480), type: "image/jpeg" } },
      201,
    );
}
