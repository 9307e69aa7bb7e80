// D1 tables for connected YouTube channels (issue 10): the connection with its tokens sealed by
// AES-GCM, the short-lived OAuth states of connects in progress, and the Data API quota ledger.
// Times are epoch milliseconds, as in schema.ts.
import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { users } from "./schema";
import { teams } from "./teams-schema";

/** One connected channel per team. */
export const youtubeConnections = sqliteTable(
  "youtube_connections",
  {
    teamId: text("team_id")
      .primaryKey()
      .references(() => teams.id, { onDelete: "cascade" }),
    connectedBy: text("connected_by").references(() => users.id, { onDelete: "set null" }),
    channelId: text("channel_id").notNull(),
    channelTitle: text("channel_title").notNull(),
    uploadsPlaylistId: text("uploads_playlist_id").notNull(),
    /** connected | needs_reconnect (a refresh failed: running tests pause until the creator reconnects) */
    status: text("status").notNull(),
    /** Space-separated scopes Google granted; the creator may untick some on the consent screen. */
    scopes: text("scopes").notNull(),
    /** "v1.<iv>.<ciphertext>", sealed under TOKEN_ENCRYPTION_KEY with the team id as associated data. */
    accessTokenSealed: text("access_token_sealed").notNull(),
    accessExpiresAt: integer("access_expires_at").notNull(),
    refreshTokenSealed: text("refresh_token_sealed").notNull(),
    /** Google's Testing mode ends refresh tokens after 7 days; null when no end was announced. */
    refreshExpiresAt: integer("refresh_expires_at"),
    /** The channel_reach_basic_a1 reporting job, created once on connect. */
    reachJobId: text("reach_job_id"),
    lastError: text("last_error"),
    connectedAt: integer("connected_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [index("youtube_connections_channel").on(t.channelId)],
);

/**
 * A connect in progress. The state is single-use (deleted when the callback reads it), expires
 * after 10 minutes, belongs to one user, and is bound to the browser that started it by a cookie
 * whose hash is kept here. The PKCE verifier never leaves the server.
 */
export const youtubeOauthStates = sqliteTable(
  "youtube_oauth_states",
  {
    /** SHA-256 (hex) of the state sent to Google. */
    stateHash: text("state_hash").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** The team the channel will belong to. */
    teamId: text("team_id").notNull().default(""),
    codeVerifier: text("code_verifier").notNull(),
    browserHash: text("browser_hash").notNull(),
    redirectUri: text("redirect_uri").notNull(),
    returnTo: text("return_to").notNull(),
    createdAt: integer("created_at").notNull(),
    expiresAt: integer("expires_at").notNull(),
  },
  (t) => [index("youtube_oauth_states_user").on(t.userId), index("youtube_oauth_states_expiry").on(t.expiresAt)],
);

/**
 * Data API units spent, one row per call. Google's quota is per Cloud project per Pacific day,
 * so sums run over every user; the id comes from the caller, which makes recording idempotent.
 */
export const youtubeQuotaLedger = sqliteTable(
  "youtube_quota_ledger",
  {
    id: text("id").primaryKey(),
    /** Pacific day, YYYY-MM-DD. */
    day: text("day").notNull(),
    teamId: text("team_id").notNull(),
    method: text("method").notNull(),
    units: integer("units").notNull(),
    at: integer("at").notNull(),
  },
  (t) => [index("youtube_quota_ledger_day").on(t.day, t.teamId)],
);

/**
 * Rotation tests on a video: one live test per video (two would swap over each other), and the
 * list a disconnect walks to put every video back before the tokens are revoked.
 */
export const youtubeRotations = sqliteTable(
  "youtube_rotations",
  {
    workflowId: text("workflow_id").primaryKey(),
    teamId: text("team_id")
      .notNull()
      .references(() => teams.id, { onDelete: "cascade" }),
    /** "<channel id>/<video id>". */
    videoId: text("video_id").notNull(),
    /** active while the test runs or its restore is pending; done once the video is back. */
    state: text("state").notNull(),
    /** The Pacific days the test may spend Data API units on, and at most how many a day: its booking against the budget. */
    firstDay: text("first_day").notNull().default(""),
    lastDay: text("last_day").notNull().default(""),
    unitsPerDay: integer("units_per_day").notNull().default(0),
    updatedAt: integer("updated_at").notNull(),
  },
  // The partial unique index is the one-live-test-per-video rule, race-free.
  (t) => [
    index("youtube_rotations_team").on(t.teamId, t.state),
    uniqueIndex("youtube_rotations_live_video")
      .on(t.videoId)
      .where(sql`state = 'active'`),
  ],
);
