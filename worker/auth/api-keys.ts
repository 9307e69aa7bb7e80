// Long-lived API keys for scripts and integrations. A key is "cat_" + 32 random bytes in
// base64url; only its SHA-256 is stored. The key's entropy makes a salted slow hash pointless
// (nobody can brute-force 256 bits), and a plain hash lets verification be one indexed lookup.
import { toBase64Url } from "../lib/base64";
import { and, desc, eq, isNull } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import { apiKeys } from "../db/integrations-schema";
import type { ApiKey, ApiKeyCreated } from "../shared/integrations";
import { verifyToken } from "./tokens";

export const API_KEY_PREFIX = "cat_";
const KEY_BYTES = 32;
/** base64url of 32 bytes, unpadded. */
const KEY_PATTERN = /^cat_[A-Za-z0-9_-]{43}$/;
/** Shown in lists: the prefix plus a few characters, useless to an attacker. */
const DISPLAY_CHARS = API_KEY_PREFIX.length + 6;
/** last_used_at is refreshed at most this often, so verification is not a write per request. */
const LAST_USED_RESOLUTION_MS = 60_000;

async function sha256Hex(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text)));
  return [...digest].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** Tells API keys from JWTs (which always contain dots) before trying either. */
export const looksLikeApiKey = (token: string) => token.startsWith(API_KEY_PREFIX);

export function generateApiKey(): string {
  return API_KEY_PREFIX + toBase64Url(crypto.getRandomValues(new Uint8Array(KEY_BYTES)));
}

type Row = typeof apiKeys.$inferSelect;
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const view = (r: Row): ApiKey => ({
  id: r.id,
  name: r.name,
  prefix: r.prefix,
  created_at: new Date(r.createdAt).toISOString(),
  last_used_at: iso(r.lastUsedAt),
  revoked_at: iso(r.revokedAt),
});

/** Creates a key; the returned `key` is the only time the secret is visible. */
export async function createApiKey(d1: D1Database, userId: string, name: string, now: number): Promise<ApiKeyCreated> {
  const key = generateApiKey();
  const row: Row = {
    id: `key_${crypto.randomUUID().replaceAll("-", "")}`,
    userId,
    name,
    prefix: key.slice(0, DISPLAY_CHARS),
    keyHash: await sha256Hex(key),
    createdAt: now,
    lastUsedAt: null,
    revokedAt: null,
  };
  await drizzle(d1).insert(apiKeys).values(row);
  return { ...view(row), key };
}

export async function listApiKeys(d1: D1Database, userId: string): Promise<ApiKey[]> {
  const rows = await drizzle(d1)
    .select()
    .from(apiKeys)
    .where(eq(apiKeys.userId, userId))
    .orderBy(desc(apiKeys.createdAt), desc(apiKeys.id));
  return rows.map(view);
}

/** Revokes the caller's key; false when there is no such key or it was already revoked. */
export async function revokeApiKey(d1: D1Database, userId: string, id: string, now: number): Promise<boolean> {
  const updated = await drizzle(d1)
    .update(apiKeys)
    .set({ revokedAt: now })
    .where(and(eq(apiKeys.id, id), eq(apiKeys.userId, userId), isNull(apiKeys.revokedAt)))
    .returning({ id: apiKeys.id });
  return updated.length > 0;
}

/**
 * The owner of a live key, or null. Revocation is read from D1 on every call, with no cache,
 * so a revoked key fails on the very next request.
 */
export async function verifyApiKey(d1: D1Database, token: string, now = Date.now()): Promise<string | null> {
  if (!KEY_PATTERN.test(token)) return null;
  const db = drizzle(d1);
  const [row] = await db
    .select({ id: apiKeys.id, userId: apiKeys.userId, lastUsedAt: apiKeys.lastUsedAt })
    .from(apiKeys)
    .where(and(eq(apiKeys.keyHash, await sha256Hex(token)), isNull(apiKeys.revokedAt)));
  if (!row) return null;
  if (row.lastUsedAt === null || now - row.lastUsedAt > LAST_USED_RESOLUTION_MS) {
    await db.update(apiKeys).set({ lastUsedAt: now }).where(eq(apiKeys.id, row.id));
  }
  return row.userId;
}

/**
 * The user behind a bearer token of either kind, for the auth middleware: API keys ("cat_...")
 * are looked up in D1, anything else is checked as a session JWT.
 */
export async function userIdFromBearer(token: string, env: { DB: D1Database; JWT_SECRET: string }): Promise<string | null> {
  return looksLikeApiKey(token) ? verifyApiKey(env.DB, token) : verifyToken(token, env.JWT_SECRET);
}
