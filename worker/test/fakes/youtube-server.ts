/// <reference types="node" />
// A real HTTP server returning YouTube Data API v3 JSON shapes for search.list and videos.list.
// The API key picks the behaviour: "bad-key" -> 400 keyInvalid, "quota-key" -> 403 quotaExceeded,
// "empty-key" -> no search results; any other key works, and calls are logged per key.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

const DAY = 86_400_000;

interface FakeVideo {
  id: string;
  snippet: {
    publishedAt: string;
    channelId: string;
    title: string;
    description: string;
    channelTitle: string;
    tags: string[];
    categoryId: string;
    thumbnails: { medium: { url: string; width: number; height: number } };
  };
  statistics: { viewCount: string; likeCount: string; commentCount: string };
  contentDetails: { duration: string };
}

const PATTERNS: [(q: string) => string, string, string[]][] = [
  [(q) => `${q} for beginners: the complete guide`, "PT14M10S", ["for beginners", "tutorial"]],
  [(q) => `I tried ${q} for 30 days`, "PT11M2S", ["challenge", "for beginners"]],
  [(q) => `${q} tier list`, "PT18M40S", ["tier list", "ranking"]],
  [(q) => `5 ${q} mistakes to avoid`, "PT9M5S", ["mistakes to avoid", "tips"]],
  [(q) => `${q} in 60 seconds #shorts`, "PT48S", ["shorts", "tips"]],
  [(q) => `${q} review: is it worth it?`, "PT12M30S", ["review", "worth it"]],
  [(q) => `${q} vs the old way`, "PT10M1S", ["comparison", "tips"]],
  [(q) => `${q} mistakes to avoid in 2026`, "PT7M45S", ["mistakes to avoid"]],
  [(q) => `${q} for beginners in 10 minutes`, "PT10M0S", ["for beginners", "tutorial"]],
  [(q) => `The truth about ${q}`, "PT25M12S", ["explained"]],
];

function video(id: string, title: string, duration: string, tags: string[], views: number, ageDays: number, now: number): FakeVideo {
  return {
    id,
    snippet: {
      publishedAt: new Date(now - ageDays * DAY).toISOString(),
      channelId: `UC${id}`,
      title,
      description: `${title}. Fake description.`,
      channelTitle: `Channel ${id.slice(-2)}`,
      tags,
      categoryId: "26",
      thumbnails: { medium: { url: `https://i.ytimg.com/vi/${id}/mqdefault.jpg`, width: 320, height: 180 } },
    },
    statistics: { viewCount: String(views), likeCount: String(Math.round(views / 30)), commentCount: String(Math.round(views / 300)) },
    contentDetails: { duration },
  };
}

function apiError(res: ServerResponse, status: number, reason: string, message: string, domain: string) {
  res.writeHead(status, { "content-type": "application/json; charset=UTF-8" });
  res.end(
    JSON.stringify({
      error: { code: status, message, errors: [{ message, domain, reason }], ...(status === 400 ? { status: "INVALID_ARGUMENT" } : {}) },
    }),
  );
}

export async function startYouTubeFake(): Promise<{ url: string; close: () => Promise<void> }> {
  const videos = new Map<string, FakeVideo>();
  const calls = new Map<string, { path: string; params: Record<string, string> }[]>();

  function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? "/", "http://fake");
    const params = Object.fromEntries(url.searchParams);
    const json = (body: unknown) => {
      res.writeHead(200, { "content-type": "application/json; charset=UTF-8" });
      res.end(JSON.stringify(body));
    };
    if (url.pathname === "/__calls") return json(calls.get(params.key ?? "") ?? []);
    const key = params.key ?? "";
    calls.set(key, [...(calls.get(key) ?? []), { path: url.pathname, params }]);
    if (!key) return apiError(res, 403, "forbidden", "Method doesn't allow unregistered callers.", "global");
    if (key === "bad-key") return apiError(res, 400, "keyInvalid", "API key not valid. Please pass a valid API key.", "usageLimits");
    if (key === "quota-key") {
      return apiError(
        res,
        403,
        "quotaExceeded",
        'The request cannot be completed because you have exceeded your <a href="/youtube/v3/getting-started#quota">quota</a>.',
        "youtube.quota",
      );
    }
    const now = Date.now();

    if (url.pathname === "/youtube/v3/search") {
      if (!params.part || !params.q) return apiError(res, 400, "required", "Required parameter: part and q", "global");
      const q = params.q.toLowerCase();
      const found =
        key === "empty-key"
          ? []
          : PATTERNS.map(([title, duration, tags], i) => {
              const v = video(
                `v${i}${q.length}${q.charCodeAt(0)}`,
                title(q),
                duration,
                [q, ...tags.map((t) => `${q} ${t}`)],
                Math.round(2_000_000 / (i + 1)),
                2 + i * 2.5,
                now,
              );
              videos.set(v.id, v);
              return v;
            });
      const max = Number(params.maxResults ?? 5);
      return json({
        kind: "youtube#searchListResponse",
        regionCode: params.regionCode ?? "US",
        pageInfo: { totalResults: found.length, resultsPerPage: max },
        items: found
          .slice(0, max)
          .map((v) => ({ kind: "youtube#searchResult", id: { kind: "youtube#video", videoId: v.id }, snippet: v.snippet })),
      });
    }

    if (url.pathname === "/youtube/v3/videos") {
      let items: FakeVideo[];
      if (params.chart === "mostPopular") {
        if (params.videoCategoryId === "999")
          return apiError(
            res,
            404,
            "videoChartNotFound",
            "The requested video chart is not supported or is not available.",
            "youtube.video",
          );
        items = ["Official music video", "Late night sketch", "Championship highlights", "Cooking at home, fast"].map((t, i) =>
          video(`pop${i}`, t, i === 3 ? "PT55S" : "PT4M1S", ["popular"], 9_000_000 - i * 1_000_000, 1 + i, now),
        );
      } else {
        items = (params.id ?? "").split(",").flatMap((id) => videos.get(id) ?? []);
      }
      return json({
        kind: "youtube#videoListResponse",
        items: items.map((v) => ({ kind: "youtube#video", ...v })),
        pageInfo: { totalResults: items.length, resultsPerPage: items.length },
      });
    }
    apiError(res, 404, "notFound", "Not Found", "global");
  }

  const server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/youtube/v3`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
