// API keys: create (shown once, with scopes), list, revoke. Managing keys needs a session.
import { Hono } from "hono";
import { ApiKeyLimitReached, createApiKey, listApiKeys, MAX_ACTIVE_KEYS, revokeApiKey } from "../auth/api-keys";
import { CreateScopedApiKeyRequest } from "../auth/contract";
import type { AppEnv } from "../env";
import { ApiError } from "../http/problem";
import { requireSession } from "../http/require-auth";
import { parseBody } from "../http/validate";

const KEY_ID = /^key_[0-9a-f]{32}$/;
const NO_STORE = { "cache-control": "no-store" };

export const apiKeyRoutes = new Hono<AppEnv>()
  .use(requireSession())
  .post("/", async (c) => {
    const { name, scopes } = await parseBody(c, CreateScopedApiKeyRequest);
    const created = await createApiKey(c.env.DB, c.get("userId"), name, Date.now(), scopes).catch((err: unknown) => {
      if (err instanceof ApiKeyLimitReached)
        throw new ApiError(409, `An account can have at most ${MAX_ACTIVE_KEYS} active API keys; revoke one first.`);
      throw err;
    });
    return c.json(created, 201, NO_STORE);
  })
  .get("/", async (c) => c.json({ items: await listApiKeys(c.env.DB, c.get("userId")) }, 200, NO_STORE))
  .delete("/:id", async (c) => {
    const id = c.req.param("id");
    if (!KEY_ID.test(id) || !(await revokeApiKey(c.env.DB, c.get("userId"), id, Date.now()))) {
      throw new ApiError(404, "No active API key with this id belongs to you.");
    }
    return c.body(null, 204);
  });
