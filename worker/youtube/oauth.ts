// Google's OAuth 2.0 web-server flow with PKCE (S256), through oauth4webapi: its endpoints are
// plain data, so the fake Google stands in by changing URLs only. Plain http is allowed for
// loopback endpoints only (the fake), never for anything on a network.
import * as oauth from "oauth4webapi";
import { fetchWithTimeout } from "../lib/fetch-timeout";
import { type YouTubeConfig, YOUTUBE_SCOPES } from "./config";
import { YouTubeError } from "./errors";

/** Google's issuer; it sends it back as `iss` on the redirect (RFC 9207), whichever host served the page. */
export const GOOGLE_ISSUER = "https://accounts.google.com";
/** Refresh when less than this is left, so a call never starts with a token about to die. */
export const REFRESH_MARGIN_MS = 5 * 60_000;

export interface GoogleTokens {
  accessToken: string;
  /** Epoch ms. */
  accessExpiresAt: number;
  /** Absent on refreshes: Google keeps the original refresh token. */
  refreshToken: string | null;
  /** Epoch ms when Google announced an end (Testing mode: 7 days), else null. */
  refreshExpiresAt: number | null;
  scopes: string[];
}

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|localhost|\[::1\])$/;

function server(cfg: YouTubeConfig): oauth.AuthorizationServer {
  return {
    issuer: GOOGLE_ISSUER,
    authorization_endpoint: cfg.authorizeUrl,
    token_endpoint: cfg.tokenUrl,
    revocation_endpoint: cfg.revokeUrl,
  };
}

function options(cfg: YouTubeConfig, url: string) {
  const { protocol, hostname } = new URL(url);
  if (protocol === "http:" && !LOOPBACK.test(hostname))
    throw new Error(`refusing plain http to ${hostname}: Google endpoints must be https`);
  return {
    [oauth.allowInsecureRequests]: protocol === "http:",
    // The whole answer is read inside the deadline; a hanging token endpoint must not hang an alarm.
    [oauth.customFetch]: (input: string, init: RequestInit) =>
      fetchWithTimeout(fetch, input, init, cfg.timeoutMs, async (res) => new Response(await res.arrayBuffer(), res)),
  };
}

export interface AuthorizationStart {
  url: string;
  state: string;
  codeVerifier: string;
}

export async function startAuthorization(cfg: YouTubeConfig, redirectUri: string): Promise<AuthorizationStart> {
  const state = oauth.generateRandomState();
  const codeVerifier = oauth.generateRandomCodeVerifier();
  const url = new URL(cfg.authorizeUrl);
  url.search = new URLSearchParams({
    client_id: cfg.clientId,
    redirect_uri: redirectUri,
    response_type: "code",
    scope: YOUTUBE_SCOPES.join(" "),
    state,
    code_challenge: await oauth.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: "S256",
    // A refresh token, every time: without prompt=consent Google omits it on a second connect.
    access_type: "offline",
    prompt: "consent",
    include_granted_scopes: "true",
  }).toString();
  return { url: url.toString(), state, codeVerifier };
}

function tokensFrom(res: oauth.TokenEndpointResponse, nowMs: number): GoogleTokens {
  const refreshIn = typeof res.refresh_token_expires_in === "number" ? res.refresh_token_expires_in : null;
  return {
    accessToken: res.access_token,
    accessExpiresAt: nowMs + (res.expires_in ?? 3600) * 1000,
    refreshToken: res.refresh_token ?? null,
    refreshExpiresAt: refreshIn === null ? null : nowMs + refreshIn * 1000,
    scopes: (res.scope ?? "").split(" ").filter(Boolean),
  };
}

/** Turns oauth4webapi's errors into YouTubeError: a refused grant means "reconnect", anything else is transient. */
function classify(what: string, err: unknown): YouTubeError {
  if (err instanceof YouTubeError) return err;
  if (err instanceof oauth.AuthorizationResponseError)
    return new YouTubeError(
      "needs_reconnect",
      `${what}: Google answered ${err.error}${err.error === "access_denied" ? " (consent was declined)" : ""}.`,
      null,
      err.error,
    );
  if (err instanceof oauth.ResponseBodyError) {
    const kind =
      err.error === "invalid_grant" || err.error === "invalid_token"
        ? "needs_reconnect"
        : err.status >= 500
          ? "unavailable"
          : "invalid_request";
    return new YouTubeError(kind, `${what}: Google answered ${err.status} ${err.error}.`, err.status, err.error);
  }
  if (err instanceof oauth.OperationProcessingError)
    return new YouTubeError("invalid_request", `${what}: ${err.message}.`, null, err.code ?? null);
  return new YouTubeError("unavailable", `${what}: Google could not be reached (${err instanceof Error ? err.name : "error"}).`);
}

/** Checks the redirect's parameters (iss, error) and trades the code and the PKCE verifier for tokens. */
export async function exchangeCode(
  cfg: YouTubeConfig,
  callback: URL,
  state: string,
  codeVerifier: string,
  redirectUri: string,
  nowMs: number,
): Promise<GoogleTokens> {
  const as = server(cfg);
  const client = { client_id: cfg.clientId };
  try {
    const params = oauth.validateAuthResponse(as, client, callback, state);
    const res = await oauth.authorizationCodeGrantRequest(
      as,
      client,
      oauth.ClientSecretPost(cfg.clientSecret),
      params,
      redirectUri,
      codeVerifier,
      options(cfg, cfg.tokenUrl),
    );
    return tokensFrom(await oauth.processAuthorizationCodeResponse(as, client, res), nowMs);
  } catch (err) {
    throw classify("Connecting the channel", err);
  }
}

export async function refreshTokens(cfg: YouTubeConfig, refreshToken: string, nowMs: number): Promise<GoogleTokens> {
  const as = server(cfg);
  const client = { client_id: cfg.clientId };
  try {
    const res = await oauth.refreshTokenGrantRequest(
      as,
      client,
      oauth.ClientSecretPost(cfg.clientSecret),
      refreshToken,
      options(cfg, cfg.tokenUrl),
    );
    return tokensFrom(await oauth.processRefreshTokenResponse(as, client, res), nowMs);
  } catch (err) {
    throw classify("Refreshing the YouTube access", err);
  }
}

/** Revokes the grant (a refresh token ends its access tokens too). An already dead token counts as revoked. */
export async function revokeToken(cfg: YouTubeConfig, token: string): Promise<void> {
  const as = server(cfg);
  try {
    const res = await oauth.revocationRequest(
      as,
      { client_id: cfg.clientId },
      oauth.ClientSecretPost(cfg.clientSecret),
      token,
      options(cfg, cfg.revokeUrl),
    );
    await oauth.processRevocationResponse(res);
  } catch (err) {
    const e = classify("Revoking the YouTube access", err);
    if (e.kind !== "needs_reconnect") throw e;
  }
}
