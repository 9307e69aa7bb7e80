/// <reference types="node" />
// Request and response helpers for the fake Google, with Google's own error shapes.
import type { IncomingMessage, ServerResponse } from "node:http";

export const MAX_BODY = 4 * 1024 * 1024;

export async function readBytes(req: IncomingMessage, limit = MAX_BODY): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) return null; // the caller answers "too large"
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

export async function readText(req: IncomingMessage): Promise<string> {
  return (await readBytes(req))?.toString("utf8") ?? "";
}

export async function readJson<T>(req: IncomingMessage): Promise<T | null> {
  try {
    const text = await readText(req);
    return (text ? JSON.parse(text) : {}) as T;
  } catch {
    return null;
  }
}

export function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  const text = typeof body === "string" ? body : JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json; charset=UTF-8", ...headers });
  res.end(text);
}

const STATUS: Record<number, string> = {
  400: "INVALID_ARGUMENT",
  401: "UNAUTHENTICATED",
  403: "PERMISSION_DENIED",
  404: "NOT_FOUND",
  409: "ALREADY_EXISTS",
  413: "INVALID_ARGUMENT",
  500: "INTERNAL",
  503: "UNAVAILABLE",
};

/** The error body every Google JSON API answers with: {error: {code, message, errors: [{reason}], status}}. */
export function googleError(
  res: ServerResponse,
  code: number,
  reason: string,
  message: string,
  domain = "global",
  extra: Record<string, string> = {},
) {
  send(
    res,
    code,
    { error: { code, message, errors: [{ message, domain, reason, ...extra }], status: STATUS[code] ?? "UNKNOWN" } },
    code === 401 ? { "www-authenticate": 'Bearer realm="https://accounts.google.com/", error="invalid_token"' } : {},
  );
}

export const ERRORS = {
  unauthenticated: (res: ServerResponse) =>
    googleError(
      res,
      401,
      "authError",
      "Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.",
      "global",
      { location: "Authorization", locationType: "header" },
    ),
  insufficientScopes: (res: ServerResponse) =>
    googleError(res, 403, "insufficientPermissions", "Request had insufficient authentication scopes."),
  quotaExceeded: (res: ServerResponse) =>
    googleError(
      res,
      403,
      "quotaExceeded",
      'The request cannot be completed because you have exceeded your <a href="/youtube/v3/getting-started#quota">quota</a>.',
      "youtube.quota",
    ),
  forbidden: (res: ServerResponse, message = "The request is not properly authorized.") =>
    googleError(res, 403, "forbidden", message, "youtube.thumbnail"),
  backendError: (res: ServerResponse, code = 503) => googleError(res, code, "backendError", "Backend Error"),
};

/** OAuth endpoints answer with the RFC 6749 shape instead. */
export function oauthError(res: ServerResponse, status: number, error: string, description: string) {
  send(res, status, { error, error_description: description });
}
