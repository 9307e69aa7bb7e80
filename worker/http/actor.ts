// The calling principal as the activity log and webhook events name it: a signed-in member (with
// their address) or an API key (with its name). Read on each changing request, so a renamed key
// or a changed address shows as it was when the action was taken.
import type { Context } from "hono";
import type { AppEnv } from "../env";
import type { Actor } from "../shared/contract";

export async function actorOf(c: Context<AppEnv>): Promise<Actor> {
  const principal = c.get("principal");
  if (principal.kind === "key") {
    const row = await c.env.DB.prepare("SELECT name FROM api_keys WHERE id = ?").bind(principal.keyId).first<{ name: string }>();
    return { kind: "api_key", key_id: principal.keyId, name: row?.name ?? "" };
  }
  const row = await c.env.DB.prepare("SELECT email FROM users WHERE id = ?").bind(principal.userId).first<{ email: string }>();
  return { kind: "member", user_id: principal.userId, email: row?.email ?? "" };
}
