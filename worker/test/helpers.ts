// Test helpers: drive the real Worker through exports.default.fetch, against real local D1
// and real Durable Objects (storage is isolated per test file).
import { runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { env, exports } from "cloudflare:workers";
import { expect } from "vitest";
import { app } from "../app";
import { personalTeamStatements } from "../teams/repo";
import type { WorkflowObject } from "../do/workflow-object";
import type { Problem, WorkflowState } from "../shared/contract";

export const BASE = "http://localhost:8787/api/v1";

export interface Reply<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

export interface CallOptions {
  token?: string;
  body?: unknown;
  raw?: string;
  headers?: Record<string, string>;
  /** Variables to override for this request only (served by app.request instead of the Worker). */
  vars?: Record<string, string>;
}

export async function call<T = any>(method: string, path: string, opts: CallOptions = {}): Promise<Reply<T>> {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  let body: string | undefined = opts.raw;
  if (opts.body !== undefined) {
    body = JSON.stringify(opts.body);
    headers["content-type"] ??= "application/json";
  }
  const request = new Request(`${BASE}${path}`, { method, headers, body });
  const res = opts.vars ? await app.request(request, undefined, { ...env, ...opts.vars }) : await exports.default.fetch(request);
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    // not JSON
  }
  return { status: res.status, headers: res.headers, body: parsed as T };
}

let counter = 0;
export async function newUser(label = "user"): Promise<{ email: string; token: string }> {
  const email = `${label}-${Date.now()}-${counter++}@example.com`;
  const password = "correct-horse-42";
  const reg = await call("POST", "/auth/register", { body: { email, password } });
  expect(reg.status).toBe(201);
  const login = await call("POST", "/auth/login", { body: { username: email, password } });
  expect(login.status).toBe(200);
  return { email, token: login.body.access_token };
}

export function expectProblem(reply: Reply, status: number): Problem {
  expect(reply.status).toBe(status);
  expect(reply.headers.get("content-type")).toContain("application/problem+json");
  const p = reply.body as Problem;
  expect(p.status).toBe(status);
  expect(typeof p.type).toBe("string");
  expect(typeof p.title).toBe("string");
  expect(typeof p.detail).toBe("string");
  return p;
}

export async function startWorkflow(token: string, topic = "home espresso"): Promise<WorkflowState> {
  const r = await call<WorkflowState>("POST", "/workflows/start", {
    token,
    body: { topic, niche: "coffee", audience: "busy parents", tone: "friendly" },
  });
  expect(r.status).toBe(201);
  return r.body;
}

export async function toThumbnails(token: string): Promise<WorkflowState> {
  const wf = await startWorkflow(token);
  const r = await call<WorkflowState>("POST", `/workflows/${wf.id}/approve`, {
    token,
    body: { action: "approve", script_id: wf.scripts[0]!.id },
  });
  expect(r.status).toBe(200);
  return r.body;
}

export async function toAbTesting(token: string, source: "simulated" | "external" = "simulated"): Promise<WorkflowState> {
  const wf = await toThumbnails(token);
  const r = await call<WorkflowState>("POST", `/workflows/${wf.id}/select-thumbnail`, {
    token,
    body: { thumbnail_id: wf.thumbnails[1]!.id, analytics_source: source },
  });
  expect(r.status).toBe(200);
  return r.body;
}

export function stubOf(id: string) {
  return env.WORKFLOW.get(env.WORKFLOW.idFromName(id));
}

/**
 * Runs the object's alarm as workerd would at time `at`: the object's clock is moved there first
 * (it stays there), so due timers run and nothing else does. False when no alarm was scheduled.
 */
export async function alarmAt(stub: ReturnType<typeof stubOf>, at: number): Promise<boolean> {
  await runInDurableObject(stub, (object: WorkflowObject) => {
    object.clock = () => at;
  });
  return runDurableObjectAlarm(stub);
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Runs the alarm until nothing is scheduled (webhook deliveries share it with polling) and
 * returns how many runs that took; fails if it never settles.
 */
export async function drainAlarms(stub: ReturnType<typeof stubOf>, max = 5): Promise<number> {
  for (let runs = 0; runs < max; runs++) {
    if (!(await runDurableObjectAlarm(stub))) return runs;
  }
  throw new Error(`the alarm was still scheduled after ${max} runs`);
}

/** A user row straight in D1, with its personal team as registration makes it, for tests below the HTTP layer (no password, no token). */
export async function newUserRow(): Promise<string> {
  const id = crypto.randomUUID();
  const now = Date.now();
  await env.DB.batch([
    env.DB.prepare("INSERT INTO users (id, email, password_hash, created_at) VALUES (?, ?, 'x', ?)").bind(id, `${id}@example.com`, now),
    ...personalTeamStatements(env.DB, id, now),
  ]);
  return id;
}
