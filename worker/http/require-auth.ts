// Bearer authentication for every route behind it; sets c.var.userId and c.var.principal.
// Session tokens are checked against their session row; API keys carry scopes, and a request
// outside a key's scopes gets 403 naming the missing one.
import type { Context, MiddlewareHandler } from "hono";
import { looksLikeApiKey, verifyApiKeyGrant } from "../auth/api-keys";
import type { ApiKeyScope } from "../auth/contract";
import { UnsafeSecretError } from "../auth/secret";
import { verifySession } from "../auth/tokens";
import type { AppEnv } from "../env";
import { ApiError, problemBody } from "./problem";

/** Who is calling: a signed-in session, or an API key with its scopes. */
export type Principal =
  | { kind: "session"; userId: string; sessionId: string }
  /** A key acts for its team; `userId` is the member who made it, or the key's own id once they are gone. */
  | { kind: "key"; userId: string; createdBy: string | null; teamId: string; keyId: string; scopes: ApiKeyScope[] };

/** The account behind a request: the signed-in user, or the member who made the key (null once gone). */
export const accountOf = (p: Principal): string | null => (p.kind === "session" ? p.userId : p.createdBy);

const bearer = (c: Context) => /^Bearer\s+(\S+)$/i.exec(c.req.header("authorization") ?? "")?.[1] ?? null;

/** A server with an unsafe JWT_SECRET must not accept or issue tokens; 503 says what to fix. */
export function unsafeSecret(err: UnsafeSecretError): ApiError {
  return new ApiError(503, `Sign-in is disabled until the server is configured safely: ${err.message}`);
}

export function requireAuth(): MiddlewareHandler<AppEnv> {
  return async function requireAuth(c, next) {
    const token = bearer(c);
    if (!token) {
      throw new ApiError(401, "Send an access token as 'Authorization: Bearer <token>'.", undefined, {
        "www-authenticate": 'Bearer realm="api"',
      });
    }
    let principal: Principal | null = null;
    if (looksLikeApiKey(token)) {
      const grant = await verifyApiKeyGrant(c.env.DB, token);
      if (grant)
        principal = {
          kind: "key",
          userId: grant.createdBy ?? grant.keyId,
          createdBy: grant.createdBy,
          teamId: grant.teamId,
          keyId: grant.keyId,
          scopes: grant.scopes,
        };
    } else {
      try {
        const claims = await verifySession(token, c.env);
        if (claims) principal = { kind: "session", userId: claims.userId, sessionId: claims.sessionId };
      } catch (err) {
        if (err instanceof UnsafeSecretError) throw unsafeSecret(err);
        throw err;
      }
    }
    if (!principal) {
      throw new ApiError(401, "The access token or API key is invalid, expired or revoked.", undefined, {
        "www-authenticate": 'Bearer realm="api", error="invalid_token"',
      });
    }
    c.set("userId", principal.userId);
    c.set("principal", principal);
    await next();
  };
}

/**
 * For what a leaked API key must not reach: the account itself, its sessions, API keys and
 * webhooks (a key could otherwise mint more keys or point webhooks, and their secrets, at an
 * attacker). Behind requireAuth.
 */
export function requireSession(): MiddlewareHandler<AppEnv> {
  return async function requireSession(c, next) {
    if (c.get("principal")?.kind !== "session") {
      throw new ApiError(403, "API keys cannot use this endpoint; sign in and use the session token.");
    }
    await next();
  };
}

/** The scope an API key needs for a workflow route: reads, the metrics push, or any other change. */
export function workflowScopeFor(method: string, path: string): ApiKeyScope {
  if (method === "GET" || method === "HEAD") return "workflows:read";
  if (method === "POST" && /\/workflows\/[^/]+\/metrics$/.test(path)) return "metrics:write";
  return "workflows:write";
}

/** 403 problem with a `missing_scope` member, so integrators can tell what to ask for. */
function missingScope(c: Context, scope: ApiKeyScope) {
  const detail = `This API key lacks the scope '${scope}' that ${c.req.method} ${new URL(c.req.url).pathname} needs; create a key with it.`;
  return c.json({ ...problemBody(403, detail), missing_scope: scope }, 403, { "content-type": "application/problem+json" });
}

/** Sessions pass; an API key must hold the scope `need` picks for the request. Behind requireAuth. */
export function requireScope(need: ApiKeyScope | ((method: string, path: string) => ApiKeyScope)): MiddlewareHandler<AppEnv> {
  return async function requireScope(c, next) {
    const principal = c.get("principal");
    if (principal?.kind === "key") {
      const scope = typeof need === "function" ? need(c.req.method, c.req.path) : need;
      if (!principal.scopes.includes(scope)) return missingScope(c, scope);
    }
    await next();
  };
}
