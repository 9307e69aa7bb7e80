// Access tokens: HS256 JWTs via hono/jwt with the algorithm pinned on both sides. Each token
// names its session row (`sid`); verifySession checks that row, so a token dies with its session.
import { sign, verify } from "hono/jwt";
import { requireSafeSecret, UnsafeSecretError } from "./secret";
import { sessionCacheMs, sessionOwner } from "./sessions";

export const TOKEN_LIFETIME_SECONDS = 7 * 24 * 3600;
const ISSUER = "creator-agent-toolbox";
const ALG = "HS256" as const;

export interface IssuedToken {
  access_token: string;
  token_type: "bearer";
  expires_at: string;
}

export interface TokenClaims {
  userId: string;
  sessionId: string;
  /** Seconds since the epoch. */
  exp: number;
}

/** What a full check needs: the secret and the D1 database holding the sessions. */
export interface TokenEnv {
  JWT_SECRET: string;
  DB: D1Database;
  /** Seconds an isolate trusts a checked session (default 5; 0 checks D1 on every request). */
  SESSION_CACHE_SECONDS?: string;
}

export async function issueToken(userId: string, sessionId: string, secret: string | undefined, nowMs: number): Promise<IssuedToken> {
  const iat = Math.floor(nowMs / 1000);
  const exp = iat + TOKEN_LIFETIME_SECONDS;
  const access_token = await sign({ sub: userId, sid: sessionId, iat, exp, iss: ISSUER }, requireSafeSecret(secret), ALG);
  return { access_token, token_type: "bearer", expires_at: new Date(exp * 1000).toISOString() };
}

/**
 * The claims of a well-signed, unexpired token, or null for anything forged, expired, malformed,
 * or lacking `exp` or `sid` (hono/jwt accepts a token without `exp`; we do not). It does not
 * look at the session: use verifySession for that. Throws UnsafeSecretError on a bad secret.
 */
export async function verifyClaims(token: string, secret: string | undefined): Promise<TokenClaims | null> {
  const key = requireSafeSecret(secret);
  try {
    const payload = await verify(token, key, { alg: ALG, iss: ISSUER });
    const { sub, sid, exp } = payload;
    if (typeof sub !== "string" || typeof sid !== "string" || typeof exp !== "number") return null;
    return { userId: sub, sessionId: sid, exp };
  } catch (err) {
    if (err instanceof UnsafeSecretError) throw err;
    return null;
  }
}

/**
 * The claims of a token whose session still exists, for a user who still exists: one indexed D1
 * read, remembered by the isolate for SESSION_CACHE_SECONDS.
 */
export async function verifySession(token: string, env: TokenEnv, nowMs = Date.now()): Promise<TokenClaims | null> {
  const claims = await verifyClaims(token, env.JWT_SECRET);
  if (!claims) return null;
  const owner = await sessionOwner(env.DB, claims.sessionId, nowMs, sessionCacheMs(env));
  return owner === claims.userId ? claims : null;
}

/**
 * The user id of a valid token, or null. Given the environment (secret and DB) it checks the
 * session too, which is what every caller should do. Given only the secret, as the live socket
 * did before sessions existed, it checks signature and claims only, so a revoked token would
 * still pass: pass `env` instead.
 */
export async function verifyToken(token: string, auth: string | undefined | TokenEnv): Promise<string | null> {
  const claims = typeof auth === "object" && auth !== null ? await verifySession(token, auth) : await verifyClaims(token, auth);
  return claims?.userId ?? null;
}
