// The plan before a rotation, in the video check: the chance to prove a 10/20/50% CTR lift with
// 2 or 3 variants over 14–42 days, from the fake Google's reach reports (30-day backfill a day
// after the job exists); a video without days of its own gets the channel's typical video.
import { describe, expect, it } from "vitest";
import { call, expectProblem } from "./helpers";
import { connected, control, fakeLog } from "./youtube-support";

const world = () => `plan-${crypto.randomUUID()}`;
const check = (token: string, video: string) => call("GET", `/youtube/videos/check?video=${encodeURIComponent(video)}`, { token });
const power = (plan: any, variants: number, days: number, lift: number) =>
  plan.chances.find((c: any) => c.variants === variants && c.days === days && c.lift === lift).power as number;

describe("the plan in the video check", () => {
  it("reads the video's own reach history once the backfill has arrived, and only the newest version of each day", async () => {
    const w = world();
    const user = await connected(w);
    const before = await check(user.token, "fkVidSteady");
    expect(before.status).toBe(200);
    expect(before.body.plan).toMatchObject({ source: "none", history_days: 0, chances: [], recommended: null });
    expect(before.body.plan.note).toMatch(/no days for this channel yet/);

    await control(w, "POST", "clock", { advance_days: 3 });
    const res = await check(user.token, "https://youtu.be/fkVidSteady");
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const plan = res.body.plan;
    expect(plan.source).toBe("video");
    expect(plan.history_days).toBeGreaterThanOrEqual(12); // public 12 days before the job, reports two days late
    expect(plan.note).toMatch(/this video's last \d+ days/);
    // The fake's steady video: about 3,000 a day after its launch boost, CTR near its true 5%.
    expect(plan.impressions_per_day).toBeGreaterThan(2_000);
    expect(plan.impressions_per_day).toBeLessThan(6_000);
    expect(plan.ctr).toBeGreaterThan(0.02);
    expect(plan.ctr).toBeLessThan(0.12);
    expect(plan.chances).toHaveLength(2 * 4 * 3);
    for (const c of plan.chances) (expect(c.power).toBeGreaterThanOrEqual(0), expect(c.power).toBeLessThanOrEqual(1));
    expect(power(plan, 2, 42, 0.5)).toBeGreaterThan(power(plan, 2, 14, 0.1));
    expect(power(plan, 2, 28, 0.2)).toBeGreaterThanOrEqual(power(plan, 2, 14, 0.2));
    expect(power(plan, 2, 21, 0.2)).toBeGreaterThanOrEqual(power(plan, 3, 21, 0.2));
    if (plan.recommended) expect(plan.recommended.power).toBeGreaterThanOrEqual(0.8);
    else expect(plan.warning ?? "").not.toBe("");

    // One download per day however many versions YouTube made of it.
    const downloads = await fakeLog(w, "reporting.download");
    expect(downloads.length).toBeGreaterThan(0);
    expect(new Set(downloads.map((e) => e.day)).size).toBe(downloads.length);
    expect(downloads.length).toBeLessThanOrEqual(30);
  });

  it("falls back to the channel's typical video before the video has days, and shows nothing for another channel's video", async () => {
    const w = world();
    const user = await connected(w);
    await control(w, "POST", "clock", { advance_days: 3 });
    // Scheduled two days after the world began: public a day ago, so no report has a day of it yet.
    const res = await check(user.token, "fkVidSched1");
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.ok).toBe(true);
    const plan = res.body.plan;
    expect(plan.source).toBe("channel");
    expect(plan.note).toMatch(/no reach-report days yet.*typical video/);
    expect(plan.history_days).toBeGreaterThanOrEqual(7);
    expect(plan.impressions_per_day).toBeGreaterThan(0);
    expect(plan.chances).toHaveLength(24);
    expect(power(plan, 2, 42, 0.5)).toBeGreaterThan(0);

    const others = await check(user.token, "fkVidOthers");
    expect(others.body).toMatchObject({ ok: false, plan: null });
    expectProblem(await check(user.token, "not a video"), 400);
    expectProblem(await check(user.token, "fkVidMissin"), 404);
  });
});
