// Standard Webhooks signatures (https://www.standardwebhooks.com) with WebCrypto:
// webhook-signature = "v1," + base64(HMAC-SHA256(key, `${id}.${timestamp}.${body}`)),
// where the secret is "whsec_" + base64(key). Receivers verify with the `standardwebhooks` library.

import { fromBase64, toBase64 } from "../lib/base64";

export const SECRET_PREFIX = "whsec_";
/** The spec asks for 24 to 64 bytes of key; 32 matches the HMAC-SHA256 block of security. */
const SECRET_BYTES = 32;

export function generateWebhookSecret(): string {
  return SECRET_PREFIX + toBase64(crypto.getRandomValues(new Uint8Array(SECRET_BYTES)));
}

/** Message ids stay the same across retries, so receivers can deduplicate on them. */
export function newMessageId(): string {
  return `msg_${crypto.randomUUID().replaceAll("-", "")}`;
}

function secretKey(secret: string): Uint8Array<ArrayBuffer> {
  if (!secret.startsWith(SECRET_PREFIX)) throw new Error("webhook secrets must start with whsec_");
  const key = fromBase64(secret.slice(SECRET_PREFIX.length));
  if (key.length === 0) throw new Error("webhook secret is empty");
  return key;
}

export async function signWebhook(secret: string, id: string, timestampSeconds: number, body: string): Promise<string> {
  const key = await crypto.subtle.importKey("raw", secretKey(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  const mac = await crypto.subtle.sign("HMAC", key, new TextEncoder().encode(`${id}.${timestampSeconds}.${body}`));
  return `v1,${toBase64(new Uint8Array(mac))}`;
}

/**
 * Headers for one attempt. The timestamp is the attempt's own time, not the event's: receivers
 * reject timestamps more than five minutes old, and retries can come hours later.
 */
export async function webhookHeaders(secret: string, id: string, nowMs: number, body: string): Promise<Record<string, string>> {
  const timestamp = Math.floor(nowMs / 1000);
  return {
    "webhook-id": id,
    "webhook-timestamp": String(timestamp),
    "webhook-signature": await signWebhook(secret, id, timestamp, body),
  };
}
