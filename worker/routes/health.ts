import { Hono } from "hono";
import type { AppEnv } from "../env";
import { jwtSecretProblem } from "../auth/secret";
import { providersFor } from "../providers";

// Workers freeze the clock at module scope, so this isolate's start is taken at its first request.
let startedAt: string | null = null;

export const healthRoutes = new Hono<AppEnv>().get("/", async (c) => {
  startedAt ??= new Date().toISOString();
  let database = "ok";
  try {
    await c.env.DB.prepare("SELECT 1").first();
  } catch {
    database = "unavailable";
  }
  const providers = providersFor(c.env);
  const secretProblem = jwtSecretProblem(c.env.JWT_SECRET);
  const ok = database === "ok" && secretProblem === null;
  return c.json(
    {
      status: ok ? "ok" : "degraded",
      database,
      auth: secretProblem === null ? "configured" : `JWT_SECRET: ${secretProblem}`,
      providers: { trends: providers.trends.name, scripts: providers.scripts.name, thumbnails: providers.thumbnails.name },
      started_at: startedAt,
      time: new Date().toISOString(),
    },
    ok ? 200 : 503,
  );
});
