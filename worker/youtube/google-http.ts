// The one HTTP client for Google's APIs (the channel's Data, Analytics and Reporting calls, and the
// trends provider's keyed lookups): a request with a deadline, the answer read in full, and a
// network failure reported as data, so each caller words it without echoing a URL that may hold a key.
import { FetchTimeoutError, fetchWithTimeout } from "../lib/fetch-timeout";

export interface GoogleAnswer {
  status: number;
  headers: Headers;
  text: string;
}

export type GoogleReply = { ok: true; answer: GoogleAnswer } | { ok: false; timedOut: boolean; errorName: string };

export async function googleRequest(doFetch: typeof fetch, url: string, init: RequestInit, timeoutMs: number): Promise<GoogleReply> {
  try {
    const answer = await fetchWithTimeout(doFetch, url, init, timeoutMs, async (res) => ({
      status: res.status,
      headers: res.headers,
      text: await res.text(),
    }));
    return { ok: true, answer };
  } catch (err) {
    return { ok: false, timedOut: err instanceof FetchTimeoutError, errorName: err instanceof Error ? err.name : "error" };
  }
}

/** The body as JSON, or null when it is not JSON. */
export function jsonOf(answer: GoogleAnswer): unknown {
  try {
    return answer.text ? JSON.parse(answer.text) : {};
  } catch {
    return null;
  }
}
