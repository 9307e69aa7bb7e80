// The small fixes, each as the attack it stops: a guessable JWT secret, an LLM answer with no
// size limit, one topic storm spending the shared YouTube quota, and HTML or javascript: links
// smuggled into the Markdown export.
import { env } from "cloudflare:workers";
import { describe, expect, inject, it } from "vitest";
import { EXAMPLE_JWT_SECRET, jwtSecretProblem } from "../auth/secret";
import { toBase64 } from "../lib/base64";
import { nextPacificMidnight, pacificDayStart } from "../limits/windows";
import { firstRevision } from "./script-input";
import { resultsMarkdown } from "../domain/results";
import { offlineScriptWriter } from "../providers/offline-scripts";
import { offlineTrendReport } from "../providers/offline-trends";
import { createOpenAiScriptWriter, DEFAULT_MAX_TOKENS } from "../providers/openai-scripts";
import { createD1TrendCache } from "../providers/trend-cache";
import { createYouTubeTrendsProvider, YouTubeApiError } from "../providers/youtube-trends";
import type { Results } from "../shared/contract";
import { call, expectProblem } from "./helpers";
import { countRows, login, register } from "./security-helpers";

describe("JWT_SECRET", () => {
  it("refuses the example placeholder, short, repeated and patterned secrets; accepts random ones", () => {
    for (const bad of [
      EXAMPLE_JWT_SECRET,
      undefined,
      "",
      "too-short",
      "a".repeat(64),
      "abcd".repeat(12),
      "abcdefghijklmnopqrstuvwxyz0123456789",
    ]) {
      expect(jwtSecretProblem(bad), String(bad)).not.toBeNull();
    }
    const random = (n: number) => crypto.getRandomValues(new Uint8Array(n));
    expect(jwtSecretProblem(toBase64(random(48)))).toBeNull();
    expect(jwtSecretProblem([...random(32)].map((b) => b.toString(16).padStart(2, "0")).join(""))).toBeNull();
    expect(jwtSecretProblem(env.JWT_SECRET)).toBeNull();
  });

  it("with the placeholder, sign-in and every token answer 503 saying what to fix, and nothing is stored", async () => {
    const { id, email } = await register("placeholder");
    const token = await login(email);
    const vars = { JWT_SECRET: EXAMPLE_JWT_SECRET };
    const refused = expectProblem(
      await call("POST", "/auth/login", { body: { username: email, password: "correct-horse-42" }, vars }),
      503,
    );
    expect(refused.detail).toMatch(/JWT_SECRET is still the example placeholder/);
    expect(await countRows("SELECT id FROM sessions WHERE user_id = ?", id)).toBe(1);
    expect(expectProblem(await call("GET", "/workflows", { token, vars }), 503).detail).toMatch(/openssl rand/);
  });
});

describe("LLM calls", () => {
  it("send max_tokens on every call, the repair included", async () => {
    const baseUrl = inject("fakeOpenAiUrl");
    const model = `malformed-then-repaired#${crypto.randomUUID()}`;
    const writer = createOpenAiScriptWriter({ apiKey: "sk-test", baseUrl, model, budgetMs: 5000 }, offlineScriptWriter);
    const trends = offlineTrendReport({ topic: "home espresso", niche: null, audience: null }, new Date());
    const result = await writer.write(firstRevision("home espresso", trends));
    expect(result.fallback).toBeNull();
    const calls = (await (await fetch(`${baseUrl.replace(/\/v1$/, "")}/__calls?model=${encodeURIComponent(model)}`)).json()) as {
      body: { max_tokens?: number };
    }[];
    expect(calls).toHaveLength(2);
    for (const c of calls) expect(c.body.max_tokens).toBe(DEFAULT_MAX_TOKENS);
  });
});

describe("the shared YouTube cap", () => {
  it("stops uncached lookups for everyone at the daily cap, counted per Pacific day, while cached topics still answer", async () => {
    const baseUrl = inject("fakeYouTubeUrl");
    const cache = createD1TrendCache(env.DB);
    const provider = createYouTubeTrendsProvider({ apiKey: `key-${crypto.randomUUID()}`, baseUrl, dailyLookupCap: 2 }, { cache });
    const day = new Date("2026-11-20T12:00:00Z"); // 04:00 in Los Angeles
    const topic = (t: string) => ({ topic: t, niche: null, audience: null });
    await provider.research(topic("kettlebells"), day);
    await provider.research(topic("sourdough"), day);
    const capped = await provider.research(topic("chess openings"), day).catch((e: unknown) => e);
    expect(capped).toBeInstanceOf(YouTubeApiError);
    expect(capped).toMatchObject({ reason: "daily_cap" });
    expect((capped as Error).message).toMatch(/cap of 2 YouTube lookups .* midnight Pacific Time/);
    expect((await provider.research(topic("kettlebells"), day)).source).toBe("youtube");
    // 07:59 UTC the next day is still the same Pacific day; 08:00 UTC is a new one.
    await expect(provider.research(topic("chess openings"), new Date("2026-11-21T07:59:00Z"))).rejects.toMatchObject({
      reason: "daily_cap",
    });
    expect((await provider.research(topic("chess openings"), new Date("2026-11-21T08:00:00Z"))).source).toBe("youtube");
  });

  it("knows Pacific days across daylight saving changes", () => {
    expect(new Date(pacificDayStart(Date.parse("2026-03-08T12:00:00Z"))).toISOString()).toBe("2026-03-08T08:00:00.000Z");
    expect(new Date(nextPacificMidnight(Date.parse("2026-03-08T12:00:00Z"))).toISOString()).toBe("2026-03-09T07:00:00.000Z");
    expect(new Date(pacificDayStart(Date.parse("2026-11-01T12:00:00Z"))).toISOString()).toBe("2026-11-01T07:00:00.000Z");
    expect(new Date(nextPacificMidnight(Date.parse("2026-11-01T12:00:00Z"))).toISOString()).toBe("2026-11-02T08:00:00.000Z");
    expect(new Date(pacificDayStart(Date.parse("2026-07-01T06:59:00Z"))).toISOString()).toBe("2026-06-30T07:00:00.000Z");
  });
});

describe("the Markdown export", () => {
  it("neutralises raw HTML and javascript: links from user and model text", () => {
    const evil = 'Hi <img src=x onerror="alert(1)"> [click](javascript:alert(1)) <script>alert(2)</script> [x]: javascript:alert(3)';
    const results = {
      workflow_id: "00000000-0000-4000-8000-000000000000",
      topic: `espresso ${evil}`,
      winning_content: {
        script: {
          id: "s1",
          title: `Title ${evil}`,
          angle: "a",
          hook: `Hook ${evil}`,
          body: `Body\n${evil}\n<iframe src="https://evil.example"></iframe>`,
          outline: [`Step ${evil}`],
          call_to_action: `Subscribe ${evil}`,
          estimated_duration_seconds: 61,
        },
        thumbnail: {
          id: "t1",
          style: "VIRAL",
          url: "javascript:alert(4)",
          png_url: "javascript:alert(4)",
          headline: `Head ${evil}`,
          prompt: `Prompt ${evil}`,
        },
      },
      studio: {
        title_options: [`Title ${evil}`],
        description: `Watch ${evil}\n0:00 Start ${evil}`,
        tags: [`tag ${evil}`],
        chapters: [],
        thumbnail_png_url: "javascript:alert(4)",
      },
      ab_test_summary: {
        analytics_source: "simulated",
        picked_before_proof: false,
        confidence_threshold: 0.95,
        duration_seconds: 60,
        confidence: 0.97,
        total_impressions: 300,
        variants: [],
        decision: "winner",
        verdict: "winner",
        explanation: `Because ${evil}`,
        winner_id: "t1",
      },
      usage: { calls: 0, prompt_tokens: 0, completion_tokens: 0, estimated_cost_usd: 0 },
      // An API key's name and a rejection's feedback are anyone's text too.
      activity: [
        {
          action: "reject",
          feedback: `Shorter ${evil}`,
          actor: { kind: "api_key", key_id: "k1", name: `bot ${evil}` },
          at: "2026-12-08T03:00:00.000Z",
        },
      ],
      export_ready: true,
    } as unknown as Results;
    const md = resultsMarkdown(results, "https://app.example");
    expect(md).not.toMatch(/(^|[^\\])<(img|script|iframe)/i);
    expect(md).not.toMatch(/(^|[^\\])\[[^\]]*(^|[^\\])\]\(/);
    expect(md).not.toMatch(/javascript:/i);
    expect(md).toContain("\\<script\\>alert(2)\\</script\\>");
    expect(md).toContain("(thumbnail image not available)");
    expect(md).toContain('API key "bot Hi \\<img src=x');
    const fine = resultsMarkdown(
      {
        ...results,
        winning_content: {
          ...results.winning_content,
          thumbnail: { ...results.winning_content.thumbnail, url: "/api/v1/thumbnails/a/b.svg", png_url: "/api/v1/thumbnails/a/b.png" },
        },
        studio: { ...results.studio, thumbnail_png_url: "/api/v1/thumbnails/a/b.png" },
      },
      "https://app.example",
    );
    expect(fine).toContain("![Viral thumbnail](https://app.example/api/v1/thumbnails/a/b.png)");
  });
});
