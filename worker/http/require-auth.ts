// Bearer authentication for every route behind it; sets c.var.userId.
import type { MiddlewareHandler } from "hono";
import { looksLikeApiKey, userIdFromBearer } from "../auth/api-keys";
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

/**
 * For what a leaked API key must not reach: managing API keys and webhooks (a key could
 * otherwise mint more keys or point webhooks, and their secrets, at an attacker). Behind requireAuth.
 */
export function requireSession(): MiddlewareHandler<AppEnv> {
  return async function requireSession(c, next) {
    const token = /^Bearer\s+(\S+)$/i.exec(c.req.header("authorization") ?? "")?.[1] ?? "";
    if (looksLikeApiKey(token)) {
      throw new ApiError(403, "API keys cannot manage API keys or webhooks; sign in and use the session token.");
    }
    await next();
  };
}
