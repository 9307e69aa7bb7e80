// What deleting a team does, and what removing a member does to open pages. Workflow objects are
// purged first: if one fails, nothing in D1 is gone yet and the request can be repeated.
import type { Env } from "../env";
import { disconnectYouTube } from "../youtube/disconnect";
import { forgetAccess } from "./access";
import { teamWorkflowIds } from "./repo";

/** Durable Object calls in flight at once: enough to be quick, few enough to stay polite. */
const PARALLEL_OBJECTS = 8;

export async function inBatches<T, R>(items: readonly T[], fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += PARALLEL_OBJECTS) out.push(...(await Promise.all(items.slice(i, i + PARALLEL_OBJECTS).map(fn))));
  return out;
}

export const workflowObject = (env: Env, workflowId: string) => env.WORKFLOW.get(env.WORKFLOW.idFromName(workflowId));

/** A member is out: this isolate forgets their access now, and the team's open pages of theirs close. */
export async function shutOut(env: Env, teamId: string, userId: string): Promise<void> {
  forgetAccess(teamId, userId);
  await inBatches(await teamWorkflowIds(env.DB, teamId), (id) => workflowObject(env, id).closeSocketsOf(userId));
}

/**
 * Deletes a team and everything that belongs to it: its workflows (objects and index), keys,
 * webhooks and their log, the channel connection (revoked at Google), usage and budgets. The
 * quota ledger keeps the units (Google's project quota is shared) without naming the team.
 */
export async function purgeTeam(env: Env, teamId: string): Promise<void> {
  const db = env.DB;
  const purge = (id: string) => workflowObject(env, id).purge(teamId);
  const purged = new Set(await teamWorkflowIds(db, teamId));
  await inBatches([...purged], purge);
  await disconnectYouTube(env, teamId);
  const results = await db.batch([
    db.prepare("DELETE FROM webhook_deliveries WHERE endpoint_id IN (SELECT id FROM webhook_endpoints WHERE team_id = ?)").bind(teamId),
    db.prepare("DELETE FROM token_usage WHERE team_id = ?").bind(teamId),
    db.prepare("DELETE FROM usage_counters WHERE subject = ?").bind(teamId),
    db.prepare("DELETE FROM budget_reservations WHERE team_id = ?").bind(teamId),
    db.prepare("DELETE FROM youtube_oauth_states WHERE team_id = ?").bind(teamId),
    db.prepare("UPDATE youtube_quota_ledger SET team_id = 'deleted' WHERE team_id = ?").bind(teamId),
    // The team's own rows (workflows, keys, webhooks, connection, rotations, members, invitations) cascade.
    db.prepare("DELETE FROM workflows WHERE team_id = ? RETURNING id").bind(teamId),
    db.prepare("DELETE FROM teams WHERE id = ?").bind(teamId),
  ]);
  forgetAccess(teamId);
  // A workflow created meanwhile came back from the batch: purge it too (none can follow: its index row needs the team).
  const late = (results.at(-2)!.results as { id: string }[]).map((r) => r.id).filter((id) => !purged.has(id));
  await inBatches(late, purge);
}
