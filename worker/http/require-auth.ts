// Bearer authentication for every route behind it; sets c.var.userId.
import type { MiddlewareHandler } from "hono";
import { userIdFromBearer } from "../auth/api-keys";
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
    // Session JWTs and API keys ("cat_...") both work, so integrators can push metrics with a key.
    const userId = await userIdFromBearer(match[1]!, c.env);
    if (!userId) {
      throw new ApiError(401, "The access token or API key is invalid, expired or revoked.", undefined, {
        "www-authenticate": 'Bearer realm="api", error="invalid_token"',
      });
    }
    c.set("userId", userId);
    await next();
  };
}
