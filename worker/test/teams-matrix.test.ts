// The authorization matrix (issue 21): every route of the OpenAPI document, called by a team's
// owner, an editor, a viewer, someone outside the team and a member who was removed, with a
// valid request, so the status says what the caller's place in the team allows. The table below
// is the specification; a route missing from it, or a cell that differs, fails the test.
import { describe, expect, it, beforeAll } from "vitest";
import { OPERATIONS } from "../openapi/document";
import { login } from "./security-helpers";
import { ACCOUNT_BUILD } from "./teams-matrix-account";
import { BUILD as TEAM_BUILD, p, prepareMatrix, send } from "./teams-matrix-requests";

const BUILD = { ...ACCOUNT_BUILD, ...TEAM_BUILD };
import { WHO, dropFreshTeams } from "./teams-support";

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

const SIGN_OUT = ["POST /auth/logout-all", "POST /auth/password"];
/** Routes whose success ends something every later cell needs: run last, in this order. */
const LAST = ["DELETE /account"];
const key = (o: { method: string; path: string }) => `${o.method.toUpperCase()} ${o.path.replace("/api/v1", "")}`;

describe("the authorization matrix", () => {
  beforeAll(prepareMatrix, 120_000);

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
