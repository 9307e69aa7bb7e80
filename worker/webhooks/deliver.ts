// One delivery attempt over HTTP, and the policy for which URLs may receive webhooks.
import { FetchTimeoutError, fetchWithTimeout } from "../lib/fetch-timeout";
import type { AttemptResult } from "./outbox";
import { webhookHeaders } from "./signing";

export const DEFAULT_ATTEMPT_TIMEOUT_MS = 10_000;
const MAX_URL_LENGTH = 2048;

export type UrlCheck = { ok: true; url: string } | { ok: false; reason: string };

function isPrivateIpv4(host: string): boolean {
  const m = /^(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(host);
  if (!m) return false;
  const [a, b] = [Number(m[1]), Number(m[2])];
  return (
    a === 0 ||
    a === 10 ||
    a === 127 ||
    (a === 169 && b === 254) ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    (a === 192 && b === 0 && Number(m[3]) === 0) ||
    (a === 198 && (b === 18 || b === 19)) ||
    (a === 100 && b >= 64 && b <= 127) ||
    a >= 224
  );
}

function isLoopbackOrPrivate(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, "");
  if (host === "localhost" || host.endsWith(".localhost") || host.endsWith(".local") || host.endsWith(".internal")) return true;
  if (host.startsWith("[")) {
    const v6 = host.slice(1, -1);
    // Loopback, unspecified, unique-local (fc00::/7), link-local and site-local (fe80::/10,
    // fec0::/10), multicast, v4-mapped, v4-compatible (::a.b.c.d, written ::7f00:1) and NAT64.
    return (
      v6 === "::1" ||
      v6 === "::" ||
      /^f[cd]/.test(v6) ||
      /^fe[89a-f]/.test(v6) ||
      v6.startsWith("ff") ||
      v6.startsWith("::ffff:") ||
      /^::[0-9a-f]{1,4}(:[0-9a-f]{1,4})?$/.test(v6) ||
      v6.startsWith("64:ff9b:")
    );
  }
  return isPrivateIpv4(host);
}

/**
 * Whether a URL may receive webhooks. Outside development only public https URLs pass; in
 * development plain http and loopback are allowed so a local receiver works. Host names are
 * not resolved (Workers cannot), so this blocks literal private addresses, not DNS tricks;
 * Cloudflare's edge does not route fetches to private networks in any case.
 */
export function checkWebhookUrl(raw: string, opts: { development: boolean }): UrlCheck {
  if (raw.length > MAX_URL_LENGTH) return { ok: false, reason: `URLs are limited to ${MAX_URL_LENGTH} characters.` };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: "Not a valid absolute URL." };
  }
  if (url.username || url.password)
    return { ok: false, reason: "URLs must not carry credentials; authenticate with the signature instead." };
  if (url.hash) return { ok: false, reason: "URLs must not have a fragment." };
  if (opts.development) {
    if (url.protocol !== "https:" && url.protocol !== "http:") return { ok: false, reason: "Only http and https URLs are allowed." };
    return { ok: true, url: url.toString() };
  }
  if (url.protocol !== "https:") return { ok: false, reason: "Only https URLs are allowed." };
  if (isLoopbackOrPrivate(url.hostname)) return { ok: false, reason: "Loopback and private-network hosts are not allowed." };
  return { ok: true, url: url.toString() };
}

export interface DeliveryRequest {
  url: string;
  secret: string;
  messageId: string;
  body: string;
  nowMs: number;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

/**
 * POST one signed delivery. Never throws: every failure becomes an AttemptResult so the outbox
 * can schedule the retry. Redirects are not followed (a 3xx is a failure), because following
 * them would let a registered URL bounce signed payloads somewhere the policy never checked.
 */
export async function deliver(req: DeliveryRequest): Promise<AttemptResult> {
  const timeoutMs = req.timeoutMs ?? DEFAULT_ATTEMPT_TIMEOUT_MS;
  const doFetch = req.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  const started = Date.now();
  const elapsed = () => Date.now() - started;
  try {
    const headers = {
      "content-type": "application/json",
      "user-agent": "creator-agent-toolbox-webhooks/1",
      ...(await webhookHeaders(req.secret, req.messageId, req.nowMs, req.body)),
    };
    return await fetchWithTimeout(
      doFetch,
      req.url,
      { method: "POST", headers, body: req.body, redirect: "manual" },
      timeoutMs,
      async (res) => {
        // The answer's body is never used; cancel it rather than buffer whatever the receiver sends.
        await res.body?.cancel().catch(() => {});
        if (res.status >= 300 && res.status < 400) {
          return { status_code: res.status, error: `Redirect (${res.status}) not followed.`, duration_ms: elapsed() };
        }
        return { status_code: res.status, error: res.ok ? null : `HTTP ${res.status}`, duration_ms: elapsed() };
      },
    );
  } catch (err) {
    const error = err instanceof FetchTimeoutError ? err.message : `Network error: ${err instanceof Error ? err.message : String(err)}`;
    return { status_code: null, error, duration_ms: elapsed() };
  }
}
