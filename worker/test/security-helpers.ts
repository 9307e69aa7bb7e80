// Helpers for the security suites: requests from a chosen client IP (as Cloudflare's edge would
// report it in CF-Connecting-IP), sign-ins that keep the password, and direct D1 reads.
import { env } from "cloudflare:workers";
import { expect } from "vitest";
import { type CallOptions, type Reply, call } from "./helpers";

export const PASSWORD = "correct-horse-42";

/** A call as if from `ip` (the header Cloudflare's edge sets and clients cannot forge there). */
export function callFrom<T = any>(ip: string, method: string, path: string, opts: CallOptions = {}): Promise<Reply<T>> {
  return call<T>(method, path, { ...opts, headers: { ...opts.headers, "cf-connecting-ip": ip } });
}

let counter = 0;
export const uniqueEmail = (label: string) => `${label}-${Date.now()}-${counter++}@example.com`;

/** Registers an account (no client IP, so no registration throttle) and returns its id. */
export async function register(label: string, password = PASSWORD): Promise<{ id: string; email: string }> {
  const email = uniqueEmail(label);
  const reg = await call("POST", "/auth/register", { body: { email, password } });
  expect(reg.status).toBe(201);
  return { id: reg.body.id, email };
}

export async function login(email: string, password = PASSWORD, opts: { ip?: string; userAgent?: string } = {}): Promise<string> {
  const headers: Record<string, string> = {};
  if (opts.ip) headers["cf-connecting-ip"] = opts.ip;
  if (opts.userAgent) headers["user-agent"] = opts.userAgent;
  const r = await call("POST", "/auth/login", { body: { username: email, password }, headers });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body.access_token as string;
}

/** A signed-in account: its id, email and one session token. */
export async function account(label: string): Promise<{ id: string; email: string; token: string }> {
  const { id, email } = await register(label);
  return { id, email, token: await login(email) };
}

export async function countRows(sql: string, ...params: unknown[]): Promise<number> {
  const row = await env.DB.prepare(`SELECT count(*) AS n FROM (${sql})`)
    .bind(...params)
    .first<{ n: number }>();
  return row?.n ?? 0;
}

export const statuses = (replies: Reply[]) => replies.map((r) => r.status);
export const howMany = (replies: Reply[], status: number) => replies.filter((r) => r.status === status).length;
