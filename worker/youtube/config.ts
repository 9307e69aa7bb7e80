// Where the YouTube integration talks to, from Worker variables. Every base URL defaults to
// Google's own, so production needs only the client id, its secret and TOKEN_ENCRYPTION_KEY;
// `npm run fakes` prints the values that point the same code at the local fake.
import { type YouTubeClock, youtubeClock } from "../domain/rotation/clock";
import { DEFAULT_DAILY_QUOTA_UNITS } from "../domain/youtube/quota";
import { type VarSource, positiveVar, textVar } from "../lib/vars";

export const YOUTUBE_SCOPES = [
  // thumbnails.set and videos.update
  "https://www.googleapis.com/auth/youtube.force-ssl",
  // the Reporting API's reach reports and the Analytics API's watch time
  "https://www.googleapis.com/auth/yt-analytics.readonly",
  "https://www.googleapis.com/auth/youtube.readonly",
] as const;
/** Without these the rotation cannot work; youtube.readonly is implied by force-ssl. */
export const REQUIRED_SCOPES = [YOUTUBE_SCOPES[0], YOUTUBE_SCOPES[1]];

export interface YouTubeConfig {
  clientId: string;
  clientSecret: string;
  authorizeUrl: string;
  tokenUrl: string;
  revokeUrl: string;
  apiBase: string;
  uploadBase: string;
  reportingBase: string;
  analyticsBase: string;
  /** Overrides the callback URL derived from the request (it must match Google's list exactly). */
  redirectUri: string | undefined;
  encryptionKey: string;
  dailyQuotaUnits: number;
  timeoutMs: number;
  /** YouTube's time: the real clock, or a shortened day for local runs against the fake. */
  clock: YouTubeClock;
}

export class YouTubeNotConfigured extends Error {
  override name = "YouTubeNotConfigured";
}

const trim = (url: string) => url.replace(/\/+$/, "");

/** The configuration, or YouTubeNotConfigured naming what is missing. */
export function youtubeConfig(vars: VarSource): YouTubeConfig {
  const missing = ["GOOGLE_OAUTH_CLIENT_ID", "GOOGLE_OAUTH_CLIENT_SECRET", "TOKEN_ENCRYPTION_KEY"].filter((n) => !textVar(vars, n));
  if (missing.length) throw new YouTubeNotConfigured(`YouTube connection is not configured: set ${missing.join(", ")}.`);
  // A shortened day would swap a real creator's thumbnail every few seconds: local runs only.
  const daySeconds = positiveVar(vars, "YOUTUBE_DAY_SECONDS");
  const shortened = daySeconds !== undefined && daySeconds !== 86_400;
  if (shortened && textVar(vars, "ENVIRONMENT") !== "development")
    throw new YouTubeNotConfigured("YOUTUBE_DAY_SECONDS is for local runs only (ENVIRONMENT=development); remove it.");
  // Without the fake's epoch the two clocks would disagree by years.
  if (shortened && positiveVar(vars, "YOUTUBE_CLOCK_EPOCH") === undefined)
    throw new YouTubeNotConfigured("YOUTUBE_DAY_SECONDS needs YOUTUBE_CLOCK_EPOCH (npm run fakes prints both).");
  const oauthBase = trim(textVar(vars, "GOOGLE_OAUTH_BASE") ?? "https://accounts.google.com");
  const tokenBase = trim(textVar(vars, "GOOGLE_TOKEN_BASE") ?? "https://oauth2.googleapis.com");
  return {
    clientId: textVar(vars, "GOOGLE_OAUTH_CLIENT_ID")!,
    clientSecret: textVar(vars, "GOOGLE_OAUTH_CLIENT_SECRET")!,
    authorizeUrl: `${oauthBase}/o/oauth2/v2/auth`,
    tokenUrl: `${tokenBase}/token`,
    revokeUrl: `${tokenBase}/revoke`,
    apiBase: trim(textVar(vars, "YOUTUBE_API_BASE") ?? "https://www.googleapis.com/youtube/v3"),
    uploadBase: trim(textVar(vars, "YOUTUBE_UPLOAD_BASE") ?? "https://www.googleapis.com/upload/youtube/v3"),
    reportingBase: trim(textVar(vars, "YOUTUBE_REPORTING_BASE") ?? "https://youtubereporting.googleapis.com/v1"),
    analyticsBase: trim(textVar(vars, "YOUTUBE_ANALYTICS_BASE") ?? "https://youtubeanalytics.googleapis.com/v2"),
    redirectUri: textVar(vars, "GOOGLE_OAUTH_REDIRECT_URI"),
    encryptionKey: textVar(vars, "TOKEN_ENCRYPTION_KEY")!,
    dailyQuotaUnits: positiveVar(vars, "YOUTUBE_DAILY_QUOTA_UNITS") ?? DEFAULT_DAILY_QUOTA_UNITS,
    timeoutMs: positiveVar(vars, "YOUTUBE_TIMEOUT_MS") ?? 15_000,
    clock: youtubeClock(daySeconds, positiveVar(vars, "YOUTUBE_CLOCK_EPOCH")),
  };
}
