// Trend research from the YouTube Data API v3: the most-viewed recent videos for the topic
// (search.list, 100 quota units, then videos.list for their statistics, 1 unit) and the region's
// most-popular chart (videos.list chart=mostPopular, 1 unit). Results are cached per topic and
// region, so one research costs ~102 of the default 10,000 daily units at most once per TTL.
import type { TrendReport } from "../shared/contract";
import { YouTubeError, type YouTubeErrorKind } from "../youtube/errors";
import { googleRequest, jsonOf } from "../youtube/google-http";
import { DEFAULT_YOUTUBE_DAILY_LOOKUPS } from "../limits/shared-caps";
import type { TrendCache } from "./trend-cache";
import type { TrendsInput, TrendsProvider } from "./types";
import { analyseVideos, parseDuration, type VideoFacts } from "./youtube-analysis";

export const YOUTUBE_BASE_URL = "https://www.googleapis.com/youtube/v3";

export interface YouTubeTrendsConfig {
  apiKey: string;
  baseUrl?: string;
  regionCode?: string;
  /** videoCategoryId for the most-popular chart, e.g. "28" (Science & Technology). */
  categoryId?: string | null;
  cacheTtlSeconds?: number;
  lookbackDays?: number;
  maxResults?: number;
  timeoutMs?: number;
  /** Uncached lookups per Pacific day for the whole deployment (the cache counts them). */
  dailyLookupCap?: number;
}

export interface YouTubeDeps {
  fetch?: typeof fetch;
  cache?: TrendCache;
}

export type YouTubeErrorReason =
  "daily_cap" | "quota_exceeded" | "key_invalid" | "forbidden" | "bad_request" | "http_error" | "network" | "no_results";

/** What the channel's callers do about each reason, in the one YouTube error type. */
const KIND: Record<YouTubeErrorReason, YouTubeErrorKind> = {
  daily_cap: "quota_exceeded",
  quota_exceeded: "quota_exceeded",
  key_invalid: "invalid_request",
  forbidden: "forbidden",
  bad_request: "invalid_request",
  http_error: "unavailable",
  network: "unavailable",
  no_results: "not_found",
};

/** Thrown on any failure (the one YouTube error type, `reason` saying which); the caller falls back to offline trends and records `message`. */
export const YouTubeApiError = YouTubeError;
export type YouTubeApiError = YouTubeError;
const failure = (reason: YouTubeErrorReason, message: string, status: number | null = null) =>
  new YouTubeError(KIND[reason], message, status, reason);

interface ApiErrorBody {
  error?: { code?: number; message?: string; errors?: { reason?: string }[]; details?: { reason?: string }[] };
}

interface VideoResource {
  id: string;
  snippet?: {
    title?: string;
    channelTitle?: string;
    tags?: string[];
    publishedAt?: string;
    thumbnails?: { medium?: { url?: string } };
  };
  statistics?: { viewCount?: string };
  contentDetails?: { duration?: string };
}

function toError(status: number, body: ApiErrorBody | null): YouTubeApiError {
  const reasons = [...(body?.error?.errors ?? []), ...(body?.error?.details ?? [])].map((e) => e.reason ?? "");
  // The API's own message can contain HTML links; keep a plain, key-free summary.
  const detail = (body?.error?.message ?? "").replace(/<[^>]+>/g, "").slice(0, 200);
  if (reasons.some((r) => r === "quotaExceeded" || r === "dailyLimitExceeded" || r === "rateLimitExceeded"))
    return failure(
      "quota_exceeded",
      `YouTube Data API quota exceeded (${status} ${reasons[0]}); the daily quota resets at midnight Pacific Time.`,
      status,
    );
  if (reasons.some((r) => r === "keyInvalid" || r === "API_KEY_INVALID"))
    return failure("key_invalid", `YOUTUBE_API_KEY was rejected as invalid (${status} keyInvalid).`, status);
  if (status === 403)
    return failure("forbidden", `YouTube Data API refused the request (403 ${reasons[0] || "forbidden"}): ${detail}`, status);
  if (status === 400)
    return failure("bad_request", `YouTube Data API rejected the request (400 ${reasons[0] || "badRequest"}): ${detail}`, status);
  return failure("http_error", `YouTube Data API answered ${status}${detail ? `: ${detail}` : ""}.`, status);
}

const normalise = (text: string) => text.trim().toLowerCase().replace(/\s+/g, " ");

export function createYouTubeTrendsProvider(config: YouTubeTrendsConfig, deps: YouTubeDeps = {}): TrendsProvider {
  if (!config.apiKey) throw new Error("TRENDS_PROVIDER=youtube needs YOUTUBE_API_KEY");
  const base = (config.baseUrl ?? YOUTUBE_BASE_URL).replace(/\/+$/, "");
  const region = (config.regionCode ?? "US").toUpperCase();
  const ttlMs = (config.cacheTtlSeconds ?? 6 * 3600) * 1000;
  const lookbackDays = config.lookbackDays ?? 30;
  const maxResults = String(Math.min(50, config.maxResults ?? 25));
  const doFetch = deps.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));

  async function get<T>(path: string, params: Record<string, string>): Promise<T> {
    const url = `${base}/${path}?${new URLSearchParams({ ...params, key: config.apiKey })}`;
    const reply = await googleRequest(doFetch, url, { headers: { accept: "application/json" } }, config.timeoutMs ?? 10_000);
    // Never echo the URL or the error's text: both can carry the API key.
    if (!reply.ok)
      throw reply.timedOut
        ? failure("network", "YouTube Data API did not answer in time.")
        : failure("network", `YouTube Data API unreachable (${reply.errorName}).`);
    const answer = { status: reply.answer.status, body: reply.answer.text ? jsonOf(reply.answer) : null };
    if (answer.status < 200 || answer.status >= 300) throw toError(answer.status, answer.body as ApiErrorBody | null);
    if (!answer.body || typeof answer.body !== "object")
      throw failure("http_error", "YouTube Data API sent a response that is not JSON.", answer.status);
    return answer.body as T;
  }

  const facts = (v: VideoResource): VideoFacts => ({
    id: v.id,
    title: v.snippet?.title ?? "",
    channel: v.snippet?.channelTitle ?? "",
    tags: v.snippet?.tags ?? [],
    views: Number(v.statistics?.viewCount ?? 0) || 0,
    publishedAt: Date.parse(v.snippet?.publishedAt ?? "") || 0,
    durationSec: parseDuration(v.contentDetails?.duration),
    thumbnailUrl: v.snippet?.thumbnails?.medium?.url ?? null,
  });

  /**
   * One uncached lookup spends shared quota, so it must fit today's cap. Fails closed: when the
   * count cannot be taken, the caller falls back to offline trends rather than risk the quota.
   */
  async function claimLookup(nowMs: number): Promise<void> {
    if (!deps.cache?.claimLookup) return;
    const cap = config.dailyLookupCap ?? DEFAULT_YOUTUBE_DAILY_LOOKUPS;
    const granted = await deps.cache.claimLookup(cap, nowMs).catch(() => null);
    if (granted === null) throw failure("daily_cap", "The shared daily YouTube lookup count could not be checked.");
    if (!granted)
      throw failure("daily_cap", `The shared cap of ${cap} YouTube lookups for today is used up; it resets at midnight Pacific Time.`);
  }

  async function research(input: TrendsInput, now: Date): Promise<TrendReport> {
    const query = input.niche ? `${input.topic} ${input.niche}` : input.topic;
    const search = await get<{ items?: { id?: { videoId?: string } }[] }>("search", {
      part: "snippet",
      type: "video",
      order: "viewCount",
      q: query,
      regionCode: region,
      publishedAfter: new Date(now.getTime() - lookbackDays * 86_400_000).toISOString(),
      maxResults,
    });
    const ids = (search.items ?? []).map((i) => i.id?.videoId).filter((id): id is string => !!id);
    if (ids.length === 0) throw failure("no_results", `YouTube has no videos about "${query}" from the last ${lookbackDays} days.`);
    const part = "snippet,statistics,contentDetails";
    const popularParams: Record<string, string> = { part, chart: "mostPopular", regionCode: region, maxResults };
    if (config.categoryId) popularParams.videoCategoryId = config.categoryId;
    const [details, popular] = await Promise.all([
      get<{ items?: VideoResource[] }>("videos", { part, id: ids.join(",") }),
      // The chart only adds colour; a region or category without one must not sink the research.
      get<{ items?: VideoResource[] }>("videos", popularParams).catch((err: unknown) => {
        if (err instanceof YouTubeApiError && (err.reason === "quota_exceeded" || err.reason === "key_invalid")) throw err;
        return { items: [] };
      }),
    ]);
    return analyseVideos({
      topic: input.topic,
      region,
      topicVideos: (details.items ?? []).map(facts),
      popular: (popular.items ?? []).map(facts),
      now,
      lookbackDays,
    });
  }

  return {
    name: "youtube",
    async research(input, now) {
      const key = `youtube:v1:${region}:${config.categoryId ?? "-"}:${normalise(input.topic)}:${normalise(input.niche ?? "")}`;
      // A broken cache costs quota, not the research: its errors are swallowed.
      const cached = await deps.cache?.get(key, now.getTime()).catch(() => null);
      if (cached) return JSON.parse(cached) as TrendReport;
      await claimLookup(now.getTime());
      const report = await research(input, now);
      await deps.cache?.put(key, JSON.stringify(report), now.getTime() + ttlMs, now.getTime()).catch(() => {});
      return report;
    },
  };
}
