// API keys: create (shown once, with scopes), list, revoke. Managing keys needs a session.
import { Hono } from "hono";
import { ApiKeyLimitReached, createApiKey, listApiKeys, MAX_ACTIVE_KEYS, revokeApiKey } from "../auth/api-keys";
import { CreateScopedApiKeyRequest } from "../auth/contract";
import type { AppEnv } from "../env";
import { ApiError } from "../http/problem";
import { requireSession } from "../http/require-auth";
import { actingTeam, requireRole } from "../http/require-team";
import { parseBody } from "../http/validate";

const KEY_ID = /^key_[0-9a-f]{32}$/;
const NO_STORE = { "cache-control": "no-store" };

export const apiKeyRoutes = new Hono<AppEnv>()
  .use(
    requireSession(),
    actingTeam(),
    requireRole((method) => (method === "GET" ? "viewer" : "owner")),
  )
  .post("/", async (c) => {
    const { name, scopes } = await parseBody(c, CreateScopedApiKeyRequest);
    const created = await createApiKey(c.env.DB, { teamId: c.get("teamId"), createdBy: c.get("userId") }, name, Date.now(), scopes).catch(
      (err: unknown) => {
        if (err instanceof ApiKeyLimitReached)
          throw new ApiError(409, `A team can have at most ${MAX_ACTIVE_KEYS} active API keys; revoke one first.`);
        throw err;
      },
    );
    return c.json(created, 201, NO_STORE);
  })
  .get("/", async (c) => c.json({ items: await listApiKeys(c.env.DB, c.get("teamId")) }, 200, NO_STORE))
  .delete("/:id", async (c) => {
    const id = c.req.param("id");
    if (!KEY_ID.test(id) || !(await revokeApiKey(c.env.DB, c.get("teamId"), id, Date.now()))) {
      throw new ApiError(404, "No active API key with this id belongs to this team.");
    }
    return c.body(null, 204);
  });
