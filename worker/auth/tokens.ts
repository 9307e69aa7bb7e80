// Access tokens: HS256 JWTs via hono/jwt with the algorithm pinned on both sides.
import { sign, verify } from "hono/jwt";

export const TOKEN_LIFETIME_SECONDS = 7 * 24 * 3600;
const ISSUER = "creator-agent-toolbox";
const ALG = "HS256" as const;

export interface IssuedToken {
  access_token: string;
  token_type: "bearer";
  expires_at: string;
}

function requireSecret(secret: string | undefined): string {
  // A short or missing secret would make every token forgeable; refuse to run with one.
  if (!secret || secret.length < 32) throw new Error("JWT_SECRET is missing or shorter than 32 characters");
  return secret;
}

export async function issueToken(userId: string, secret: string | undefined, nowMs: number): Promise<IssuedToken> {
  const iat = Math.floor(nowMs / 1000);
  const exp = iat + TOKEN_LIFETIME_SECONDS;
  const access_token = await sign({ sub: userId, iat, exp, iss: ISSUER }, requireSecret(secret), ALG);
  return { access_token, token_type: "bearer", expires_at: new Date(exp * 1000).toISOString() };
}

/** The user id in a valid token, or null for anything forged, expired or malformed. */
export async function verifyToken(token: string, secret: string | undefined): Promise<string | null> {
  try {
    const payload = await verify(token, requireSecret(secret), { alg: ALG, iss: ISSUER });
    return typeof payload.sub === "string" ? payload.sub : null;
  } catch (err) {
    if (err instanceof Error && err.message.startsWith("JWT_SECRET")) throw err;
    return null;
  }
}
