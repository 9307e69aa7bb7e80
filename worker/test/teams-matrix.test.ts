// The authorization matrix (issue 21): every route of the OpenAPI document, called by a team's
// owner, an editor, a viewer, someone outside the team and a member who was removed, with a
// valid request, so the status says what the caller's place in the team allows. The table below
// is the specification; a route missing from it, or a cell that differs, fails the test.
import { exports } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { OPERATIONS } from "../openapi/document";
import { BASE } from "./helpers";
import { validJpeg, validPng } from "./image-fixtures";
import { PASSWORD, login } from "./security-helpers";
import { WHO, type People, type Person, dropFreshTeams, freshTeam, keepFreshTeams, people } from "./teams-support";
import { consent } from "./youtube-support";

type Row = [owner: number, editor: number, viewer: number, outsider: number, removed: number];
const ALL = (s: number): Row => [s, s, s, s, s];
const READ = (s = 200): Row => [s, s, s, 404, 404];
const EDIT = (s = 200): Row => [s, s, 403, 404, 404];
const OWN = (s = 200): Row => [s, 403, 403, 404, 404];

/** The specification: what each caller gets from each route. */
const EXPECTED: Record<string, Row> = {
  "POST /auth/register": ALL(201),
  "POST /auth/login": ALL(200),
  "GET /auth/me": ALL(200),
  "POST /auth/logout": ALL(204),
  "POST /auth/logout-all": ALL(204),
  "POST /auth/password": ALL(204),
  "GET /auth/sessions": ALL(200),
  "DELETE /auth/sessions/:id": ALL(204),
  "GET /account/export": ALL(200),
  // The owner of a team with other members must settle it first; everyone else may go.
  "DELETE /account": [409, 204, 204, 204, 204],
  "GET /account/faces": ALL(200),
  "POST /account/faces": ALL(201),
  "PUT /account/faces/:photoId": ALL(200),
  "DELETE /account/faces/:photoId": ALL(204),
  "GET /faces/:userId/:file": ALL(200),
  "GET /health": ALL(200),
  "GET /openapi.json": ALL(200),
  "GET /docs": ALL(200),
  // Public by capability: the unguessable id is the key, whoever holds it.
  "GET /thumbnails/:workflowId/:file": ALL(200),
  "POST /workflows/start": EDIT(201),
  "GET /workflows": READ(),
  "GET /workflows/:id/status": READ(),
  "GET /workflows/:id/live": READ(101),
  "POST /workflows/:id/approve": EDIT(),
  "POST /workflows/:id/chapters": EDIT(),
  "POST /workflows/:id/edit-script": EDIT(),
  "POST /workflows/:id/thumbnails/:thumbnailId/regenerate": EDIT(),
  "POST /workflows/:id/thumbnails/:thumbnailId/upload": EDIT(),
  "POST /workflows/:id/select-thumbnail": EDIT(),
  "GET /workflows/:id/ab-status": READ(),
  "GET /workflows/:id/ab-history": READ(),
  "GET /workflows/:id/ab-history.csv": READ(),
  "POST /workflows/:id/metrics": EDIT(),
  "POST /workflows/:id/declare-winner": EDIT(),
  "POST /workflows/:id/stop-test": EDIT(),
  "GET /workflows/:id/results": READ(),
  "GET /workflows/:id/export": READ(),
  "POST /webhooks": OWN(201),
  "GET /webhooks": READ(),
  "DELETE /webhooks/:id": OWN(204),
  "POST /webhooks/:id/rotate-secret": OWN(),
  "GET /webhooks/:id/deliveries": READ(),
  "POST /api-keys": OWN(201),
  "GET /api-keys": READ(),
  "GET /usage": READ(),
  "DELETE /api-keys/:id": OWN(204),
  "POST /youtube/connect": OWN(),
  "GET /youtube/callback": ALL(303),
  "GET /youtube": READ(),
  "DELETE /youtube": OWN(),
  "GET /youtube/videos/check": EDIT(),
  "GET /youtube/videos": EDIT(),
  "GET /teams": ALL(200),
  "POST /teams": ALL(201),
  "GET /teams/:id": READ(),
  "PATCH /teams/:id": OWN(),
  "DELETE /teams/:id": OWN(204),
  "POST /teams/:id/invitations": OWN(201),
  "DELETE /teams/:id/invitations/:invitationId": OWN(204),
  "PATCH /teams/:id/members/:userId": OWN(),
  "DELETE /teams/:id/members/:userId": OWN(204),
  "POST /teams/:id/transfer": OWN(),
  // An invitation to the caller's own address, from a team they are not in.
  "GET /invitations/:token": ALL(200),
  "POST /invitations/:token/accept": ALL(200),
  "POST /invitations/:token/decline": ALL(204),
};

interface Req {
  method: string;
  path: string;
  token?: string;
  team?: string;
  body?: unknown;
  bytes?: { data: Uint8Array; type: string };
  headers?: Record<string, string>;
}

async function send(r: Req): Promise<{ status: number; body: any }> {
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

const ok = async (r: Req, status = 200) => {
  const res = await send(r);
  expect(res.status, `${r.method} ${r.path}: ${JSON.stringify(res.body)}`).toBe(status);
  return res.body;
};

let p: People;
let team: string;
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

/** An invitation to `who`'s address, from a team of the host's that `who` is not in. */
async function invitationFor(who: Person): Promise<string> {
  const made = await ok({ method: "POST", path: "/teams", token: p.host.token, body: { name: "Guest spot" } }, 201);
  const inv = await ok(
    { method: "POST", path: `/teams/${made.id}/invitations`, token: p.host.token, body: { email: who.email, role: "viewer" } },
    201,
  );
  return (inv.link as string).split("/#/invite/")[1]!;
}

const shared: Record<string, any> = {};

/** How to make a valid request to each route as `who`; fresh state where a success would change it. */
const BUILD: Record<string, (who: Person) => Promise<Req>> = {
  "POST /auth/register": async () => ({
    method: "POST",
    path: "/auth/register",
    body: { email: `new-${crypto.randomUUID()}@example.com`, password: PASSWORD },
  }),
  "POST /auth/login": async (w) => ({ method: "POST", path: "/auth/login", body: { username: w.email, password: PASSWORD } }),
  "GET /auth/me": async (w) => ({ method: "GET", path: "/auth/me", token: w.token }),
  "POST /auth/logout": async (w) => ({ method: "POST", path: "/auth/logout", token: await login(w.email) }),
  "POST /auth/logout-all": async (w) => ({ method: "POST", path: "/auth/logout-all", token: await login(w.email) }),
  "POST /auth/password": async (w) => ({
    method: "POST",
    path: "/auth/password",
    token: await login(w.email),
    body: { current_password: PASSWORD, new_password: PASSWORD },
  }),
  "GET /auth/sessions": async (w) => ({ method: "GET", path: "/auth/sessions", token: w.token }),
  "DELETE /auth/sessions/:id": async (w) => {
    const extra = await login(w.email);
    const sessions = await ok({ method: "GET", path: "/auth/sessions", token: extra });
    const current = sessions.items.find((s: { current: boolean }) => s.current).id;
    return { method: "DELETE", path: `/auth/sessions/${current}`, token: w.token };
  },
  "GET /account/export": async (w) => ({ method: "GET", path: "/account/export", token: w.token }),
  "DELETE /account": async (w) => ({ method: "DELETE", path: "/account", token: w.token, body: { password: PASSWORD } }),
  "GET /account/faces": async (w) => ({ method: "GET", path: "/account/faces", token: w.token }),
  "POST /account/faces": async (w) => ({
    method: "POST",
    path: "/account/faces",
    token: w.token,
    bytes: { data: validJpeg(640, 480), type: "image/jpeg" },
  }),
  "PUT /account/faces/:photoId": async (w) => {
    const photo = await ok(
      { method: "POST", path: "/account/faces", token: w.token, bytes: { data: validJpeg(640, 480), type: "image/jpeg" } },
      201,
    );
    return { method: "PUT", path: `/account/faces/${photo.id}`, token: w.token, bytes: { data: validJpeg(640, 480), type: "image/jpeg" } };
  },
  "DELETE /account/faces/:photoId": async (w) => {
    const photo = await ok(
      { method: "POST", path: "/account/faces", token: w.token, bytes: { data: validJpeg(640, 480), type: "image/jpeg" } },
      201,
    );
    return { method: "DELETE", path: `/account/faces/${photo.id}`, token: w.token };
  },
  "GET /faces/:userId/:file": async (w) => {
    const list = await ok({ method: "GET", path: "/account/faces", token: w.token });
    return { method: "GET", path: new URL(list.photos[0].url, "http://x").pathname.replace("/api/v1", "") };
  },
  "GET /health": async () => ({ method: "GET", path: "/health" }),
  "GET /openapi.json": async () => ({ method: "GET", path: "/openapi.json" }),
  "GET /docs": async () => ({ method: "GET", path: "/docs" }),
  "GET /thumbnails/:workflowId/:file": async () => ({
    method: "GET",
    path: new URL(shared.thumbs.thumbnails[0].url, "http://x").pathname.replace("/api/v1", ""),
  }),
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
    const hook = await ok(
      { method: "POST", path: "/webhooks", token: p.owner.token, team, body: { url: "http://127.0.0.1:9/y" } },
      201,
    );
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
  "GET /youtube/callback": async () => ({ method: "GET", path: "/youtube/callback?state=unknown" }),
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
  "GET /invitations/:token": async (w) => ({ method: "GET", path: `/invitations/${await invitationFor(w)}`, token: w.token }),
  "POST /invitations/:token/accept": async (w) => ({
    method: "POST",
    path: `/invitations/${await invitationFor(w)}/accept`,
    token: w.token,
    body: {},
  }),
  "POST /invitations/:token/decline": async (w) => ({
    method: "POST",
    path: `/invitations/${await invitationFor(w)}/decline`,
    token: w.token,
    body: {},
  }),
};

const SIGN_OUT = ["POST /auth/logout-all", "POST /auth/password"];
/** Routes whose success ends something every later cell needs: run last, in this order. */
const LAST = ["DELETE /account"];
const key = (o: { method: string; path: string }) => `${o.method.toUpperCase()} ${o.path.replace("/api/v1", "")}`;

describe("the authorization matrix", () => {
  beforeAll(async () => {
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
    shared.hook = await ok(
      { method: "POST", path: "/webhooks", token: p.owner.token, team, body: { url: "http://127.0.0.1:9/z" } },
      201,
    );
    // Everyone has one face photo for the public face route.
    for (const who of WHO)
      await ok(
        { method: "POST", path: "/account/faces", token: p[who].token, bytes: { data: validJpeg(640, 480), type: "image/jpeg" } },
        201,
      );
  }, 120_000);

  it("covers every route of the OpenAPI document, and nothing else", () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(OPERATIONS.map(key).sort());
    expect(Object.keys(BUILD).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it("gives each caller the status the table says, for every route", async () => {
    const order = [...Object.keys(EXPECTED).filter((k) => !LAST.includes(k)), ...LAST];
    const seen: string[] = [];
    const wrong: string[] = [];
    for (const route of order) {
      for (const [i, who] of WHO.entries()) {
        const req = await BUILD[route]!(p[who]);
        const res = await send(req);
        const want = EXPECTED[route]![i]!;
        seen.push(`${route} ${who}`);
        // These revoke the caller's other sessions, the one the table uses among them: sign in again.
        if (SIGN_OUT.includes(route)) p[who].token = await login(p[who].email);
        await dropFreshTeams(p);
        if (res.status !== want) wrong.push(`${route} as ${who}: ${res.status} (wanted ${want}) ${JSON.stringify(res.body).slice(0, 200)}`);
        // A refusal for lack of role says which role it needs.
        if (res.status === 403 && (who === "editor" || who === "viewer") && want === 403) {
          const needed = EXPECTED[route]![1] === 403 ? "owner" : "editor";
          if (res.body?.required_role !== needed || !String(res.body?.detail).includes(`'${needed}'`))
            wrong.push(`${route} as ${who}: 403 without required_role '${needed}'`);
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(seen).toHaveLength(Object.keys(EXPECTED).length * WHO.length);
  }, 600_000);
});
