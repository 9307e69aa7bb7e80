// Caps shared by every user. YouTube's Data API gives the whole deployment 10,000 units a day,
// and one uncached trend lookup costs about 102, so uncached lookups are capped per Pacific day
// (the quota's own day) below that; past the cap research falls back to offline trends.
import { type VarSource, positiveVar } from "../lib/vars";
import { takeCount } from "./counters";
import { pacificDayStart } from "./windows";

export const YOUTUBE_LOOKUPS = "youtube_lookups";
/** 90 × 102 units leaves about 800 of the 10,000 for retries and manual use. */
export const DEFAULT_YOUTUBE_DAILY_LOOKUPS = 90;
export const youtubeDailyLookups = (vars: VarSource) => positiveVar(vars, "YOUTUBE_DAILY_LOOKUPS") ?? DEFAULT_YOUTUBE_DAILY_LOOKUPS;

/** Takes one lookup from today's shared cap; false when it is used up. */
export async function takeYouTubeLookup(db: D1Database, cap: number, now: number): Promise<boolean> {
  return (await takeCount(db, { subject: "global", name: YOUTUBE_LOOKUPS, windowStart: pacificDayStart(now), limit: cap })).ok;
}
