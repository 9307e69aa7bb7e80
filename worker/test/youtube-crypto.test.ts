// Tokens at rest: AES-GCM under TOKEN_ENCRYPTION_KEY, bound to their owner and field.
import { describe, expect, it } from "vitest";
import { importTokenKey, openSecret, sealSecret, TokenKeyError } from "../youtube/token-crypto";

const KEY = "dGVzdC1vbmx5LXRva2VuLWtleS0zMi1ieXRlcy0wMDA=";
const OTHER = btoa(String.fromCharCode(...new Uint8Array(32).fill(7)));

describe("sealed tokens", () => {
  it("round-trips, with a fresh IV every time", async () => {
    const key = await importTokenKey(KEY);
    const [a, b] = [await sealSecret(key, "1//refresh-token", "u1:refresh"), await sealSecret(key, "1//refresh-token", "u1:refresh")];
    expect(a).not.toBe(b);
    expect(a).not.toContain("refresh-token");
    expect(await openSecret(key, a, "u1:refresh")).toBe("1//refresh-token");
    expect(await openSecret(key, b, "u1:refresh")).toBe("1//refresh-token");
  });

  it("does not open for another user, another field, another key or a tampered text", async () => {
    const key = await importTokenKey(KEY);
    const sealed = await sealSecret(key, "ya29.access", "u1:access");
    await expect(openSecret(key, sealed, "u2:access")).rejects.toThrow(TokenKeyError);
    await expect(openSecret(key, sealed, "u1:refresh")).rejects.toThrow(TokenKeyError);
    await expect(openSecret(await importTokenKey(OTHER), sealed, "u1:access")).rejects.toThrow(TokenKeyError);
    const flipped = sealed.slice(0, -2) + (sealed.at(-2) === "A" ? "B" : "A") + sealed.at(-1);
    await expect(openSecret(key, flipped, "u1:access")).rejects.toThrow(TokenKeyError);
    await expect(openSecret(key, "plain-token", "u1:access")).rejects.toThrow(TokenKeyError);
  });

  it("refuses a key that is not 32 bytes of base64, so a weak key fails loudly", async () => {
    await expect(importTokenKey("short")).rejects.toThrow(/32 random bytes/);
    await expect(importTokenKey("a-passphrase-of-forty-characters-but-not-base64!")).rejects.toThrow(TokenKeyError);
    await expect(importTokenKey(OTHER.replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, ""))).resolves.toBeTruthy();
  });
});
