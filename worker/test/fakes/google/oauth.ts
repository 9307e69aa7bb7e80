/// <reference types="node" />
// Google's OAuth 2.0 endpoints for a web server app: authorize (consent is automatic, set by
// POST /__control/consent), token (authorization_code with PKCE, refresh_token) and revoke.
import { createHash } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { oauthError, readText, send } from "./http";
import { newId, SCOPE, type Worlds } from "./world";

// An authorization code lives 10 minutes of wall time: the consent page is a person's real-time
// step, so it must not shrink with a compressed YouTube day (6 s days made it 42 ms).
const CODE_LIFETIME_MS = 10 * 60_000;
export const ACCESS_LIFETIME_S = 3599;
export const GOOGLE_ISSUER = "https://accounts.google.com";

const s256 = (verifier: string) => createHash("sha256").update(verifier).digest("base64url");

function errorPage(res: ServerResponse, message: string) {
  // Google shows its own error page (no redirect) when it cannot trust the client or redirect URI.
  res.writeHead(400, { "content-type": "text/html; charset=utf-8" });
  res.end(`<!doctype html><title>Error 400: invalid_request</title><h1>Access blocked: Authorization Error</h1><p>${message}</p>`);
}

export function authorize(worlds: Worlds, req: IncomingMessage, res: ServerResponse) {
  const q = new URL(req.url ?? "/", "http://fake").searchParams;
  const clientId = q.get("client_id");
  const redirectUri = q.get("redirect_uri") ?? "";
  if (!clientId) return errorPage(res, "Missing required parameter: client_id");
  if (!/^https?:\/\//.test(redirectUri)) return errorPage(res, "redirect_uri_mismatch: the redirect URI must be an http(s) URL");
  const back = new URL(redirectUri);
  const state = q.get("state");
  if (state !== null) back.searchParams.set("state", state);
  const fail = (error: string) => {
    back.searchParams.set("error", error);
    res.writeHead(302, { location: back.toString() }).end();
  };
  if (q.get("response_type") !== "code") return fail("unsupported_response_type");
  const requested = (q.get("scope") ?? "").split(" ").filter(Boolean);
  if (requested.length === 0) return fail("invalid_scope");
  const challenge = q.get("code_challenge");
  const method = challenge ? (q.get("code_challenge_method") ?? "plain") : null;
  if (method && method !== "S256" && method !== "plain") return fail("invalid_request");

  const world = worlds.get(q.get("login_hint") || "default");
  world.record("oauth.authorize", {
    client_id: clientId,
    scopes: requested,
    pkce: method,
    access_type: q.get("access_type"),
    prompt: q.get("prompt"),
    consent: world.consent,
  });
  if (world.consent === "deny") return fail("access_denied");
  // Granular consent: the creator may untick scopes; "readonly_only" leaves only read access.
  const scopes = world.consent === "readonly_only" ? requested.filter((s) => s === SCOPE.readonly) : requested;

  const grantId = newId("g");
  worlds.grants.set(grantId, {
    id: grantId,
    world: world.name,
    clientId,
    scopes,
    refreshToken: "",
    refreshExpiresAt: null,
    revoked: false,
  });
  const code = newId("4/0A", 24);
  worlds.codes.set(code, { grantId, redirectUri, challenge, method, expiresAt: Date.now() + CODE_LIFETIME_MS, used: false });
  back.searchParams.set("code", code);
  back.searchParams.set("scope", scopes.join(" "));
  back.searchParams.set("authuser", "0");
  back.searchParams.set("prompt", "consent");
  back.searchParams.set("iss", GOOGLE_ISSUER);
  res.writeHead(302, { location: back.toString() }).end();
}

/** client_secret_post or client_secret_basic, as Google accepts both. */
function clientCredentials(req: IncomingMessage, form: URLSearchParams): { id: string; secret: string } | null {
  const basic = /^Basic\s+(\S+)$/i.exec(req.headers.authorization ?? "");
  if (basic) {
    const [id, secret] = Buffer.from(basic[1]!, "base64").toString("utf8").split(":").map(decodeURIComponent);
    return id && secret ? { id, secret } : null;
  }
  const id = form.get("client_id");
  const secret = form.get("client_secret");
  return id && secret ? { id, secret } : null;
}

export async function token(worlds: Worlds, req: IncomingMessage, res: ServerResponse) {
  const form = new URLSearchParams(await readText(req));
  const client = clientCredentials(req, form);
  if (!client) return oauthError(res, 401, "invalid_client", "Unauthorized");
  const grantType = form.get("grant_type");

  if (grantType === "authorization_code") {
    const entry = worlds.codes.get(form.get("code") ?? "");
    const grant = entry && worlds.grants.get(entry.grantId);
    if (!entry || !grant) return oauthError(res, 400, "invalid_grant", "Malformed auth code.");
    const world = worlds.get(grant.world);
    const refuse = (description: string) => {
      world.record("oauth.token", { grant_type: grantType, ok: false, error: description });
      oauthError(res, 400, "invalid_grant", description);
    };
    if (world.takeFault("oauth.token") === "invalid_grant") return refuse("Bad Request");
    if (entry.used) return refuse("Bad Request"); // a code works once
    entry.used = true;
    if (entry.expiresAt < Date.now()) return refuse("Bad Request");
    if (grant.clientId !== client.id) return oauthError(res, 401, "invalid_client", "Unauthorized");
    if (form.get("redirect_uri") !== entry.redirectUri) return oauthError(res, 400, "redirect_uri_mismatch", "Bad Request");
    if (entry.challenge) {
      const verifier = form.get("code_verifier");
      if (!verifier) return refuse("Missing code verifier.");
      const expected = entry.method === "S256" ? s256(verifier) : verifier;
      if (expected !== entry.challenge) return refuse("Invalid code verifier.");
    }
    grant.refreshToken = newId("1//0g", 32);
    grant.refreshExpiresAt = world.refreshLifetimeMs === null ? null : world.now() + world.refreshLifetimeMs;
    worlds.refreshTokens.set(grant.refreshToken, grant.id);
    const access = issueAccess(worlds, grant.id, world.now());
    world.record("oauth.token", { grant_type: grantType, ok: true, pkce_verified: !!entry.challenge, scopes: grant.scopes });
    return send(
      res,
      200,
      {
        access_token: access,
        expires_in: ACCESS_LIFETIME_S,
        refresh_token: grant.refreshToken,
        ...(grant.refreshExpiresAt === null ? {} : { refresh_token_expires_in: Math.round(world.refreshLifetimeMs! / 1000) }),
        scope: grant.scopes.join(" "),
        token_type: "Bearer",
      },
      { "cache-control": "no-store" },
    );
  }

  if (grantType === "refresh_token") {
    const grant = worlds.grants.get(worlds.refreshTokens.get(form.get("refresh_token") ?? "") ?? "");
    if (!grant) return oauthError(res, 400, "invalid_grant", "Token has been expired or revoked.");
    const world = worlds.get(grant.world);
    const expired = grant.refreshExpiresAt !== null && grant.refreshExpiresAt <= world.now();
    if (grant.revoked || expired || world.takeFault("oauth.token") === "invalid_grant") {
      world.record("oauth.token", { grant_type: grantType, ok: false, error: "invalid_grant" });
      return oauthError(res, 400, "invalid_grant", "Token has been expired or revoked.");
    }
    if (grant.clientId !== client.id) return oauthError(res, 401, "invalid_client", "Unauthorized");
    const access = issueAccess(worlds, grant.id, world.now());
    world.record("oauth.token", { grant_type: grantType, ok: true });
    return send(
      res,
      200,
      { access_token: access, expires_in: ACCESS_LIFETIME_S, scope: grant.scopes.join(" "), token_type: "Bearer" },
      { "cache-control": "no-store" },
    );
  }
  oauthError(res, 400, "unsupported_grant_type", `Invalid grant_type: ${grantType ?? ""}`);
}

function issueAccess(worlds: Worlds, grantId: string, now: number): string {
  const access = newId("ya29.a0", 48);
  worlds.accessTokens.set(access, { grantId, expiresAt: now + ACCESS_LIFETIME_S * 1000 });
  return access;
}

/** Revoking either token ends the whole grant, as at Google. */
export async function revoke(worlds: Worlds, req: IncomingMessage, res: ServerResponse) {
  const query = new URL(req.url ?? "/", "http://fake").searchParams.get("token");
  const token = query ?? new URLSearchParams(await readText(req)).get("token") ?? "";
  const grantId = worlds.refreshTokens.get(token) ?? worlds.accessTokens.get(token)?.grantId;
  const grant = grantId ? worlds.grants.get(grantId) : undefined;
  if (!grant || grant.revoked) return oauthError(res, 400, "invalid_token", "Token expired or revoked");
  grant.revoked = true;
  worlds.get(grant.world).record("oauth.revoke", { grant: grant.id });
  send(res, 200, {});
}
