// LLM token use and estimated cost for the caller, summed over every workflow.
import { Hono } from "hono";
import type { AppEnv } from "../env";
import { userUsage } from "../providers/token-usage";

export const usageRoutes = new Hono<AppEnv>().get("/", async (c) => c.json(await userUsage(c.env.DB, c.get("userId"))));
