// A user's authorised session with Google: opens the sealed tokens, refreshes the access token
// before it expires (and once more on a 401), and marks the connection "needs_reconnect" when
// Google refuses the refresh token, so running tests pause instead of guessing.
import { toYouTube } from "../domain/rotation/clock";
import type { YouTubeConfig } from "./config";
import { fromGoogleAnswer, YouTubeError } from "./errors";
import { type GoogleAnswer, googleRequest, jsonOf } from "./google-http";
import { REFRESH_MARGIN_MS, refreshTokens } from "./oauth";
import { getConnection, updateConnection, type ConnectionRow } from "./store";
import { TokenKeyError, importTokenKey, openSecret, sealSecret } from "./token-crypto";

export interface SessionDeps {
  cfg: YouTubeConfig;
  db: D1Database;
  teamId: string;
  /** The clock, injectable so a Durable Object alarm and tests agree on "now". */
  now?: () => number;
}

export type Answer = GoogleAnswer;

export const accessContext = (teamId: string) => `${teamId}:youtube-access`;
export const refreshContext = (teamId: string) => `${teamId}:youtube-refresh`;

export class GoogleSession {
  private constructor(
    private readonly deps: Required<SessionDeps>,
    private readonly key: CryptoKey,
    private row: ConnectionRow,
    private access: string,
  ) {}

  /** Throws YouTubeError not_connected or needs_reconnect when there is nothing usable. */
  static async open(deps: SessionDeps): Promise<GoogleSession> {
    const row = await getConnection(deps.db, deps.teamId);
    if (!row) throw new YouTubeError("not_connected", "No YouTube channel is connected to this account.");
    if (row.status === "needs_reconnect")
      throw new YouTubeError("needs_reconnect", `The YouTube connection needs reconnecting${row.lastError ? `: ${row.lastError}` : "."}`);
    let key: CryptoKey;
    let access: string;
    try {
      key = await importTokenKey(deps.cfg.encryptionKey);
      access = await openSecret(key, row.accessTokenSealed, accessContext(deps.teamId));
    } catch (err) {
      // Tokens sealed under another TOKEN_ENCRYPTION_KEY cannot be opened: the channel must be
      // connected again, which the creator is told, instead of every YouTube call failing with a 500.
      if (!(err instanceof TokenKeyError)) throw err;
      const reason = "The stored Google tokens cannot be opened (TOKEN_ENCRYPTION_KEY changed); connect the channel again.";
      await updateConnection(deps.db, deps.teamId, { status: "needs_reconnect", lastError: reason, updatedAt: (deps.now ?? Date.now)() });
      throw new YouTubeError("needs_reconnect", reason);
    }
    // By default YouTube's clock (the real one, or a local run's shortened days): token expiry and the ledger's days agree.
    return new GoogleSession({ now: () => toYouTube(deps.cfg.clock, Date.now()), ...deps }, key, row, access);
  }

  get connection(): ConnectionRow {
    return this.row;
  }

  get now(): number {
    return this.deps.now();
  }

  /** A usable access token, refreshed first if it expires within five minutes (or if `force`). */
  async accessToken(force = false): Promise<string> {
    const now = this.deps.now();
    if (!force && this.row.accessExpiresAt - REFRESH_MARGIN_MS > now) return this.access;
    const { cfg, db, teamId } = this.deps;
    const refresh = await openSecret(this.key, this.row.refreshTokenSealed, refreshContext(teamId));
    try {
      const tokens = await refreshTokens(cfg, refresh, now);
      const changes = {
        accessTokenSealed: await sealSecret(this.key, tokens.accessToken, accessContext(teamId)),
        accessExpiresAt: tokens.accessExpiresAt,
        status: "connected",
        lastError: null,
        updatedAt: now,
      };
      await updateConnection(db, teamId, changes);
      this.row = { ...this.row, ...changes };
      this.access = tokens.accessToken;
      return this.access;
    } catch (err) {
      if (err instanceof YouTubeError && err.kind === "needs_reconnect") await this.markNeedsReconnect(err.message);
      throw err;
    }
  }

  async markNeedsReconnect(reason: string): Promise<void> {
    const changes = { status: "needs_reconnect", lastError: reason.slice(0, 300), updatedAt: this.deps.now() };
    await updateConnection(this.deps.db, this.deps.teamId, changes);
    this.row = { ...this.row, ...changes };
  }

  /** Sends an authorised request; a 401 gets one refresh and one retry. Non-2xx answers are returned, not thrown. */
  async send(what: string, url: string, init: RequestInit = {}): Promise<Answer> {
    for (let attempt = 0; ; attempt++) {
      const token = await this.accessToken(attempt > 0);
      const authorized = { ...init, headers: { ...(init.headers as Record<string, string>), authorization: `Bearer ${token}` } };
      const reply = await googleRequest(fetch, url, authorized, this.deps.cfg.timeoutMs);
      if (!reply.ok)
        throw new YouTubeError(
          "unavailable",
          `${what}: YouTube could not be reached (${reply.timedOut ? "FetchTimeoutError" : reply.errorName}).`,
          null,
          null,
          this.deps.now() + 60_000,
        );
      if (reply.answer.status !== 401 || attempt > 0) return reply.answer;
    }
  }

  /** send() for JSON APIs: the parsed body of a 2xx answer, or a classified YouTubeError. */
  async json<T>(what: string, url: string, init: RequestInit = {}): Promise<T> {
    const answer = await this.send(what, url, init);
    return this.parse<T>(what, answer);
  }

  async parse<T>(what: string, answer: Answer): Promise<T> {
    // Not JSON (null): classified by status below.
    const body = jsonOf(answer);
    if (answer.status >= 200 && answer.status < 300 && body !== null) return body as T;
    const error = fromGoogleAnswer(what, answer.status, body, this.deps.now(), answer.headers.get("retry-after"));
    // A 401 even after a fresh token means Google no longer honours the grant.
    if (error.kind === "needs_reconnect") await this.markNeedsReconnect(error.message);
    throw error;
  }
}
