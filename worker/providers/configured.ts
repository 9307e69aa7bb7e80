// Picks each provider from configuration (wrangler vars and secrets). Offline is the default for
// all three, so a fresh checkout runs with no keys; nonsense values fail loudly, like abConfigFrom.
import { positiveVar, textVar } from "../lib/vars";
import { offlineScriptWriter } from "./offline-scripts";
import { offlineTrends } from "./offline-trends";
import { DEFAULT_OPENAI_MODEL, createOpenAiScriptWriter } from "./openai-scripts";
import { parsePriceTable } from "./llm-prices";
import { DEFAULT_OPENAI_IMAGE_MODEL, DEFAULT_WORKERS_AI_MODEL, createOpenAiImageModel, createWorkersAiImageModel } from "./image-models";
import { createImageModelDesigner } from "./image-thumbnails";
import { createPollinationsThumbnailDesigner } from "./pollinations-thumbnails";
import { svgThumbnailDesigner } from "./svg-thumbnails";
import { createD1TrendCache } from "./trend-cache";
import type { ScriptWriter, ThumbnailDesigner, TrendsProvider } from "./types";
import type { Env } from "../env";
import { createYouTubeTrendsProvider } from "./youtube-trends";

export interface ConfiguredProviders {
  trends: TrendsProvider;
  scripts: ScriptWriter;
  thumbnails: ThumbnailDesigner;
}

/** The Worker env, or a plain record of variables in tests; DB (when present) caches trend lookups. */
type Vars = Env | Record<string, unknown>;

function choice<T extends string>(vars: Vars, name: string, allowed: readonly T[]): T {
  const raw = (vars as Record<string, unknown>)[name];
  const value = (typeof raw === "string" && raw.trim() ? raw.trim().toLowerCase() : allowed[0]!) as T;
  if (!allowed.includes(value)) throw new Error(`${name} must be one of ${allowed.join(", ")}; got '${String(raw)}'`);
  return value;
}

/** The designer THUMBNAIL_PROVIDER names; an image model needs its credentials or fails loudly. */
function thumbnailDesigner(vars: Vars): ThumbnailDesigner {
  const provider = choice(vars, "THUMBNAIL_PROVIDER", ["svg", "pollinations", "workers-ai", "openai"] as const);
  const timeoutMs = positiveVar(vars, "IMAGE_MODEL_TIMEOUT_MS");
  if (provider === "pollinations") return createPollinationsThumbnailDesigner();
  if (provider === "workers-ai") {
    const accountId = textVar(vars, "WORKERS_AI_ACCOUNT_ID");
    const apiToken = textVar(vars, "WORKERS_AI_API_TOKEN");
    if (!accountId || !apiToken)
      throw new Error("THUMBNAIL_PROVIDER=workers-ai needs WORKERS_AI_ACCOUNT_ID and the WORKERS_AI_API_TOKEN secret");
    const model = textVar(vars, "WORKERS_AI_IMAGE_MODEL") ?? DEFAULT_WORKERS_AI_MODEL;
    return createImageModelDesigner(
      createWorkersAiImageModel({ accountId, apiToken, model, baseUrl: textVar(vars, "WORKERS_AI_BASE_URL"), timeoutMs }),
    );
  }
  if (provider === "openai") {
    const apiKey = textVar(vars, "OPENAI_API_KEY");
    if (!apiKey) throw new Error("THUMBNAIL_PROVIDER=openai needs the OPENAI_API_KEY secret");
    const model = textVar(vars, "OPENAI_IMAGE_MODEL") ?? DEFAULT_OPENAI_IMAGE_MODEL;
    return createImageModelDesigner(createOpenAiImageModel({ apiKey, baseUrl: textVar(vars, "OPENAI_BASE_URL"), model, timeoutMs }));
  }
  return svgThumbnailDesigner;
}

// Providers hold no per-request state; build them once per environment object.
const cache = new WeakMap<object, ConfiguredProviders>();

export function configuredProviders(vars: Vars): ConfiguredProviders {
  const hit = cache.get(vars);
  if (hit) return hit;

  const scripts =
    choice(vars, "LLM_PROVIDER", ["offline", "openai"] as const) === "openai"
      ? createOpenAiScriptWriter(
          {
            apiKey: textVar(vars, "OPENAI_API_KEY") ?? "",
            baseUrl: textVar(vars, "OPENAI_BASE_URL"),
            model: textVar(vars, "OPENAI_MODEL") ?? DEFAULT_OPENAI_MODEL,
            requestTimeoutMs: positiveVar(vars, "OPENAI_TIMEOUT_MS"),
            budgetMs: positiveVar(vars, "OPENAI_BUDGET_MS"),
            prices: parsePriceTable(textVar(vars, "OPENAI_PRICES")),
            strictSchema: textVar(vars, "OPENAI_STRICT_SCHEMA")?.toLowerCase() !== "false",
            temperature: textVar(vars, "OPENAI_TEMPERATURE") === undefined ? undefined : Number(textVar(vars, "OPENAI_TEMPERATURE")),
          },
          offlineScriptWriter,
        )
      : offlineScriptWriter;

  let trends: TrendsProvider = offlineTrends;
  if (choice(vars, "TRENDS_PROVIDER", ["offline", "youtube"] as const) === "youtube") {
    const apiKey = textVar(vars, "YOUTUBE_API_KEY");
    if (!apiKey) throw new Error("TRENDS_PROVIDER=youtube needs the YOUTUBE_API_KEY secret");
    trends = createYouTubeTrendsProvider(
      {
        apiKey,
        baseUrl: textVar(vars, "YOUTUBE_BASE_URL"),
        regionCode: textVar(vars, "YOUTUBE_REGION"),
        categoryId: textVar(vars, "YOUTUBE_CATEGORY_ID") ?? null,
        cacheTtlSeconds: positiveVar(vars, "TRENDS_CACHE_TTL_SECONDS"),
        lookbackDays: positiveVar(vars, "YOUTUBE_LOOKBACK_DAYS"),
        dailyLookupCap: positiveVar(vars, "YOUTUBE_DAILY_LOOKUPS"),
      },
      { cache: "DB" in vars && vars.DB ? createD1TrendCache(vars.DB as D1Database) : undefined },
    );
  }

  const thumbnails = thumbnailDesigner(vars);

  const providers = { trends, scripts, thumbnails };
  cache.set(vars, providers);
  return providers;
}
