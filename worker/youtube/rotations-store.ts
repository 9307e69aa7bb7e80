// D1 rows for rotation tests: one live test per video, each test's quota booking, and which of a
// user's videos a disconnect must put back first.
import { and, eq, gte, lte } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import { youtubeRotations } from "../db/youtube-schema";
import { addDays } from "../domain/youtube/pacific";

export interface Claim {
  workflowId: string;
  teamId: string;
  /** "<channel id>/<video id>". */
  videoId: string;
  now: number;
  /** The booking: the Pacific days the test may spend units on, and at most how many a day. */
  firstDay: string;
  lastDay: string;
  unitsPerDay: number;
}

const booking = (row: Claim) => ({
  videoId: row.videoId,
  state: "active",
  updatedAt: row.now,
  firstDay: row.firstDay,
  lastDay: row.lastDay,
  unitsPerDay: row.unitsPerDay,
});

/** Claims the video for a workflow's rotation, with its booking; false when another live test already has it. */
export async function claimVideo(d1: D1Database, row: Claim): Promise<boolean> {
  const db = drizzle(d1);
  const [held] = await db
    .select({ workflowId: youtubeRotations.workflowId })
    .from(youtubeRotations)
    .where(and(eq(youtubeRotations.videoId, row.videoId), eq(youtubeRotations.state, "active")));
  if (held && held.workflowId !== row.workflowId) return false;
  try {
    await db
      .insert(youtubeRotations)
      .values({ ...booking(row), workflowId: row.workflowId, teamId: row.teamId })
      .onConflictDoUpdate({ target: youtubeRotations.workflowId, set: booking(row) });
    return true;
  } catch (err) {
    // The partial unique index refused: another test claimed the video between the read and the write.
    if (/UNIQUE/i.test(String(err))) return false;
    throw err;
  }
}

/**
 * Units the running tests (other than `except`) have booked per Pacific day in a range. Added to
 * the ledger's spent units, so tests started the same day cannot together overrun a later day.
 */
export async function bookedByDay(d1: D1Database, fromDay: string, toDay: string, except: string): Promise<Map<string, number>> {
  const rows = await drizzle(d1)
    .select({
      workflowId: youtubeRotations.workflowId,
      firstDay: youtubeRotations.firstDay,
      lastDay: youtubeRotations.lastDay,
      units: youtubeRotations.unitsPerDay,
    })
    .from(youtubeRotations)
    .where(and(eq(youtubeRotations.state, "active"), lte(youtubeRotations.firstDay, toDay), gte(youtubeRotations.lastDay, fromDay)));
  const out = new Map<string, number>();
  for (const r of rows) {
    if (r.workflowId === except || !r.firstDay) continue;
    for (let day = r.firstDay > fromDay ? r.firstDay : fromDay; day <= r.lastDay && day <= toDay; day = addDays(day, 1))
      out.set(day, (out.get(day) ?? 0) + r.units);
  }
  return out;
}

/** The video is back (or can no longer be touched): another test may use it, and its booking ends. */
export async function releaseVideo(d1: D1Database, workflowId: string, now: number): Promise<void> {
  await drizzle(d1).update(youtubeRotations).set({ state: "done", updatedAt: now }).where(eq(youtubeRotations.workflowId, workflowId));
}

export async function activeRotations(d1: D1Database, teamId: string): Promise<string[]> {
  const rows = await drizzle(d1)
    .select({ workflowId: youtubeRotations.workflowId })
    .from(youtubeRotations)
    .where(and(eq(youtubeRotations.teamId, teamId), eq(youtubeRotations.state, "active")));
  return rows.map((r) => r.workflowId);
}
