// Everything stored about a user, for export, and its deletion. The D1 tables and the workflow
// Durable Objects are listed here in one place, so a new table that holds user data has one
// obvious home on both paths.
import { deleteAllFacePhotos, facePhotoBytes, listFacePhotos } from "../faces/photos";
import { toBase64 } from "../lib/base64";
import { memberships, ownedTeams, teamWorkflowIds } from "../teams/repo";
import { inBatches, purgeTeam, shutOut, workflowObject as stub } from "../teams/purge";
import type { Env } from "../env";
import { listAttempts, listEndpoints } from "../webhooks/repo";
import { listApiKeys } from "./api-keys";
import { forgetSessions, listSessions } from "./sessions";

const valueOf = <T>(r: { ok: boolean; value?: T }): T | null => (r.ok ? (r.value ?? null) : null);

/**
 * The user's data as JSON: account, team memberships, sessions, API keys (no hashes), webhook endpoints (no
 * secrets) with their delivery log, the connected YouTube channel (no tokens), the face photos, every workflow's
 * full state and A/B history, and the LLM calls behind the usage figures. Keys, webhooks, channel,
 * workflows and calls are the personal team's (its id is the user's); other teams' data is theirs.
 */
export async function exportAccount(
  env: Env,
  userId: string,
  now: number,
  /** The session asking, marked `current` as /auth/sessions marks it. */
  currentSessionId: string | null,
): Promise<Record<string, unknown>> {
  const db = env.DB;
  const account = await db
    .prepare("SELECT id, email, created_at FROM users WHERE id = ?")
    .bind(userId)
    .first<{ id: string; email: string; created_at: number }>();
  const endpoints = await listEndpoints(db, userId);
  const webhooks = await Promise.all(endpoints.map(async (e) => ({ ...e, deliveries: await listAttempts(db, e.id, 1000) })));
  const { results: llmCalls } = await db
    .prepare(
      `SELECT workflow_id, model, prompt_tokens, completion_tokens, estimated_cost_usd, created_at
       FROM token_usage WHERE team_id = ? ORDER BY created_at, id`,
    )
    .bind(userId)
    .all<Record<string, unknown>>();
  // The connected channel, without its sealed tokens.
  const youtube = await db
    .prepare("SELECT channel_id, channel_title, status, scopes, connected_at FROM youtube_connections WHERE team_id = ?")
    .bind(userId)
    .first<{ channel_id: string; channel_title: string; status: string; scopes: string; connected_at: number }>();
  const workflows = await inBatches(await teamWorkflowIds(db, userId), async (id) => {
    const object = stub(env, id);
    const state = valueOf(await object.view(userId));
    const history = state && state.ab_test ? valueOf(await object.abHistory(userId)) : null;
    return state ? { ...state, ab_history: history } : { id, state: "unavailable" };
  });
  // "My face": the stored photos themselves (already stripped of EXIF), as data URLs.
  const facePhotos = await Promise.all(
    (await listFacePhotos(env.MEDIA, userId)).map(async (p) => {
      const body = await facePhotoBytes(env.MEDIA, userId, p.id);
      return { ...p, data_url: body && `data:image/jpeg;base64,${toBase64(new Uint8Array(await body.arrayBuffer()))}` };
    }),
  );
  return {
    exported_at: new Date(now).toISOString(),
    account: account && { id: account.id, email: account.email, created_at: new Date(account.created_at).toISOString() },
    memberships: await memberships(db, userId),
    sessions: await listSessions(db, userId, currentSessionId, now),
    api_keys: await listApiKeys(db, userId),
    webhooks,
    youtube_channel: youtube && { ...youtube, connected_at: new Date(youtube.connected_at).toISOString() },
    face_photos: facePhotos,
    workflows,
    llm_calls: llmCalls.map((r) => ({ ...r, created_at: new Date(r.created_at as number).toISOString() })),
  };
}

/** A team that would be left without an owner: account deletion waits until it is settled. */
export interface OwnedTeamWithMembers {
  id: string;
  name: string;
  personal: boolean;
}

/**
 * Deletes the user and everything of theirs: every team they own alone (their personal team
 * among them, with its workflows, keys, webhooks, channel and usage), their face photos,
 * sessions and the account. Teams they are only a member of keep all their data; the member's
 * open pages there close. Refused (nothing deleted) while they own a team with other members.
 */
export async function deleteAccount(
  env: Env,
  userId: string,
  email: string,
): Promise<{ ok: true } | { ok: false; blocking: OwnedTeamWithMembers[] }> {
  const db = env.DB;
  const owned = await ownedTeams(db, userId);
  const blocking = owned.filter((t) => t.members > 1).map(({ id, name, personal }) => ({ id, name, personal }));
  if (blocking.length > 0) return { ok: false, blocking };
  const joined = (await memberships(db, userId)).filter((m) => m.role !== "owner");
  for (const team of owned) await purgeTeam(env, team.id);
  await inBatches(joined, (m) => shutOut(env, m.team_id, userId));
  await deleteAllFacePhotos(env.MEDIA, userId);
  await db.batch([
    db.prepare("DELETE FROM sessions WHERE user_id = ?").bind(userId),
    db.prepare("DELETE FROM login_throttle WHERE email = ?").bind(email),
    db.prepare("DELETE FROM youtube_oauth_states WHERE user_id = ?").bind(userId),
    // Memberships cascade; what the account made for its teams stays, no longer naming it.
    db.prepare("DELETE FROM users WHERE id = ?").bind(userId),
  ]);
  forgetSessions(userId);
  return { ok: true };
}
