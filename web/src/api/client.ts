// One fetch wrapper for the whole app: base URL, bearer token, and RFC 9457 problem details.
import type { Problem } from "./types";

export const API_BASE = __API_BASE__.replace(/\/$/, "");
export const API_PREFIX = `${API_BASE}/api/v1`;

/** Thumbnail URLs come back as API-relative paths; on a separate Pages origin they need the API host. */
export const apiAsset = (url: string) => (url.startsWith("/") && !url.startsWith("//") ? API_BASE + url : url);

export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail || problem.title);
  }
  get status() {
    return this.problem.status;
  }
}

let tokenSource: () => string | null = () => null;
let teamSource: () => string | null = () => null;
let onUnauthorized: () => void = () => {};

/** The session model plugs in here, so the client needs no import of it (and no cycle). `getTeam`: the team to act for. */
export function configureAuth(getToken: () => string | null, unauthorized: () => void, getTeam: () => string | null = () => null) {
  tokenSource = getToken;
  onUnauthorized = unauthorized;
  teamSource = getTeam;
}

export const currentToken = () => tokenSource();

function problemFrom(status: number, body: unknown, res?: Response): Problem {
  const p = (body && typeof body === "object" ? body : {}) as Partial<Problem>;
  let detail = p.detail || p.title || `Request failed (${status})`;
  const retry = res?.headers.get("Retry-After");
  if (status === 429 && retry && !/\d+\s*s/.test(detail)) detail += ` Try again in ${retry} s.`;
  return { type: p.type || "about:blank", title: p.title || "Error", status, detail, errors: p.errors };
}

/** Raw authorised fetch; throws ApiError with problem details on any non-2xx. */
export async function apiFetch(path: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  const token = tokenSource();
  if (token) headers.set("Authorization", `Bearer ${token}`);
  // Collection routes act for this team (absent: the personal one); a workflow's own routes ignore it.
  const team = teamSource();
  if (team) headers.set("X-Team-Id", team);
  if (init.body && !headers.has("Content-Type")) headers.set("Content-Type", "application/json");
  let res: Response;
  try {
    res = await fetch(API_PREFIX + path, { ...init, headers });
  } catch {
    throw new ApiError(problemFrom(0, { title: "Network error", detail: "Cannot reach the API. Check your connection." }));
  }
  if (res.ok) return res;
  const body = await res.json().catch(() => null);
  // Only a request that carried a token means "session over"; a failed sign-in is just a 401.
  if (res.status === 401 && token) onUnauthorized();
  throw new ApiError(problemFrom(res.status, body, res));
}

export async function api<T>(method: string, path: string, body?: unknown, headers?: HeadersInit): Promise<T> {
  const res = await apiFetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  return (res.status === 204 ? undefined : await res.json()) as T;
}

/**
 * Splits a failure into messages for the form's own fields (matched on the last segment of
 * `errors[].path`: "body.topic", "/topic" and "topic" all mean "topic") and one form-level
 * message for everything else, so no server message is ever dropped.
 */
export function fieldErrors(err: unknown, known: readonly string[]) {
  const fields: Record<string, string> = {};
  if (!err) return { fields, form: null as string | null };
  if (!(err instanceof ApiError)) return { fields, form: errorText(err) };
  const rest: string[] = [];
  for (const e of err.problem.errors ?? []) {
    const name =
      String(e.path)
        .split(/[./]/)
        .filter((s) => s && !/^\d+$/.test(s))
        .pop() ?? "";
    const message = e.message.charAt(0).toUpperCase() + e.message.slice(1);
    if (known.includes(name)) fields[name] ??= message;
    else rest.push(name ? `${name}: ${e.message}` : message);
  }
  const form = Object.keys(fields).length && !rest.length ? null : [err.message, ...rest].join(" ");
  return { fields, form };
}

/** After a failed submit, put the keyboard (and screen reader) on the first field to fix. */
export const focusFirstInvalid = (form: HTMLFormElement) =>
  requestAnimationFrame(() => form.querySelector<HTMLElement>("[aria-invalid=true]")?.focus());

export const errorText = (err: unknown) => (err instanceof Error ? err.message : err ? String(err) : "");
