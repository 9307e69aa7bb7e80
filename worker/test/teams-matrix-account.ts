// Valid requests, as each caller, for the routes of the authorization matrix that concern the
// caller's own account or are public (teams-matrix.test.ts); the team routes are in teams-matrix-requests.ts.
import { PASSWORD, login } from "./security-helpers";
import { type Req, ok, p, shared } from "./teams-matrix-requests";
import { validJpeg } from "./image-fixtures";
import type { Person } from "./teams-support";

/** An invitation to `who`'s address, from a team of the host's that `who` is not in. */
async function invitationFor(who: Person): Promise<string> {
  const made = await ok({ method: "POST", path: "/teams", token: p.host.token, body: { name: "Guest spot" } }, 201);
  const inv = await ok(
    { method: "POST", path: `/teams/${made.id}/invitations`, token: p.host.token, body: { email: who.email, role: "viewer" } },
    201,
  );
  return (inv.link as string).split("/#/invite/")[1]!;
}

export const ACCOUNT_BUILD: Record<string, (who: Person) => Promise<Req>> = {
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
  "GET /youtube/callback": async () => ({ method: "GET", path: "/youtube/callback?state=unknown" }),
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
