// Provider selection from configuration: offline by default, real providers by name, loud on nonsense.
import { env } from "cloudflare:workers";
import { firstRevision } from "./script-input";
import { describe, expect, inject, it } from "vitest";
import { configuredProviders } from "../providers/configured";
import { offlineTrendReport } from "../providers/offline-trends";

describe("configured providers", () => {
  it("defaults to the offline providers", () => {
    const p = configuredProviders({});
    expect([p.trends.name, p.scripts.name, p.thumbnails.name]).toEqual(["offline", "offline", "svg"]);
  });

  it("selects OpenAI, YouTube and Pollinations by name, and the writer reaches its server", async () => {
    const p = configuredProviders({
      DB: env.DB,
      LLM_PROVIDER: "openai",
      OPENAI_BASE_URL: inject("fakeOpenAiUrl"),
      OPENAI_MODEL: `success#config-${Date.now()}`,
      OPENAI_API_KEY: "sk-test",
      OPENAI_PRICES: '{"success":{"input":0.5,"output":1}}',
      TRENDS_PROVIDER: "YouTube",
      YOUTUBE_API_KEY: "config-key",
      YOUTUBE_BASE_URL: inject("fakeYouTubeUrl"),
      THUMBNAIL_PROVIDER: "pollinations",
    });
    expect([p.trends.name, p.scripts.name, p.thumbnails.name]).toEqual(["youtube", "openai", "pollinations"]);
    const trends = await p.trends.research({ topic: "bouldering", niche: null, audience: null }, new Date());
    expect(trends.source).toBe("youtube");
    const result = await p.scripts.write(firstRevision("bouldering", trends));
    expect(result.fallback).toBeNull();
    expect(result.usage[0]!.estimated_cost_usd).toBeGreaterThan(0);
  });

  it("rejects unknown names, a missing YouTube key and bad numbers", () => {
    expect(() => configuredProviders({ LLM_PROVIDER: "gpt" })).toThrow(/LLM_PROVIDER must be one of offline, openai/);
    expect(() => configuredProviders({ TRENDS_PROVIDER: "youtube" })).toThrow(/YOUTUBE_API_KEY/);
    expect(() => configuredProviders({ THUMBNAIL_PROVIDER: "dalle" })).toThrow(/THUMBNAIL_PROVIDER/);
    expect(() => configuredProviders({ LLM_PROVIDER: "openai", OPENAI_TIMEOUT_MS: "soon" })).toThrow(/OPENAI_TIMEOUT_MS/);
    expect(() => configuredProviders({ LLM_PROVIDER: "openai", OPENAI_PRICES: "{" })).toThrow(/OPENAI_PRICES/);
  });

  it("falls back to offline scripts, with the reason, when the server fails", async () => {
    const p = configuredProviders({ LLM_PROVIDER: "openai", OPENAI_BASE_URL: inject("fakeOpenAiUrl"), OPENAI_MODEL: "server-error" });
    const trends = offlineTrendReport({ topic: "chess", niche: null, audience: null }, new Date());
    const result = await p.scripts.write(firstRevision("chess", trends));
    expect(result.source).toBe("offline");
    expect(result.fallback?.reason).toMatch(/upstream error 500/);
  });
});
