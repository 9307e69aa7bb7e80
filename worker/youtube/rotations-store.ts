// D1 rows for rotation tests: one live test per video, and which of a user's videos a disconnect
// must put back first.
import { and, eq } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import { youtubeRotations } from "../db/youtube-schema";

/** Claims the video for a workflow's rotation; false when another live test already has it. */
export async function claimVideo(
  d1: D1Database,
  row: { workflowId: string; userId: string; videoId: string; now: number },
): Promise<boolean> {
  const db = drizzle(d1);
  const [held] = await db
    .select({ workflowId: youtubeRotations.workflowId })
    .from(youtubeRotations)
    .where(and(eq(youtubeRotations.videoId, row.videoId), eq(youtubeRotations.state, "active")));
  if (held && held.workflowId !== row.workflowId) return false;
  try {
    await db
      .insert(youtubeRotations)
      .values({ workflowId: row.workflowId, userId: row.userId, videoId: row.videoId, state: "active", updatedAt: row.now })
      .onConflictDoUpdate({ target: youtubeRotations.workflowId, set: { videoId: row.videoId, state: "active", updatedAt: row.now } });
    return true;
  } catch (err) {
    // The partial unique index refused: another test claimed the video between the read and the write.
    if (/UNIQUE/i.test(String(err))) return false;
    throw err;
  }
}

/** The video is back (or can no longer be touched): another test may use it. */
export async function releaseVideo(d1: D1Database, workflowId: string, now: number): Promise<void> {
  await drizzle(d1).update(youtubeRotations).set({ state: "done", updatedAt: now }).where(eq(youtubeRotations.workflowId, workflowId));
}

export async function activeRotations(d1: D1Database, userId: string): Promise<string[]> {
  const rows = await drizzle(d1)
    .select({ workflowId: youtubeRotations.workflowId })
    .from(youtubeRotations)
    .where(and(eq(youtubeRotations.userId, userId), eq(youtubeRotations.state, "active")));
  return rows.map((r) => r.workflowId);
}
