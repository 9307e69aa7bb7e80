// The YouTube trends provider against a local server returning the Data API's JSON shapes and
// errors, with the D1-backed cache keeping quota use down.
import { env } from "cloudflare:workers";
import { describe, expect, inject, it } from "vitest";
import { createD1TrendCache, createMemoryTrendCache } from "../providers/trend-cache";
import { parseDuration } from "../providers/youtube-analysis";
import { createYouTubeTrendsProvider, YouTubeApiError } from "../providers/youtube-trends";

const baseUrl = inject("fakeYouTubeUrl");
const now = new Date("2026-11-20T12:00:00Z");
const callsFor = async (key: string): Promise<{ path: string; params: Record<string, string> }[]> =>
  (await fetch(`${baseUrl.replace(/\/youtube\/v3$/, "")}/__calls?key=${key}`)).json();
const freshKey = () => `key-${crypto.randomUUID()}`;

describe("YouTube trends provider", () => {
  it("builds a trend report from search, video statistics and the most-popular chart", async () => {
    const key = freshKey();
    const provider = createYouTubeTrendsProvider({ apiKey: key, baseUrl, regionCode: "gb", categoryId: "26" });
    const report = await provider.research({ topic: "Sourdough", niche: null, audience: null }, new Date());

    expect(report).toMatchObject({ topic: "Sourdough", source: "youtube" });
    expect(report.trends.length).toBeGreaterThanOrEqual(3);
    expect(report.trends[0]!.score).toBe(100);
    for (const t of report.trends) {
      expect(t.keyword).toContain("sourdough");
      expect(t.score).toBeGreaterThan(0);
      expect(Number.isInteger(t.growth_pct)).toBe(true);
    }
    expect(report.trends.map((t) => t.keyword)).toContain("sourdough for beginners");
    expect(report.related_queries.length).toBeGreaterThan(0);
    expect(report.top_formats).toContain("Tutorials and explainers");
    expect(report.summary).toMatch(/YouTube videos about "Sourdough" from the last 30 days in GB/);
    // The feed preview's neighbours: the most-viewed topic videos, with YouTube's own thumbnail.
    const videos = report.videos ?? [];
    expect(videos.length).toBeGreaterThanOrEqual(3);
    expect(videos.map((v) => v.views)).toEqual([...videos.map((v) => v.views)].sort((a, b) => b - a));
    for (const v of videos) {
      expect(v.title.toLowerCase()).toContain("sourdough");
      expect(v.channel).toMatch(/^Channel /);
      expect(v.thumbnail_url).toBe(`https://i.ytimg.com/vi/${v.id}/mqdefault.jpg`);
      expect(Date.parse(v.published_at)).toBeLessThanOrEqual(Date.now());
    }

    const calls = await callsFor(key);
    expect(calls.map((c) => c.path)).toEqual(["/youtube/v3/search", "/youtube/v3/videos", "/youtube/v3/videos"]);
    expect(calls[0]!.params).toMatchObject({ part: "snippet", type: "video", order: "viewCount", q: "Sourdough", regionCode: "GB" });
    expect(calls[0]!.params.publishedAfter).toBeTruthy();
    const chart = calls.find((c) => c.params.chart === "mostPopular");
    expect(chart?.params).toMatchObject({ regionCode: "GB", videoCategoryId: "26" });
  });

  it("caches per topic and region for the TTL, in D1", async () => {
    const key = freshKey();
    const cache = createD1TrendCache(env.DB);
    const provider = createYouTubeTrendsProvider({ apiKey: key, baseUrl, cacheTtlSeconds: 60 }, { cache });
    const first = await provider.research({ topic: "Kettlebell", niche: null, audience: null }, now);
    const again = await provider.research({ topic: "  kettlebell ", niche: null, audience: null }, new Date(now.getTime() + 59_000));
    expect(again).toEqual(first);
    expect(await callsFor(key)).toHaveLength(3);

    await createYouTubeTrendsProvider({ apiKey: key, baseUrl, regionCode: "DE", cacheTtlSeconds: 60 }, { cache }).research(
      { topic: "Kettlebell", niche: null, audience: null },
      now,
    );
    expect(await callsFor(key)).toHaveLength(6); // another region is another entry

    await provider.research({ topic: "Kettlebell", niche: null, audience: null }, new Date(now.getTime() + 61_000));
    expect(await callsFor(key)).toHaveLength(9); // expired: asked again
  });

  it("maps quotaExceeded and keyInvalid to clear errors and does not cache them", async () => {
    const cache = createMemoryTrendCache();
    const quota = createYouTubeTrendsProvider({ apiKey: "quota-key", baseUrl }, { cache });
    const err = await quota.research({ topic: "chess", niche: null, audience: null }, now).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(YouTubeApiError);
    expect(err).toMatchObject({ reason: "quota_exceeded", status: 403 });
    expect((err as Error).message).toMatch(/quota exceeded .*resets at midnight Pacific Time/);
    expect((err as Error).message).not.toContain("<a");
    expect(await cache.get("youtube:v1:US:-:chess:", now.getTime())).toBeNull();

    const bad = createYouTubeTrendsProvider({ apiKey: "bad-key", baseUrl });
    await expect(bad.research({ topic: "chess", niche: null, audience: null }, now)).rejects.toMatchObject({
      reason: "key_invalid",
      status: 400,
      message: "YOUTUBE_API_KEY was rejected as invalid (400 keyInvalid).",
    });
  });

  it("reports an empty search, a missing chart and an unreachable server without leaking the key", async () => {
    const empty = createYouTubeTrendsProvider({ apiKey: "empty-key", baseUrl });
    await expect(empty.research({ topic: "zzqx", niche: null, audience: null }, now)).rejects.toMatchObject({ reason: "no_results" });

    const noChart = createYouTubeTrendsProvider({ apiKey: freshKey(), baseUrl, categoryId: "999" });
    expect((await noChart.research({ topic: "chess", niche: null, audience: null }, new Date())).trends.length).toBeGreaterThan(0);

    // A refused connection, as fetch reports it, with the URL (and so the key) in the message.
    const refuse = (async (url: string) => {
      throw new TypeError(`fetch failed: ${url}`);
    }) as unknown as typeof fetch;
    const down = createYouTubeTrendsProvider({ apiKey: "secret-key-123", baseUrl }, { fetch: refuse });
    const err = (await down.research({ topic: "chess", niche: null, audience: null }, now).catch((e: unknown) => e)) as YouTubeApiError;
    expect(err.reason).toBe("network");
    expect(err.message).not.toContain("secret-key-123");
  });

  it("parses ISO 8601 durations", () => {
    expect(parseDuration("PT48S")).toBe(48);
    expect(parseDuration("PT1H2M3S")).toBe(3723);
    expect(parseDuration("P1DT1S")).toBe(86401);
    expect(parseDuration(undefined)).toBe(0);
  });
});
