// Everything stored about a user, for export, and its deletion. The D1 tables and the workflow
// Durable Objects are listed here in one place, so a new table that holds user data has one
// obvious home on both paths.
import { deleteAllFacePhotos, facePhotoBytes, listFacePhotos } from "../faces/photos";
import { toBase64 } from "../lib/base64";
import { disconnectYouTube } from "../youtube/disconnect";
import type { Env } from "../env";
import { listAttempts, listEndpoints } from "../webhooks/repo";
import { listApiKeys } from "./api-keys";
import { forgetSessions, listSessions } from "./sessions";

/** Durable Object calls in flight at once: enough to be quick, few enough to stay polite. */
const PARALLEL_OBJECTS = 8;

async function inBatches<T, R>(items: readonly T[], fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += PARALLEL_OBJECTS) out.push(...(await Promise.all(items.slice(i, i + PARALLEL_OBJECTS).map(fn))));
  return out;
}

const stub = (env: Env, workflowId: string) => env.WORKFLOW.get(env.WORKFLOW.idFromName(workflowId));

async function workflowIds(db: D1Database, userId: string): Promise<string[]> {
  const { results } = await db
    .prepare("SELECT id FROM workflows WHERE user_id = ? ORDER BY created_at, id")
    .bind(userId)
    .all<{ id: string }>();
  return results.map((r) => r.id);
}

const valueOf = <T>(r: { ok: boolean; value?: T }): T | null => (r.ok ? (r.value ?? null) : null);

/**
 * The user's data as JSON: account, sessions, API keys (no hashes), webhook endpoints (no
 * secrets) with their delivery log, the connected YouTube channel (no tokens), the face photos, every workflow's
 * full state and A/B history, and the LLM calls behind the usage figures.
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
       FROM token_usage WHERE user_id = ? ORDER BY created_at, id`,
    )
    .bind(userId)
    .all<Record<string, unknown>>();
  // The connected channel, without its sealed tokens.
  const youtube = await db
    .prepare("SELECT channel_id, channel_title, status, scopes, connected_at FROM youtube_connections WHERE user_id = ?")
    .bind(userId)
    .first<{ channel_id: string; channel_title: string; status: string; scopes: string; connected_at: number }>();
  const workflows = await inBatches(await workflowIds(db, userId), async (id) => {
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
    sessions: await listSessions(db, userId, currentSessionId, now),
    api_keys: await listApiKeys(db, userId),
    webhooks,
    youtube_channel: youtube && { ...youtube, connected_at: new Date(youtube.connected_at).toISOString() },
    face_photos: facePhotos,
    workflows,
    llm_calls: llmCalls.map((r) => ({ ...r, created_at: new Date(r.created_at as number).toISOString() })),
  };
}

/**
 * Deletes the user and everything of theirs. Workflow objects are purged first: if one fails,
 * nothing in D1 is gone yet and the request can simply be repeated. Then every D1 row goes in
 * one batch (a transaction); a workflow created meanwhile comes back from that batch and is
 * purged too, and none can be created afterwards, since its index row needs the user's row.
 */
export async function deleteAccount(env: Env, userId: string, email: string): Promise<void> {
  const db = env.DB;
  const purge = async (id: string) => {
    await stub(env, id).purge(userId);
  };
  const purged = new Set(await workflowIds(db, userId));
  await inBatches([...purged], purge);
  // Revoked at Google too, not only forgotten here.
  await disconnectYouTube(env, userId);
  await deleteAllFacePhotos(env.MEDIA, userId);
  const results = await db.batch([
    db.prepare("DELETE FROM webhook_deliveries WHERE endpoint_id IN (SELECT id FROM webhook_endpoints WHERE user_id = ?)").bind(userId),
    db.prepare("DELETE FROM webhook_endpoints WHERE user_id = ?").bind(userId),
    db.prepare("DELETE FROM api_keys WHERE user_id = ?").bind(userId),
    db.prepare("DELETE FROM sessions WHERE user_id = ?").bind(userId),
    db.prepare("DELETE FROM token_usage WHERE user_id = ?").bind(userId),
    db.prepare("DELETE FROM usage_counters WHERE subject = ?").bind(userId),
    db.prepare("DELETE FROM budget_reservations WHERE user_id = ?").bind(userId),
    db.prepare("DELETE FROM login_throttle WHERE email = ?").bind(email),
    // The connected channel's sealed Google tokens and any connect in progress.
    db.prepare("DELETE FROM youtube_connections WHERE user_id = ?").bind(userId),
    db.prepare("DELETE FROM youtube_oauth_states WHERE user_id = ?").bind(userId),
    // Units spent stay counted against the project's shared daily quota, but no longer name the user.
    db.prepare("UPDATE youtube_quota_ledger SET user_id = 'deleted' WHERE user_id = ?").bind(userId),
    db.prepare("DELETE FROM workflows WHERE user_id = ? RETURNING id").bind(userId),
    db.prepare("DELETE FROM users WHERE id = ?").bind(userId),
  ]);
  forgetSessions(userId);
  const late = (results.at(-2)!.results as { id: string }[]).map((r) => r.id).filter((id) => !purged.has(id));
  await inBatches(late, purge);
}
