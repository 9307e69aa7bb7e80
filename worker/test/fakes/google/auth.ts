/// <reference types="node" />
// Bearer checks and injected faults shared by the Data, Reporting and Analytics APIs.
import type { IncomingMessage, ServerResponse } from "node:http";
import { ERRORS, googleError } from "./http";
import type { Grant, World, Worlds } from "./world";

/**
 * The caller's world if its token is valid, carries one of `scopes`, and no fault is armed for
 * `op`; otherwise answers the error itself and returns null.
 */
export function authorizeCall(
  worlds: Worlds,
  req: IncomingMessage,
  res: ServerResponse,
  op: string,
  scopes: string[],
): { world: World; grant: Grant } | null {
  const token = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? "")?.[1];
  const found = worlds.fromAccessToken(token);
  if (!found) {
    ERRORS.unauthenticated(res);
    return null;
  }
  if (!found.grant.scopes.some((s) => scopes.includes(s))) {
    ERRORS.insufficientScopes(res);
    return null;
  }
  const fault = found.world.takeFault(op);
  if (fault === "expired_token") ERRORS.unauthenticated(res);
  else if (fault === "quota_exceeded") ERRORS.quotaExceeded(res);
  else if (fault === "forbidden") ERRORS.forbidden(res);
  else if (fault === "server_error") ERRORS.backendError(res);
  return fault && fault !== "invalid_grant" ? null : found;
}

/** Charges Data API units, or answers quotaExceeded. */
export function chargeOrRefuse(world: World, res: ServerResponse, op: string, units: number): boolean {
  if (world.charge(units)) return true;
  world.record("quota.exceeded", { op, units });
  ERRORS.quotaExceeded(res);
  return false;
}

export const badRequest = (res: ServerResponse, reason: string, message: string) =>
  googleError(res, 400, reason, message, "youtube.parameter");
