// Thumbnail images load in a plain <img>, so they carry no Authorization header. The random
// thumbnail id in the path is the capability: unguessable, and scoped to one workflow.
import { UUID_PATTERN } from "../lib/ids";
import { Hono } from "hono";
import type { AppEnv } from "../env";
import { ApiError } from "../http/problem";
import { workflowStub } from "./workflows";

const FILE = new RegExp(`^(${UUID_PATTERN})\\.svg$`);

export const thumbnailRoutes = new Hono<AppEnv>().get("/:workflowId/:file", async (c) => {
  const match = FILE.exec(c.req.param("file"));
  if (!match) throw new ApiError(404, "No such thumbnail.");
  const svg = await workflowStub(c.env, c.req.param("workflowId")).thumbnailSvg(match[1]!);
  if (svg === null) throw new ApiError(404, "No such thumbnail.");
  return c.body(svg, 200, {
    "content-type": "image/svg+xml; charset=utf-8",
    "cache-control": "private, max-age=31536000, immutable",
    // SVG can carry script; this keeps an opened image inert.
    "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'",
    "x-content-type-options": "nosniff",
  });
});
