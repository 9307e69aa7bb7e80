// LLM token use and estimated cost for the acting team (X-Team-Id), summed over every workflow, and every budget
// with its limit, today's use and when it resets (worker/limits).
import { Hono } from "hono";
import type { AppEnv } from "../env";
import { usageReport } from "../limits/report";

export const usageRoutes = new Hono<AppEnv>().get("/", async (c) => c.json(await usageReport(c.env, c.get("teamId"), Date.now())));
