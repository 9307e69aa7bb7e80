// API keys: create (shown once), list, revoke. Managing keys needs a signed-in session: a leaked
// key must not be able to mint more keys or revoke the owner's others.
import { Hono } from "hono";
import { createApiKey, listApiKeys, revokeApiKey } from "../auth/api-keys";
import type { AppEnv } from "../env";
import { ApiError } from "../http/problem";
import { requireSession } from "../http/require-auth";
import { parseBody } from "../http/validate";
import { CreateApiKeyRequest } from "../shared/integrations";

const KEY_ID = /^key_[0-9a-f]{32}$/;
const MAX_ACTIVE_KEYS = 20;

export const apiKeyRoutes = new Hono<AppEnv>()
  .use(requireSession())
  .post("/", async (c) => {
    const { name } = await parseBody(c, CreateApiKeyRequest);
    const userId = c.get("userId");
    const active = (await listApiKeys(c.env.DB, userId)).filter((k) => k.revoked_at === null).length;
    if (active >= MAX_ACTIVE_KEYS)
      throw new ApiError(409, `An account can have at most ${MAX_ACTIVE_KEYS} active API keys; revoke one first.`);
    const created = await createApiKey(c.env.DB, userId, name, Date.now());
    return c.json(created, 201, { "cache-control": "no-store" });
  })
  .get("/", async (c) => c.json({ items: await listApiKeys(c.env.DB, c.get("userId")) }))
  .delete("/:id", async (c) => {
    const id = c.req.param("id");
    if (!KEY_ID.test(id) || !(await revokeApiKey(c.env.DB, c.get("userId"), id, Date.now()))) {
      throw new ApiError(404, "No active API key with this id belongs to you.");
    }
    return c.body(null, 204);
  });
