// A whole rotation on the fake Google, driven only by the object's alarm with both clocks moved
// together: daily swaps at midnight Pacific (thumbnail and title), reports that arrive two days
// late and are re-issued, the analysis, and the winner restored at the end.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import type { AbStatus } from "../shared/contract";
import { call } from "./helpers";
import { type RotationFixture, canProveWinner, pngSize, readyToRotate, runRotation, select, setTruth } from "./rotation-support";
import { control, fakeLog, fakeState } from "./youtube-support";

const VIDEO = "fkVidSteady";
const CTRS = [0.03, 0.035, 0.075];
const videoOf = async (world: string) => (await fakeState(world)).videos.find((v: { id: string }) => v.id === VIDEO);
const applied = (ab: AbStatus) => ab.rotation!.swaps.filter((s) => s.outcome === "applied");

/** A started rotation whose schedule can prove a winner (about 6 draws in 7 can; see canProveWinner). */
async function provableRotation(): Promise<{ f: RotationFixture; ab: AbStatus; hashes: string[]; before: any }> {
  for (let attempt = 0; attempt < 6; attempt++) {
    const f = await readyToRotate("rotation");
    const hashes = await setTruth(f.world, f.wf, CTRS);
    const before = await videoOf(f.world);
    const started = await select(f, { video: VIDEO, vary: "both" });
    expect(started.status, JSON.stringify(started.body)).toBe(200);
    const ab = started.body.ab_test!;
    const truth = Object.fromEntries(f.wf.thumbnails.map((t, i) => [t.id, CTRS[i]!]));
    if (canProveWinner(ab, truth)) return { f, ab, hashes, before };
  }
  throw new Error("no schedule that can prove a winner in 6 draws");
}

describe("a 21-day rotation of thumbnails and titles", () => {
  it("swaps once a day, reads late and re-issued reports, and leaves the proven winner on the video", async () => {
    const { f, ab: first, hashes, before } = await provableRotation();
    expect(first).toMatchObject({ analytics_source: "youtube", is_running: true });
    expect(first.rotation!.days).toHaveLength(21);
    expect(first.rotation!.state).toBe("scheduled");
    expect(first.rotation!.video).toMatchObject({ id: VIDEO, title: before.title });
    const titles = first.rotation!.titles!;
    expect(new Set(Object.values(titles)).size).toBe(3);
    // Nothing is changed before the first midnight.
    expect((await videoOf(f.world)).live_thumbnail.is_original).toBe(true);

    let reissuedDay: string | null = null;
    let firstCount: number | null = null;
    let sawWaiting = false;
    const { ab, alarms } = await runRotation(f, (s) => s.rotation!.state === "restored", {
      before: async (_at, s) => {
        const r = s.rotation!;
        // Day 1 is on the video while day 0 waits for its report, which comes two days late.
        if (r.days[1]!.state === "live" && r.days[0]!.state === "waiting") sawWaiting = true;
        const day = r.days[1]!;
        if (!reissuedDay && day.state === "reported") {
          reissuedDay = day.date;
          firstCount = day.impressions;
          await control(f.world, "POST", "reissue", { day: day.date });
        }
      },
    });
    expect(alarms).toBeGreaterThan(21);
    expect(sawWaiting).toBe(true);

    // The analysis proved the strongest variant, and it is what the video shows now.
    const winner = f.wf.thumbnails[2]!.id;
    expect(ab).toMatchObject({ is_running: false, decision: "winner", verdict: "winner", winner_id: winner });
    const r = ab.rotation!;
    expect(r.state).toBe("restored");
    expect(r.restore).toMatchObject({ target: winner, last_error: null });
    const after = await videoOf(f.world);
    expect(after.live_thumbnail).toMatchObject({ sha256: hashes[2], width: 1280, height: 720 });
    // Titles changed by read-modify-write: the description and tags survived every update.
    expect(after.title).toBe(titles[winner]);
    expect(after.description).toBe(before.description);
    expect(after.tags).toEqual(before.tags);

    // Every swap the rotation recorded reached YouTube exactly once: one upload per swap and restore.
    const uploads = (await fakeLog(f.world, "thumbnails.set")).filter((e) => e.video_id === VIDEO);
    // (A restore of what is already live sends nothing.)
    expect(uploads).toHaveLength(applied(ab).filter((s) => s.units > 0).length);
    expect(r.swaps.filter((s) => s.outcome === "failed")).toEqual([]);
    const swapDays = applied(ab)
      .filter((s) => s.kind === "swap")
      .map((s) => s.date);
    expect(new Set(swapDays).size).toBe(swapDays.length);
    for (const u of uploads) expect([u.width, u.height]).toEqual([1280, 720]);
    const updates = (await fakeLog(f.world, "videos.update")).filter((e) => e.video_id === VIDEO);
    // A restore of the variant that was already live leaves the title as it is (one read, no update).
    expect(updates.length).toBeGreaterThanOrEqual(applied(ab).filter((s) => s.units > 0).length - 1);

    // The live image is a real 1280×720 PNG (signature and IHDR).
    const live = new Uint8Array(await (await fetch(after.live_thumbnail.url)).arrayBuffer());
    expect(pngSize(live)).toEqual({ width: 1280, height: 720 });

    // The re-issued report replaced the first version of its day; each version was read once, oldest first.
    const reissued = r.days.find((d) => d.date === reissuedDay)!;
    expect(reissued.state).toBe("reported");
    expect(reissued.impressions).not.toBe(firstCount);
    const versions = (await fakeLog(f.world, "reporting.download")).filter((e) => e.day === reissuedDay).map((e) => e.version as number);
    expect(versions.length).toBeGreaterThanOrEqual(2);
    expect(versions).toEqual(versions.map((_, i) => i + 1));

    // Reported days carry watch time per impression; the ledger holds every unit the rotation spent.
    const reported = r.days.filter((d) => d.state === "reported");
    expect(reported.length).toBeGreaterThanOrEqual(r.blocks_analysed * 3);
    expect(reported.every((d) => d.watch_minutes_per_impression! > 0)).toBe(true);
    const ledger = await env.DB.prepare("SELECT COALESCE(SUM(units), 0) AS units FROM youtube_quota_ledger WHERE team_id = ?")
      .bind(f.user.userId)
      .first<{ units: number }>();
    expect(ledger!.units).toBeGreaterThanOrEqual(r.quota.used_units);
    expect(r.quota.used_units).toBe(r.swaps.reduce((n, s) => n + s.units, 0));
    for (const s of applied(ab)) expect([102, 52, 0]).toContain(s.units);
    expect(r.quota.used_units).toBeLessThanOrEqual(r.quota.planned_units);
    // The export names the winner with its title.
    const results = await call("GET", `/workflows/${f.wf.id}/results`, { token: f.user.token });
    expect(results.status).toBe(200);
    expect(results.body.ab_test_summary).toMatchObject({ analytics_source: "youtube", winner_id: winner, decision: "winner" });
    expect(results.body.studio.title_options[0]).toBe(titles[winner]);
    const markdown = await call("GET", `/workflows/${f.wf.id}/export?format=markdown`, { token: f.user.token });
    expect(markdown.status).toBe(200);
    expect(String(markdown.body)).toContain("**Tested on your YouTube video:**");
  }, 240_000);
});
