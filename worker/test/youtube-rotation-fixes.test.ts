// What a rotation says and spends at its edges, against the fake Google: an end that puts the
// original back says so everywhere (and names the pick only as "your pick, not proven"); an early
// stop prints no meaningless interval; a reconnect mid-day spends nothing on a day already lost;
// and the quota's day follows the ledger's (YouTube's) clock.
import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, inject, it } from "vitest";
import { app } from "../app";
import { toYouTube } from "../domain/rotation/clock";
import { WIDE_LIFT_INTERVAL } from "../domain/stats/interval-rule";
import { explainRotation } from "../domain/stats/rotation";
import { pacificDay, pacificMidnight } from "../domain/youtube/pacific";
import type { AbStatus, Results, WorkflowState } from "../shared/contract";
import type { YouTubeConnection } from "../shared/youtube";
import { openYouTubeChannel } from "../youtube/channel";
import { youtubeConfig } from "../youtube/config";
import { getConnection, recordCharges } from "../youtube/store";
import { BASE, alarmAt, call } from "./helpers";
import { abStatus, readyToRotate, runRotation, select, setClocks, setTruth } from "./rotation-support";
import { callback, connected, consent, control, fakeLog, startConnect } from "./youtube-support";

const VIDEO = "fkVidSteady";
const HOUR = 3_600_000;
const receiverBase = inject("fakeWebhookUrl");
const applied = (ab: AbStatus) => ab.rotation!.swaps.filter((s) => s.outcome === "applied" && s.kind === "swap");

/** Every "NN% interval A% to B%" in a text, as widths (1 = 100 percentage points). */
function intervalWidths(text: string): number[] {
  return [...text.matchAll(/interval ([+-−]?\d+)% to ([+-−]?\d+)%/g)].map((m) => (Number(m[2]) - Number(m[1])) / 100);
}

describe("an A/A rotation stopped after 3 blocks", () => {
  it("prints no interval wider than the rule allows, and every answer says the original is back on the video", async () => {
    // The rule itself: a 3-block interval like the one a black-box run saw is not printed as numbers.
    const wide = explainRotation(
      {
        verdict: "inconclusive-so-far",
        leaderId: "a",
        runnerUpId: "b",
        lift: { estimate: 2.1, interval: { lower: -0.99, upper: 147.41 } },
        blocksAnalysed: 3,
        blocksPlanned: 7,
      } as never,
      { a: "A", b: "B" },
    );
    expect(wide).toMatch(/too early to give a range/);
    expect(intervalWidths(wide)).toEqual([]);

    const f = await readyToRotate("aa-stop");
    const receiver: { id: string; url: string } = await (
      await fetch(`${receiverBase}/__receivers`, { method: "POST", body: JSON.stringify({ secret: "whsec_placeholder" }) })
    ).json();
    const hook = await call("POST", "/webhooks", { token: f.user.token, body: { url: receiver.url } });
    expect(hook.status).toBe(201);
    await fetch(`${receiverBase}/__receivers/${receiver.id}`, { method: "PUT", body: JSON.stringify({ secret: hook.body.secret }) });
    await setTruth(f.world, f.wf, [0.05, 0.05, 0.05]);
    expect((await select(f, { video: VIDEO, vary: "thumbnail" })).status).toBe(200);

    const early = await runRotation(f, (s) => (s.rotation!.blocks_analysed ?? 0) >= 3);
    expect(early.ab.is_running).toBe(true);
    for (const text of [early.ab.explanation ?? "", early.ab.summary.text])
      for (const width of intervalWidths(text)) expect(width).toBeLessThanOrEqual(WIDE_LIFT_INTERVAL);

    const stopped = await call<WorkflowState>("POST", `/workflows/${f.wf.id}/stop-test`, { token: f.user.token, body: {} });
    expect(stopped.status).toBe(200);
    const end = await runRotation(f, (s) => s.rotation!.state === "restored");
    const pick = f.wf.thumbnails[0]!.id;
    // ab-status: no winner, and the line says what is on the video.
    expect(end.ab).toMatchObject({ decision: "stopped", winner_id: null, creator_pick_id: pick });
    expect(end.ab.summary.text).toMatch(/original thumbnail is on the video; .* is your pick, not proven/);
    for (const width of intervalWidths(end.ab.explanation ?? "")) expect(width).toBeLessThanOrEqual(WIDE_LIFT_INTERVAL);

    // Results and the Studio package: the video carries the original; the pick is named as not proven.
    const results = await call<Results>("GET", `/workflows/${f.wf.id}/results`, { token: f.user.token });
    expect(results.status).toBe(200);
    expect(results.body.on_video).toMatchObject({ carries: "original", thumbnail_id: null });
    expect(results.body.on_video!.text).toMatch(/your pick, not proven/);
    expect(results.body.ab_test_summary.winner_id).toBeNull();
    expect(results.body.studio.thumbnail_png_url).toBe(end.ab.rotation!.video.original_thumbnail_url);
    const exported = await call("GET", `/workflows/${f.wf.id}/export?format=markdown`, { token: f.user.token });
    expect(exported.status).toBe(200);
    const markdown = typeof exported.body === "string" ? exported.body : JSON.stringify(exported.body);
    expect(markdown).toMatch(/On your video:.*original thumbnail is on the video/);
    expect(markdown).toMatch(/your pick, not proven/);
    expect(markdown).not.toMatch(/\(winner\)/);

    // The webhook: the test completed with no winner, and says what is on the video.
    await alarmAt(f.stub, Date.parse(end.ab.rotation!.swaps.at(-1)!.at) + 1000);
    const deliveries: { body: { type: string; data: Record<string, unknown> } }[] = await (
      await fetch(`${receiverBase}/__receivers/${receiver.id}/deliveries`)
    ).json();
    const completed = deliveries.find((d) => d.body.type === "ab_test.completed")!.body.data;
    expect(completed).toMatchObject({ decision: "stopped", winner_id: null });
    expect(completed.on_video).toMatch(/original thumbnail .*on the video; .* is your pick, not proven/);
  }, 120_000);
});

describe("a reconnect in the middle of a Pacific day", () => {
  it("makes no swap for the day already lost: nothing is sent and no unit spent until the next midnight", async () => {
    const f = await readyToRotate("reconnect-18h");
    expect((await select(f, { video: VIDEO, vary: "thumbnail" })).status).toBe(200);
    await runRotation(f, (s) => applied(s).length === 1);
    await control(f.world, "POST", "expire-refresh-tokens");
    // Paused across a midnight: that day's swap fails (the grant is gone).
    const paused = await runRotation(f, (s) => s.rotation!.swaps.some((x) => x.outcome === "failed" && x.kind === "swap"));
    expect(paused.ab.rotation!.state).toBe("paused");
    const lostDay = paused.ab.rotation!.swaps.find((x) => x.outcome === "failed")!.date;

    // 18:00 YouTube (Pacific) time on that day: the creator reconnects, and the alarm runs.
    const at18 = pacificMidnight(lostDay) + 18 * HOUR;
    await setClocks(f.stub, f.world, at18);
    const again = await startConnect(f.world, { token: f.user.token });
    expect((await callback(await consent(again), again.cookie)).searchParams.get("youtube")).toBe("connected");
    const uploads = (await fakeLog(f.world, "thumbnails.set")).length;
    const units = (await abStatus(f)).rotation!.quota.used_units;
    await alarmAt(f.stub, at18);
    const after = await abStatus(f);
    expect(after.rotation!.state).not.toBe("paused");
    const next = Date.parse(after.rotation!.next_swap_at!);
    expect(next).toBeGreaterThan(at18);
    expect(next).toBe(pacificMidnight(pacificDay(next)));

    // Until that midnight nothing is sent to the video and no unit is spent.
    const resumed = await runRotation(f, (s) => applied(s).length === 2, {
      before: async (at) => {
        if (at >= next) return;
        expect((await fakeLog(f.world, "thumbnails.set")).length).toBe(uploads);
        expect((await abStatus(f)).rotation!.quota.used_units).toBe(units);
      },
    });
    const swap = applied(resumed.ab).at(-1)!;
    expect(swap.date > lostDay).toBe(true);
    expect(Date.parse(swap.at)).toBe(next);
    expect(resumed.ab.rotation!.quota.used_units - units).toBe(swap.units);
  }, 120_000);
});

describe("one clock for YouTube", () => {
  it("gives GET /youtube the ledger's day, and stores the token expiry on that clock, when local days are compressed", async () => {
    const user = await connected(`clock-${crypto.randomUUID()}`);
    const real = Date.now();
    // 60-second days from ten real minutes ago: YouTube's day is ten days ahead of the real one.
    const compressed = { ...env, YOUTUBE_DAY_SECONDS: "60", YOUTUBE_CLOCK_EPOCH: String(real - 10 * 60_000) };
    const cfg = youtubeConfig(compressed);
    const ytNow = () => toYouTube(cfg.clock, Date.now());
    expect(pacificDay(ytNow())).not.toBe(pacificDay(real));
    const userId = user.userId;

    // A call the way a rotation makes it (YouTube's clock), charged to the ledger.
    const channel = await openYouTubeChannel({ cfg, db: env.DB, teamId: userId, now: ytNow });
    await channel.getVideo(VIDEO);
    const charges = channel.takeCharges();
    await recordCharges(env.DB, userId, charges);
    const ledgerDay = charges[0]!.day;
    expect(ledgerDay).toBe(pacificDay(ytNow()));
    // The refresh that call needed stored an expiry on the same clock.
    const row = (await getConnection(env.DB, userId))!;
    expect(row.accessExpiresAt).toBeGreaterThan(ytNow());
    expect(row.accessExpiresAt).toBeLessThanOrEqual(ytNow() + 3600 * 1000);

    const ctx = createExecutionContext();
    const res = await app.fetch(new Request(`${BASE}/youtube`, { headers: { authorization: `Bearer ${user.token}` } }), compressed, ctx);
    await waitOnExecutionContext(ctx);
    expect(res.status).toBe(200);
    const view = (await res.json()) as YouTubeConnection;
    expect(view.quota.day).toBe(ledgerDay);
    expect(view.quota.your_units).toBe(charges.reduce((s, c) => s + c.units, 0));
  });
});
