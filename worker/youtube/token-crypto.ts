// Google tokens at rest: AES-256-GCM under TOKEN_ENCRYPTION_KEY (32 random bytes, base64), a
// fresh 96-bit IV per seal, and the owner and field as associated data, so a sealed token copied
// to another user's row or into another column does not open.
import { fromBase64, toBase64Url } from "../lib/base64";

const VERSION = "v1";

export class TokenKeyError extends Error {
  override name = "TokenKeyError";
}

const fromBase64Url = (text: string) =>
  fromBase64(
    text
      .replaceAll("-", "+")
      .replaceAll("_", "/")
      .padEnd(Math.ceil(text.length / 4) * 4, "="),
  );

export async function importTokenKey(secret: string): Promise<CryptoKey> {
  let raw: Uint8Array<ArrayBuffer>;
  try {
    raw = fromBase64Url(secret.trim());
  } catch {
    raw = new Uint8Array(0);
  }
  // A short or mistyped key would still "work" with a KDF; refuse it so the mistake shows at once.
  if (raw.length !== 32) throw new TokenKeyError("TOKEN_ENCRYPTION_KEY must be 32 random bytes in base64 (openssl rand -base64 32).");
  return crypto.subtle.importKey("raw", raw, "AES-GCM", false, ["encrypt", "decrypt"]);
}

const aad = (context: string) => new TextEncoder().encode(`creator-agent-toolbox:${context}`);

/** Seals a secret; `context` (e.g. "user-id:refresh") must be given again to open it. */
export async function sealSecret(key: CryptoKey, plaintext: string, context: string): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const sealed = await crypto.subtle.encrypt(
    { name: "AES-GCM", iv, additionalData: aad(context) },
    key,
    new TextEncoder().encode(plaintext),
  );
  return `${VERSION}.${toBase64Url(iv)}.${toBase64Url(new Uint8Array(sealed))}`;
}

/** Opens a sealed secret; throws TokenKeyError if the key, the context or the text is wrong. */
export async function openSecret(key: CryptoKey, sealed: string, context: string): Promise<string> {
  const [version, iv, data] = sealed.split(".");
  if (version !== VERSION || !iv || !data) throw new TokenKeyError("not a sealed token");
  try {
    const plain = await crypto.subtle.decrypt(
      { name: "AES-GCM", iv: fromBase64Url(iv), additionalData: aad(context) },
      key,
      fromBase64Url(data),
    );
    return new TextDecoder().decode(plain);
  } catch {
    throw new TokenKeyError("the sealed token does not open with this key and context (was TOKEN_ENCRYPTION_KEY changed?)");
  }
}
