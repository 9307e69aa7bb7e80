// A small expiring cache for trend reports, so repeated research on one topic and region does not
// spend YouTube quota (a search costs 100 of the 10,000 daily units). Values are opaque strings.
// The cache also keeps the shared daily count of uncached lookups: both guard the same quota.
import { eq, lt } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import { trendCache } from "../db/integrations-schema";
import { takeYouTubeLookup } from "../limits/shared-caps";
import { pacificDayStart } from "../limits/windows";

export interface TrendCache {
  get(key: string, nowMs: number): Promise<string | null>;
  put(key: string, value: string, expiresAtMs: number, nowMs: number): Promise<void>;
  /** Takes one uncached lookup from the shared daily cap (counted per Pacific day); false when it is used up. */
  claimLookup?(cap: number, nowMs: number): Promise<boolean>;
}

export function createD1TrendCache(d1: D1Database): TrendCache {
  const db = drizzle(d1);
  return {
    async get(key, nowMs) {
      const [row] = await db.select().from(trendCache).where(eq(trendCache.cacheKey, key));
      return row && row.expiresAt > nowMs ? row.value : null;
    },
    async put(key, value, expiresAtMs, nowMs) {
      // Expired rows are dropped on write, which keeps the table no bigger than a TTL's worth of topics.
      await db.delete(trendCache).where(lt(trendCache.expiresAt, nowMs));
      await db
        .insert(trendCache)
        .values({ cacheKey: key, value, expiresAt: expiresAtMs, createdAt: nowMs })
        .onConflictDoUpdate({ target: trendCache.cacheKey, set: { value, expiresAt: expiresAtMs, createdAt: nowMs } });
    },
    claimLookup: (cap, nowMs) => takeYouTubeLookup(d1, cap, nowMs),
  };
}

/** For tests and for a Durable Object that wants a per-instance cache. */
export function createMemoryTrendCache(): TrendCache {
  const entries = new Map<string, { value: string; expiresAt: number }>();
  const lookups = { day: 0, count: 0 };
  return {
    async claimLookup(cap, nowMs) {
      const day = pacificDayStart(nowMs);
      if (lookups.day !== day) Object.assign(lookups, { day, count: 0 });
      if (lookups.count >= cap) return false;
      lookups.count++;
      return true;
    },
    async get(key, nowMs) {
      const hit = entries.get(key);
      return hit && hit.expiresAt > nowMs ? hit.value : null;
    },
    async put(key, value, expiresAtMs) {
      entries.set(key, { value, expiresAt: expiresAtMs });
    },
  };
}
