// Forgetting a connected channel: revoke the refresh token at Google (best effort: the creator
// can also revoke it in their Google account), then delete the sealed tokens either way.
import { youtubeConfig } from "./config";
import { revokeToken } from "./oauth";
import { refreshContext } from "./session";
import { deleteConnection, getConnection } from "./store";
import { importTokenKey, openSecret } from "./token-crypto";

/** Null when no channel was connected; otherwise whether Google confirmed the revocation. */
export async function disconnectYouTube(env: Cloudflare.Env, teamId: string): Promise<{ revoked: boolean } | null> {
  const row = await getConnection(env.DB, teamId);
  if (!row) return null;
  let revoked = true;
  try {
    const cfg = youtubeConfig(env);
    const key = await importTokenKey(cfg.encryptionKey);
    await revokeToken(cfg, await openSecret(key, row.refreshTokenSealed, refreshContext(teamId)));
  } catch (err) {
    revoked = false;
    console.warn("YouTube revoke failed", err instanceof Error ? err.name : "error");
  }
  await deleteConnection(env.DB, teamId);
  return { revoked };
}
