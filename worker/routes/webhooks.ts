// Webhook endpoints: register (the secret is shown once), list, delete, rotate the secret, and
// read the delivery log. Delivery itself happens in each workflow's Durable Object outbox.
import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv, Env } from "../env";
import { ApiError } from "../http/problem";
import { requireSession } from "../http/require-auth";
import { actingTeam, requireRole } from "../http/require-team";
import { parseBody } from "../http/validate";
import { CreateWebhookRequest } from "../shared/integrations";
import { checkWebhookUrl } from "../webhooks/deliver";
import {
  createEndpoint,
  EndpointLimitReached,
  deleteEndpoint,
  getEndpoint,
  listAttempts,
  listEndpoints,
  MAX_ENDPOINTS_PER_USER,
  rotateSecret,
} from "../webhooks/repo";

const ENDPOINT_ID = /^whe_[0-9a-f]{32}$/;
const EmptyBody = z.strictObject({});
/** Responses that carry a secret must not sit in any cache. */
const NO_STORE = { "cache-control": "no-store" };

/** Plain http and loopback receivers are for local development only. */
export const isDevelopment = (env: Env) => env.ENVIRONMENT === "development";

function endpointId(raw: string): string {
  if (!ENDPOINT_ID.test(raw)) throw new ApiError(404, "No webhook endpoint with this id belongs to you.");
  return raw;
}
const notFound = () => new ApiError(404, "No webhook endpoint with this id belongs to you.");

export const webhookRoutes = new Hono<AppEnv>()
  .use(
    requireSession(),
    actingTeam(),
    requireRole((method) => (method === "GET" ? "viewer" : "owner")),
  )
  .post("/", async (c) => {
    const body = await parseBody(c, CreateWebhookRequest);
    const check = checkWebhookUrl(body.url, { development: isDevelopment(c.env) });
    if (!check.ok) throw new ApiError(400, "The webhook URL is not allowed.", [{ path: "url", message: check.reason }]);
    const created = await createEndpoint(
      c.env.DB,
      c.get("teamId"),
      { url: check.url, events: body.events, createdBy: c.get("userId") },
      Date.now(),
    ).catch((err: unknown) => {
      if (err instanceof EndpointLimitReached)
        throw new ApiError(409, `A team can have at most ${MAX_ENDPOINTS_PER_USER} webhook endpoints; delete one first.`);
      throw err;
    });
    return c.json(created, 201, { location: `/api/v1/webhooks/${created.id}`, ...NO_STORE });
  })
  .get("/", async (c) => c.json({ items: await listEndpoints(c.env.DB, c.get("teamId")) }))
  .delete("/:id", async (c) => {
    if (!(await deleteEndpoint(c.env.DB, c.get("teamId"), endpointId(c.req.param("id"))))) throw notFound();
    return c.body(null, 204);
  })
  .post("/:id/rotate-secret", async (c) => {
    const id = endpointId(c.req.param("id"));
    await parseBody(c, EmptyBody);
    const secret = await rotateSecret(c.env.DB, c.get("teamId"), id);
    if (!secret) throw notFound();
    return c.json({ id, secret }, 200, NO_STORE);
  })
  .get("/:id/deliveries", async (c) => {
    const id = endpointId(c.req.param("id"));
    if (!(await getEndpoint(c.env.DB, c.get("teamId"), id))) throw notFound();
    return c.json({ items: await listAttempts(c.env.DB, id) });
  });
