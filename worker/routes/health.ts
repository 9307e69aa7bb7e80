import { Hono } from "hono";
import type { AppEnv } from "../env";
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
  const ok = database === "ok" && typeof c.env.JWT_SECRET === "string" && c.env.JWT_SECRET.length >= 32;
  return c.json(
    {
      status: ok ? "ok" : "degraded",
      database,
      auth: ok ? "configured" : "check JWT_SECRET",
      providers: { trends: providers.trends.name, scripts: providers.scripts.name, thumbnails: providers.thumbnails.name },
      started_at: startedAt,
      time: new Date().toISOString(),
    },
    ok ? 200 : 503,
  );
});
