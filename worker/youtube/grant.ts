// The OAuth grant's finishing work, once the callback has checked the state and the browser: the
// code exchange, the required scopes, the channel, the sealed tokens and the reach job, with the
// grant revoked at Google if anything after the exchange fails (no offline token left behind).
import { toYouTube } from "../domain/rotation/clock";
import { openYouTubeChannel } from "./channel";
import { REQUIRED_SCOPES, type YouTubeConfig } from "./config";
import { YouTubeError } from "./errors";
import { exchangeCode, revokeToken } from "./oauth";
import { fetchOwnChannel } from "./own-channel";
import { accessContext, refreshContext } from "./session";
import { recordCharges, saveConnection, updateConnection } from "./store";
import { importTokenKey, sealSecret } from "./token-crypto";

export interface GrantInput {
  cfg: YouTubeConfig;
  db: D1Database;
  /** The callback's URL, with Google's code. */
  url: URL;
  state: string;
  row: { teamId: string; userId: string; codeVerifier: string; redirectUri: string };
  now: number;
}

/** The outcome the app shows: "connected", or why not (the grant is then revoked). */
export async function finishGrant({ cfg, db, url, state, row, now }: GrantInput): Promise<string> {
  // Google's token lifetimes and the quota ledger run on YouTube's clock (shortened in local runs), as the sessions do.
  const youtubeNow = toYouTube(cfg.clock, now);
  let tokens;
  try {
    tokens = await exchangeCode(cfg, url, state, row.codeVerifier, row.redirectUri, youtubeNow);
  } catch (err) {
    if (err instanceof YouTubeError) return "exchange_failed";
    throw err;
  }
  if (!REQUIRED_SCOPES.every((s) => tokens.scopes.includes(s)) || !tokens.refreshToken) {
    // Granular consent let the creator untick a permission: keep nothing, ask again.
    await revokeToken(cfg, tokens.refreshToken ?? tokens.accessToken).catch(() => {});
    return tokens.refreshToken ? "scopes_missing" : "no_refresh_token";
  }
  // Past the exchange a grant is live at Google: any failure from here revokes it, so no
  // offline token is left behind that this app can no longer reach.
  try {
    const { channel, charge } = await fetchOwnChannel(cfg, tokens.accessToken, youtubeNow);
    await recordCharges(db, row.teamId, [charge]);
    if (!channel) {
      await revokeToken(cfg, tokens.refreshToken).catch(() => {});
      return "no_channel";
    }
    const key = await importTokenKey(cfg.encryptionKey);
    await saveConnection(db, {
      teamId: row.teamId,
      connectedBy: row.userId,
      channelId: channel.id,
      channelTitle: channel.title,
      uploadsPlaylistId: channel.uploadsPlaylistId,
      status: "connected",
      scopes: tokens.scopes.join(" "),
      accessTokenSealed: await sealSecret(key, tokens.accessToken, accessContext(row.teamId)),
      accessExpiresAt: tokens.accessExpiresAt,
      refreshTokenSealed: await sealSecret(key, tokens.refreshToken, refreshContext(row.teamId)),
      refreshExpiresAt: tokens.refreshExpiresAt,
      reachJobId: null,
      lastError: null,
      connectedAt: now,
      updatedAt: now,
    });
  } catch (err) {
    console.warn("YouTube connect failed after the code exchange", err instanceof Error ? err.name : "error");
    await revokeToken(cfg, tokens.refreshToken).catch(() => {});
    return "connect_failed";
  }
  await ensureReachJob(cfg, db, row.teamId, now);
  return "connected";
}

/** Creates the reach reporting job if the connection has none yet; a failure is kept for the next try. */
export async function ensureReachJob(cfg: YouTubeConfig, db: D1Database, teamId: string, nowMs: number): Promise<void> {
  try {
    const channel = await openYouTubeChannel({ cfg, db, teamId });
    const job = await channel.ensureReachJob();
    await updateConnection(db, teamId, { reachJobId: job.id, updatedAt: nowMs });
  } catch (err) {
    if (!(err instanceof YouTubeError)) throw err;
    await updateConnection(db, teamId, { lastError: `Reach reports not set up yet: ${err.message}`.slice(0, 300), updatedAt: nowMs });
  }
}
