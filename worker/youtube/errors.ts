// One error type for everything YouTube can answer, sorted by what the caller must do about it.
import { nextPacificMidnight } from "../domain/youtube/pacific";

export type YouTubeErrorKind =
  /** No channel is connected for this user. */
  | "not_connected"
  /** The grant is gone (refresh failed, revoked, scopes missing): pause, and ask the creator to reconnect. */
  | "needs_reconnect"
  /** The project's daily quota is spent: retry at `retryAt` (next midnight Pacific). */
  | "quota_exceeded"
  /** YouTube refuses this action for this channel or video (e.g. custom thumbnails need a phone-verified channel). */
  | "forbidden"
  | "not_found"
  /** The request was wrong (a bad image, a title YouTube rejects): retrying the same will not help. */
  | "invalid_request"
  /** Network failure, timeout, 5xx or rate limit: retry later, at `retryAt` if given. */
  | "unavailable";

export class YouTubeError extends Error {
  override name = "YouTubeError";
  constructor(
    readonly kind: YouTubeErrorKind,
    message: string,
    readonly status: number | null = null,
    readonly reason: string | null = null,
    readonly retryAt: number | null = null,
  ) {
    super(message);
  }
}

interface GoogleErrorBody {
  error?: { code?: number; message?: string; status?: string; errors?: { reason?: string }[]; details?: { reason?: string }[] } | string;
  error_description?: string;
}

/** Classifies a non-2xx answer from a Google API; `what` names the call for the message. */
export function fromGoogleAnswer(
  what: string,
  status: number,
  body: unknown,
  nowMs: number,
  retryAfter: string | null = null,
): YouTubeError {
  const err = (body as GoogleErrorBody | null)?.error;
  const detail = typeof err === "object" && err ? err : {};
  const reasons = [...(detail.errors ?? []), ...(detail.details ?? [])].map((e) => e.reason ?? "");
  const reason = reasons[0] || detail.status || (typeof err === "string" ? err : "") || null;
  // Google's messages can carry HTML; keep a short plain version and never echo tokens or URLs with keys.
  const message = (detail.message ?? "").replace(/<[^>]+>/g, "").slice(0, 200);
  const says = `${what}: YouTube answered ${status}${reason ? ` ${reason}` : ""}${message ? ` (${message})` : ""}`;
  const has = (...r: string[]) => reasons.some((x) => r.includes(x));

  if (status === 401) return new YouTubeError("needs_reconnect", `${says}; reconnect the channel.`, status, reason);
  if (has("quotaExceeded", "dailyLimitExceeded"))
    return new YouTubeError(
      "quota_exceeded",
      `${says}; the quota resets at midnight Pacific.`,
      status,
      "quotaExceeded",
      nextPacificMidnight(nowMs),
    );
  if (has("rateLimitExceeded", "userRateLimitExceeded", "uploadRateLimitExceeded") || status === 429) {
    const seconds = Number(retryAfter);
    return new YouTubeError(
      "unavailable",
      says,
      status,
      reason,
      nowMs + (Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 60_000),
    );
  }
  if (has("insufficientPermissions", "ACCESS_TOKEN_SCOPE_INSUFFICIENT"))
    return new YouTubeError("needs_reconnect", `${says}; reconnect and allow every permission asked.`, status, reason);
  if (status === 403) return new YouTubeError("forbidden", says, status, reason);
  if (status === 404) return new YouTubeError("not_found", says, status, reason);
  if (status >= 400 && status < 500) return new YouTubeError("invalid_request", says, status, reason);
  return new YouTubeError("unavailable", says, status, reason, nowMs + 60_000);
}
