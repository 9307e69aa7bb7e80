// Connecting a creator's YouTube channel. A browser cannot send the bearer token on a plain
// navigation, so the app first POSTs /connect (signed in) and gets Google's consent URL, then
// navigates there; Google sends the browser back to GET /callback, which trusts only the
// single-use state stored in D1 and a cookie that binds it to the browser that started.
import { Hono, type Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { nextPacificMidnight, pacificDay } from "../domain/youtube/pacific";
import type { AppEnv, Env } from "../env";
import { ApiError } from "../http/problem";
import { requireAuth, requireSession } from "../http/require-auth";
import { actingTeam, requireRole } from "../http/require-team";
import { parseBody, parseQuery } from "../http/validate";
import { toBase64Url } from "../lib/base64";
import { REAL_TIME, toReal, toYouTube } from "../domain/rotation/clock";
import { checkVideoLink, parseVideoRef } from "../domain/youtube/video-link";
import { ConnectYouTubeRequest, YouTubeUploadsQuery, YouTubeVideoCheckQuery, type YouTubeConnection } from "../shared/youtube";
import { activeRotations } from "../youtube/rotations-store";
import type { UploadSummary, YouTubeChannel } from "../youtube/types";
import { readReachHistory } from "../youtube/reach-history";
import { planHistory, planView } from "../domain/youtube/reach-plan";
import { workflowStub } from "./workflows";
import { openYouTubeChannel } from "../youtube/channel";
import { disconnectYouTube } from "../youtube/disconnect";
import { youtubeConfig, YouTubeNotConfigured, type YouTubeConfig } from "../youtube/config";
import { YouTubeError } from "../youtube/errors";
import { startAuthorization } from "../youtube/oauth";
import { ensureReachJob, finishGrant } from "../youtube/grant";
import { getConnection, recordCharges, saveOAuthState, sha256Hex, takeOAuthState, unitsUsed } from "../youtube/store";

const STATE_LIFETIME_MS = 10 * 60_000;
/** playlistItems.list and videos.list, one unit each. */
const UPLOADS_LIST_UNITS = 2;
const BROWSER_COOKIE = "yt_connect";
const CALLBACK_PATH = "/api/v1/youtube/callback";
const DEFAULT_RETURN = "/settings";

function config(env: Env): YouTubeConfig {
  try {
    return youtubeConfig(env);
  } catch (err) {
    if (err instanceof YouTubeNotConfigured) throw new ApiError(503, err.message);
    throw err;
  }
}

/** YouTubeError as problem details: what the creator must do, and when to retry. */
export function youtubeProblem(err: unknown, nowMs: number): unknown {
  if (!(err instanceof YouTubeError)) return err;
  const retry = (at: number | null): Record<string, string> =>
    at ? { "retry-after": String(Math.max(1, Math.ceil((at - nowMs) / 1000))) } : {};
  switch (err.kind) {
    case "not_connected":
    case "needs_reconnect":
      return new ApiError(409, err.message);
    case "quota_exceeded":
      return new ApiError(429, err.message, undefined, retry(err.retryAt));
    case "forbidden":
      return new ApiError(403, err.message);
    case "not_found":
      return new ApiError(404, err.message);
    case "invalid_request":
      return new ApiError(502, err.message);
    case "unavailable":
      return new ApiError(503, err.message, undefined, retry(err.retryAt));
  }
}

const uploadView = (u: UploadSummary) => ({
  id: u.id,
  title: u.title,
  published_at: u.publishedAt,
  privacy_status: u.privacyStatus,
  publish_at: u.publishAt,
  thumbnail_url: u.thumbnailUrl,
});

/** The plan from the reach report's last 30 days; null (the check still answers) when the report cannot be read. */
async function rotationPlan(channel: YouTubeChannel, videoId: string, today: string) {
  try {
    return planView(planHistory(await readReachHistory(channel, today), videoId));
  } catch (err) {
    if (!(err instanceof YouTubeError)) throw err;
    console.warn("the reach report could not be read for a plan", err.kind);
    return null;
  }
}

const randomToken = () => toBase64Url(crypto.getRandomValues(new Uint8Array(32)));

async function connectionView(env: Env, teamId: string, nowMs: number): Promise<YouTubeConnection> {
  let budget = 10_000;
  let configured = true;
  let clock = REAL_TIME;
  try {
    ({ dailyQuotaUnits: budget, clock } = youtubeConfig(env));
  } catch {
    configured = false;
  }
  // The ledger's day: YouTube's (Pacific) day on YouTube's clock, which a local run may shorten.
  const day = pacificDay(toYouTube(clock, nowMs));
  const [row, used] = await Promise.all([getConnection(env.DB, teamId), unitsUsed(env.DB, day, teamId)]);
  return {
    configured,
    you_host: env.ENVIRONMENT === "development",
    status: row ? (row.status as "connected" | "needs_reconnect") : "not_connected",
    channel: row ? { id: row.channelId, title: row.channelTitle } : null,
    scopes: row ? row.scopes.split(" ").filter(Boolean) : [],
    connected_at: row ? new Date(row.connectedAt).toISOString() : null,
    reach_job_id: row?.reachJobId ?? null,
    last_error: row?.lastError ?? null,
    quota: { day, used_units: used.project, your_units: used.user, budget_units: budget },
  };
}

async function finishConnect(c: Context<AppEnv>, state: string): Promise<{ returnTo: string; outcome: string }> {
  const now = Date.now();
  const row = await takeOAuthState(c.env.DB, state);
  if (!row) return { returnTo: DEFAULT_RETURN, outcome: "state_invalid" };
  const fail = (outcome: string) => ({ returnTo: row.returnTo, outcome });
  if (row.expiresAt < now) return fail("state_expired");
  const browser = getCookie(c, BROWSER_COOKIE);
  if (!browser || (await sha256Hex(browser)) !== row.browserHash) return fail("browser_mismatch");
  if (c.req.query("error")) return fail(c.req.query("error") === "access_denied" ? "access_denied" : "consent_failed");

  const outcome = await finishGrant({ cfg: config(c.env), db: c.env.DB, url: new URL(c.req.url), state, row, now });
  return { returnTo: row.returnTo, outcome };
}

export const youtubeRoutes = new Hono<AppEnv>()
  .post("/connect", requireAuth(), requireSession(), actingTeam(), requireRole("owner"), async (c) => {
    const { return_to } = await parseBody(c, ConnectYouTubeRequest);
    const cfg = config(c.env);
    const url = new URL(c.req.url);
    const redirectUri = cfg.redirectUri ?? `${url.origin}${CALLBACK_PATH}`;
    const start = await startAuthorization(cfg, redirectUri);
    const browser = randomToken();
    const now = Date.now();
    await saveOAuthState(c.env.DB, {
      stateHash: await sha256Hex(start.state),
      userId: c.get("userId"),
      teamId: c.get("teamId"),
      codeVerifier: start.codeVerifier,
      browserHash: await sha256Hex(browser),
      redirectUri,
      returnTo: return_to ?? DEFAULT_RETURN,
      createdAt: now,
      expiresAt: now + STATE_LIFETIME_MS,
    });
    // Lax: sent on Google's top-level redirect back to us, never on cross-site subrequests.
    setCookie(c, BROWSER_COOKIE, browser, {
      path: CALLBACK_PATH,
      httpOnly: true,
      sameSite: "Lax",
      secure: url.protocol === "https:",
      maxAge: STATE_LIFETIME_MS / 1000,
    });
    return c.json({ authorize_url: start.url, expires_at: new Date(now + STATE_LIFETIME_MS).toISOString() }, 200, {
      "cache-control": "no-store",
    });
  })
  .get("/callback", async (c) => {
    const state = c.req.query("state");
    const { returnTo, outcome } = state ? await finishConnect(c, state) : { returnTo: DEFAULT_RETURN, outcome: "state_invalid" };
    deleteCookie(c, BROWSER_COOKIE, { path: CALLBACK_PATH });
    const query = outcome === "connected" ? "youtube=connected" : `youtube=error&reason=${outcome}`;
    c.header("cache-control", "no-store");
    return c.redirect(`${returnTo}${returnTo.includes("?") ? "&" : "?"}${query}`, 303);
  })
  .get("/", requireAuth(), requireSession(), actingTeam(), requireRole("viewer"), async (c) => {
    const teamId = c.get("teamId");
    const view = await connectionView(c.env, teamId, Date.now());
    // A reach job that failed on connect is retried here; reporting calls cost no Data API units.
    if (view.status === "connected" && !view.reach_job_id && view.configured) {
      await ensureReachJob(config(c.env), c.env.DB, teamId, Date.now());
      return c.json(await connectionView(c.env, teamId, Date.now()));
    }
    return c.json(view);
  })
  .delete("/", requireAuth(), requireSession(), actingTeam(), requireRole("owner"), async (c) => {
    const teamId = c.get("teamId");
    // Every video under test goes back (winner or original) while the tokens still work.
    for (const workflowId of await activeRotations(c.env.DB, teamId)) await workflowStub(c.env, workflowId).youtubeDisconnecting(teamId);
    const result = await disconnectYouTube(c.env, teamId);
    if (!result) throw new ApiError(404, "No YouTube channel is connected to this team.");
    return c.json(result);
  })
  .get("/videos/check", requireAuth(), requireSession(), actingTeam(), requireRole("editor"), async (c) => {
    const { video } = parseQuery(c, YouTubeVideoCheckQuery);
    const videoId = parseVideoRef(video);
    if (!videoId)
      throw new ApiError(400, "The query string is invalid.", [
        { path: "video", message: "is not a YouTube video URL or 11-character id" },
      ]);
    const cfg = config(c.env);
    const teamId = c.get("teamId");
    try {
      const channel = await openYouTubeChannel({ cfg, db: c.env.DB, teamId });
      try {
        const found = await channel.getVideo(videoId);
        if (!found) throw new ApiError(404, `YouTube has no video ${videoId}.`);
        const now = toYouTube(cfg.clock, Date.now());
        const check = checkVideoLink(found, channel.channelId, now);
        return c.json({
          video: uploadView(found),
          ...check,
          plan: check.ok ? await rotationPlan(channel, videoId, pacificDay(now)) : null,
        });
      } finally {
        await recordCharges(c.env.DB, teamId, channel.takeCharges());
      }
    } catch (err) {
      throw youtubeProblem(err, Date.now());
    }
  })
  .get("/videos", requireAuth(), requireSession(), actingTeam(), requireRole("editor"), async (c) => {
    const { limit } = parseQuery(c, YouTubeUploadsQuery);
    const teamId = c.get("teamId");
    const cfg = config(c.env);
    // The project's daily Data API quota is shared by everyone: refuse before Google would.
    const now = Date.now();
    const yt = toYouTube(cfg.clock, now);
    const used = await unitsUsed(c.env.DB, pacificDay(yt));
    if (used.project + UPLOADS_LIST_UNITS > cfg.dailyQuotaUnits) {
      const retry = Math.max(1, Math.ceil((toReal(cfg.clock, nextPacificMidnight(yt)) - now) / 1000));
      throw new ApiError(429, "Today's YouTube quota is used up; it resets at midnight Pacific.", undefined, {
        "retry-after": String(retry),
      });
    }
    try {
      const channel = await openYouTubeChannel({ cfg, db: c.env.DB, teamId });
      try {
        const uploads = await channel.listRecentUploads(limit);
        return c.json({ channel_id: channel.channelId, items: uploads.map(uploadView) });
      } finally {
        await recordCharges(c.env.DB, teamId, channel.takeCharges());
      }
    } catch (err) {
      throw youtubeProblem(err, Date.now());
    }
  });
