// Fixtures for the team suites: accounts in every relation to a team (owner, editor, viewer,
// someone outside it, a member who was removed), fresh teams with those members, and requests
// that act for a team (X-Team-Id).
import { expect } from "vitest";
import { type CallOptions, type Reply, call } from "./helpers";
import { account } from "./security-helpers";

export const WHO = ["owner", "editor", "viewer", "outsider", "removed"] as const;
export type Who = (typeof WHO)[number];
export interface Person {
  id: string;
  email: string;
  token: string;
}
export type People = Record<Who | "spare" | "host", Person>;

export async function people(label: string): Promise<People> {
  const out: Partial<People> = {};
  for (const who of [...WHO, "spare", "host"] as const) out[who] = await account(`${label}-${who}`);
  return out as People;
}

/** A call acting for `teamId`. */
export const forTeam = <T = any>(teamId: string, method: string, path: string, opts: CallOptions = {}): Promise<Reply<T>> =>
  call<T>(method, path, { ...opts, headers: { ...opts.headers, "x-team-id": teamId } });

export async function invite(owner: Person, teamId: string, email: string, role: "editor" | "viewer"): Promise<string> {
  const r = await call("POST", `/teams/${teamId}/invitations`, { token: owner.token, body: { email, role } });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return (r.body.link as string).split("/#/invite/")[1]!;
}

export async function join(p: People, teamId: string, who: Person, role: "editor" | "viewer"): Promise<void> {
  const token = await invite(p.owner, teamId, who.email, role);
  const r = await call("POST", `/invitations/${token}/accept`, { token: who.token });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
}

const made_: string[] = [];

/** Keeps the teams made so far (the suite's shared team) out of dropFreshTeams. */
export const keepFreshTeams = () => void made_.splice(0);

/** Deletes the teams freshTeam made (an account may own only so many), by whoever owns each now. */
export async function dropFreshTeams(p: People): Promise<void> {
  for (const id of made_.splice(0)) {
    for (const who of [p.owner, p.editor]) if ((await call("DELETE", `/teams/${id}`, { token: who.token })).status === 204) break;
  }
}

/**
 * A new team of p.owner with p.editor, p.viewer and p.spare (a viewer) as members, and
 * p.removed, who joined as an editor and was removed.
 */
export async function freshTeam(p: People, name = "Channel crew"): Promise<string> {
  const made = await call("POST", "/teams", { token: p.owner.token, body: { name } });
  expect(made.status).toBe(201);
  const id = made.body.id as string;
  made_.push(id);
  await join(p, id, p.editor, "editor");
  await join(p, id, p.viewer, "viewer");
  await join(p, id, p.spare, "viewer");
  await join(p, id, p.removed, "editor");
  expect((await call("DELETE", `/teams/${id}/members/${p.removed.id}`, { token: p.owner.token })).status).toBe(204);
  return id;
}
