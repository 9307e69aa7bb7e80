// Long-lived API keys for scripts and integrations. A key is "cat_" + 32 random bytes in
// base64url; only its SHA-256 is stored. The key's entropy makes a salted slow hash pointless
// (nobody can brute-force 256 bits), and a plain hash lets verification be one indexed lookup.
import { toBase64Url } from "../lib/base64";
import { and, desc, eq, isNull } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import { apiKeys } from "../db/integrations-schema";
import { API_KEY_SCOPES, type ApiKeyScope, DEFAULT_API_KEY_SCOPES, type ScopedApiKey, type ScopedApiKeyCreated } from "./contract";

export const API_KEY_PREFIX = "cat_";
const KEY_BYTES = 32;
/** base64url of 32 bytes, unpadded. */
const KEY_PATTERN = /^cat_[A-Za-z0-9_-]{43}$/;
/** Shown in lists: the prefix plus a few characters, useless to an attacker. */
const DISPLAY_CHARS = API_KEY_PREFIX.length + 6;
/** last_used_at is refreshed at most this often, so verification is not a write per request. */
const LAST_USED_RESOLUTION_MS = 60_000;
/** Active (unrevoked) keys per account. */
export const MAX_ACTIVE_KEYS = 20;

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

/** Stored space-separated; unknown words (from a future version, say) are dropped, never widened. */
export function parseScopes(text: string): ApiKeyScope[] {
  const words = new Set(text.split(/\s+/));
  return API_KEY_SCOPES.filter((s) => words.has(s));
}

const view = (r: Row): ScopedApiKey => ({
  id: r.id,
  name: r.name,
  prefix: r.prefix,
  scopes: parseScopes(r.scopes),
  created_at: new Date(r.createdAt).toISOString(),
  last_used_at: iso(r.lastUsedAt),
  revoked_at: iso(r.revokedAt),
});

/** Thrown by createApiKey when the account already has MAX_ACTIVE_KEYS active keys. */
export class ApiKeyLimitReached extends Error {
  override name = "ApiKeyLimitReached";
}

/**
 * Creates a key, or throws ApiKeyLimitReached. The count and the insert are one statement, so
 * parallel requests cannot overshoot the limit. The returned `key` is the only time the secret
 * is visible.
 */
export async function createApiKey(
  d1: D1Database,
  /** The team the key acts for, and the member who made it. */
  owner: { teamId: string; createdBy: string | null },
  name: string,
  now: number,
  scopes: readonly ApiKeyScope[] = DEFAULT_API_KEY_SCOPES,
): Promise<ScopedApiKeyCreated> {
  const key = generateApiKey();
  const row: Row = {
    id: `key_${crypto.randomUUID().replaceAll("-", "")}`,
    teamId: owner.teamId,
    createdBy: owner.createdBy,
    name,
    prefix: key.slice(0, DISPLAY_CHARS),
    keyHash: await sha256Hex(key),
    createdAt: now,
    lastUsedAt: null,
    revokedAt: null,
    scopes: API_KEY_SCOPES.filter((s) => scopes.includes(s)).join(" "),
  };
  const inserted = await d1
    .prepare(
      `INSERT INTO api_keys (id, team_id, name, prefix, key_hash, created_at, scopes, created_by)
       SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?9
       WHERE (SELECT count(*) FROM api_keys WHERE team_id = ?2 AND revoked_at IS NULL) < ?8
       RETURNING id`,
    )
    .bind(row.id, owner.teamId, name, row.prefix, row.keyHash, now, row.scopes, MAX_ACTIVE_KEYS, owner.createdBy)
    .first();
  if (!inserted) throw new ApiKeyLimitReached(`at most ${MAX_ACTIVE_KEYS} active keys per team`);
  return { ...view(row), key };
}

export async function listApiKeys(d1: D1Database, teamId: string): Promise<ScopedApiKey[]> {
  const rows = await drizzle(d1)
    .select()
    .from(apiKeys)
    .where(eq(apiKeys.teamId, teamId))
    .orderBy(desc(apiKeys.createdAt), desc(apiKeys.id));
  return rows.map(view);
}

/** Revokes the caller's key; false when there is no such key or it was already revoked. */
export async function revokeApiKey(d1: D1Database, teamId: string, id: string, now: number): Promise<boolean> {
  const updated = await drizzle(d1)
    .update(apiKeys)
    .set({ revokedAt: now })
    .where(and(eq(apiKeys.id, id), eq(apiKeys.teamId, teamId), isNull(apiKeys.revokedAt)))
    .returning({ id: apiKeys.id });
  return updated.length > 0;
}

export interface ApiKeyGrant {
  /** The team the key acts for. */
  teamId: string;
  /** Who made it; null once that account is gone (the key still belongs to the team). */
  createdBy: string | null;
  keyId: string;
  scopes: ApiKeyScope[];
}

/**
 * The owner and scopes of a live key, or null. Revocation is read from D1 on every call, with
 * no cache, so a revoked key fails on the very next request.
 */
export async function verifyApiKeyGrant(d1: D1Database, token: string, now = Date.now()): Promise<ApiKeyGrant | null> {
  if (!KEY_PATTERN.test(token)) return null;
  const db = drizzle(d1);
  const [row] = await db
    .select({
      id: apiKeys.id,
      teamId: apiKeys.teamId,
      createdBy: apiKeys.createdBy,
      lastUsedAt: apiKeys.lastUsedAt,
      scopes: apiKeys.scopes,
    })
    .from(apiKeys)
    .where(and(eq(apiKeys.keyHash, await sha256Hex(token)), isNull(apiKeys.revokedAt)));
  if (!row) return null;
  if (row.lastUsedAt === null || now - row.lastUsedAt > LAST_USED_RESOLUTION_MS) {
    await db.update(apiKeys).set({ lastUsedAt: now }).where(eq(apiKeys.id, row.id));
  }
  return { teamId: row.teamId, createdBy: row.createdBy, keyId: row.id, scopes: parseScopes(row.scopes) };
}

/** The team of a live key, or null. */
export async function verifyApiKey(d1: D1Database, token: string, now = Date.now()): Promise<string | null> {
  return (await verifyApiKeyGrant(d1, token, now))?.teamId ?? null;
}
