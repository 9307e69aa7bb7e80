// API keys against the real local D1: shown once, stored as a hash, revoked keys fail at once.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { createApiKey, generateApiKey, listApiKeys, looksLikeApiKey, revokeApiKey, verifyApiKey } from "../auth/api-keys";
import { newUserRow } from "./helpers";

describe("API keys", () => {
  it("look like cat_ + 43 base64url characters and never repeat", () => {
    const a = generateApiKey();
    expect(a).toMatch(/^cat_[A-Za-z0-9_-]{43}$/);
    expect(generateApiKey()).not.toBe(a);
    expect(looksLikeApiKey(a)).toBe(true);
    expect(looksLikeApiKey("eyJhbGciOiJIUzI1NiJ9.e30.sig")).toBe(false);
  });

  it("are stored only as a SHA-256 hash and verify to their owner", async () => {
    const userId = await newUserRow();
    const created = await createApiKey(env.DB, { teamId: userId, createdBy: userId }, "ci", Date.now());
    expect(created.key.startsWith(created.prefix)).toBe(true);
    const row = await env.DB.prepare("SELECT * FROM api_keys WHERE id = ?").bind(created.id).first<Record<string, unknown>>();
    expect(JSON.stringify(row)).not.toContain(created.key.slice(4));
    expect(row!.key_hash).toMatch(/^[0-9a-f]{64}$/);

    expect(await verifyApiKey(env.DB, created.key)).toBe(userId);
    const [listed] = await listApiKeys(env.DB, userId);
    expect(listed).toMatchObject({ id: created.id, name: "ci", prefix: created.prefix, revoked_at: null });
    expect(listed!.last_used_at).not.toBeNull();
    expect(listed).not.toHaveProperty("key");
  });

  it("reject unknown, malformed and revoked keys, and only the owner can revoke", async () => {
    const owner = await newUserRow();
    const other = await newUserRow();
    const { id, key } = await createApiKey(env.DB, { teamId: owner, createdBy: owner }, "laptop", Date.now());
    expect(await verifyApiKey(env.DB, generateApiKey())).toBeNull();
    expect(await verifyApiKey(env.DB, `${key}x`)).toBeNull();
    expect(await verifyApiKey(env.DB, "")).toBeNull();

    expect(await revokeApiKey(env.DB, other, id, Date.now())).toBe(false);
    expect(await verifyApiKey(env.DB, key)).toBe(owner);
    expect(await revokeApiKey(env.DB, owner, id, Date.now())).toBe(true);
    expect(await verifyApiKey(env.DB, key)).toBeNull(); // the very next check fails
    expect(await revokeApiKey(env.DB, owner, id, Date.now())).toBe(false);
    expect((await listApiKeys(env.DB, owner))[0]!.revoked_at).not.toBeNull();
  });
});
