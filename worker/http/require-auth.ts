// Bearer authentication for every route behind it; sets c.var.userId.
import type { MiddlewareHandler } from "hono";
import { verifyToken } from "../auth/tokens";
import type { AppEnv } from "../env";
import { ApiError } from "./problem";

export function requireAuth(): MiddlewareHandler<AppEnv> {
  return async function requireAuth(c, next) {
    const header = c.req.header("authorization") ?? "";
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) {
      throw new ApiError(401, "Send an access token as 'Authorization: Bearer <token>'.", undefined, {
        "www-authenticate": 'Bearer realm="api"',
      });
    }
    const userId = await verifyToken(match[1]!, c.env.JWT_SECRET);
    if (!userId) {
      throw new ApiError(401, "The access token is invalid or has expired.", undefined, {
        "www-authenticate": 'Bearer realm="api", error="invalid_token"',
      });
    }
    c.set("userId", userId);
    await next();
  };
}
