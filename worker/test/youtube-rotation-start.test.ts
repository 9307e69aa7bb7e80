// Starting a rotation: the video must be the creator's and public or scheduled, the plan must fit
// the day's quota budget and the video must be free; every refusal is a problem body that changes
// nothing, on the workflow or on YouTube.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { addDays, nextPacificMidnight, pacificDay } from "../domain/youtube/pacific";
import type { WorkflowState } from "../shared/contract";
import { call, expectProblem, newUser, toThumbnails } from "./helpers";
import { type RotationFixture, readyToRotate, select } from "./rotation-support";
import { control, fakeLog } from "./youtube-support";

async function unchanged(f: RotationFixture) {
  const wf = await call<WorkflowState>("GET", `/workflows/${f.wf.id}/status`, { token: f.user.token });
  expect(wf.body).toMatchObject({ status: "awaiting_thumbnail_selection", ab_test: null });
  expect(await fakeLog(f.world, "thumbnails.set")).toEqual([]);
}

describe("starting a YouTube rotation", () => {
  it("refuses what cannot be tested, at the field, and changes nothing", async () => {
    const f = await readyToRotate("refusals");
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ video: "not a video" }, "youtube.video", /URL or 11-character id/],
      [{ video: "https://www.youtube.com/watch?v=fkVidOthers" }, "youtube.video", /another channel/],
      [{ video: "fkVidPrivat" }, "youtube.video", /private/],
      [{ video: "fkVidSteady", days: 5 }, "youtube.days", /at least 18/],
      [{ video: "fkVidSteady", variants: [f.wf.thumbnails[1]!.id, f.wf.thumbnails[2]!.id] }, "youtube.variants", /must include your pick/],
      [{ video: "fkVidSteady", variants: [f.wf.thumbnails[0]!.id, "nope"] }, "youtube.variants", /does not have/],
      [{ video: "fkVidSteady", vary: "title", titles: { nope: "A title" } }, "youtube.titles", /does not have/],
      [{ video: "fkVidSteady", titles: { [f.wf.thumbnails[0]!.id]: "A title" } }, "youtube.titles", /only used when/],
    ];
    for (const [youtube, path, message] of cases) {
      const p = expectProblem(await select(f, youtube), 400);
      expect(p.errors, JSON.stringify(youtube)).toEqual([{ path, message: expect.stringMatching(message) }]);
    }
    // The schema: youtube settings belong to the youtube source only.
    const missing = await call("POST", `/workflows/${f.wf.id}/select-thumbnail`, {
      token: f.user.token,
      body: { thumbnail_id: f.wf.thumbnails[0]!.id, analytics_source: "youtube" },
    });
    expect(expectProblem(missing, 400).errors).toEqual([{ path: "youtube", message: expect.stringContaining("required") }]);
    const stray = await call("POST", `/workflows/${f.wf.id}/select-thumbnail`, {
      token: f.user.token,
      body: { thumbnail_id: f.wf.thumbnails[0]!.id, analytics_source: "simulated", youtube: { video: "fkVidSteady" } },
    });
    expect(expectProblem(stray, 400).errors![0]!.path).toBe("youtube");
    await unchanged(f);
  });

  it("refuses a plan over the day's quota budget, and a workflow without a connected channel", async () => {
    const f = await readyToRotate("budget");
    // Other work already booked nearly all of the rotation's first day.
    const first = pacificDay(nextPacificMidnight(f.start));
    const booked = crypto.randomUUID();
    await env.DB.prepare(
      "INSERT INTO youtube_quota_ledger (id, day, team_id, method, units, at) VALUES (?, ?, ?, 'videos.update', 9950, ?)",
    )
      .bind(booked, first, f.user.userId, f.start)
      .run();
    const p = expectProblem(await select(f, { video: "fkVidSteady" }), 409);
    expect(p.detail).toMatch(new RegExp(`exceed the daily YouTube budget on ${first}`));
    await unchanged(f);
    // Five days later 9,900 units are spent: one test's 51 a day still fits, a second one's does not,
    // because the running test has booked its swap for that day.
    const later = addDays(first, 5);
    await env.DB.prepare("UPDATE youtube_quota_ledger SET day = ?, units = 9900 WHERE id = ?").bind(later, booked).run();
    expect((await select(f, { video: "fkVidSteady" })).status).toBe(200);
    const second = await toThumbnails(f.user.token);
    const overrun = await call("POST", `/workflows/${second.id}/select-thumbnail`, {
      token: f.user.token,
      body: { thumbnail_id: second.thumbnails[0]!.id, analytics_source: "youtube", youtube: { video: "fkVidRecent" } },
    });
    expect(expectProblem(overrun, 409).detail).toBe(
      `The test would exceed the daily YouTube budget on ${later}: 9951 units used or booked by running tests + 51 planned > 10000. Raise YOUTUBE_DAILY_QUOTA_UNITS or start later.`,
    );
    // The budget is the whole project's: free it again for the other tests of this file.
    await env.DB.prepare("DELETE FROM youtube_quota_ledger WHERE id = ?").bind(booked).run();

    const stranger = await newUser("no-channel");
    const wf = await toThumbnails(stranger.token);
    const refused = await call("POST", `/workflows/${wf.id}/select-thumbnail`, {
      token: stranger.token,
      body: { thumbnail_id: wf.thumbnails[0]!.id, analytics_source: "youtube", youtube: { video: "fkVidSteady" } },
    });
    expect(expectProblem(refused, 409).detail).toMatch(/Connect your YouTube channel/);
  });

  it("checks a video before linking, warns about a young one, and gives each video to one test at a time", async () => {
    const f = await readyToRotate("link");
    const check = (video: string) => call("GET", `/youtube/videos/check?video=${encodeURIComponent(video)}`, { token: f.user.token });
    const young = await check("https://youtu.be/fkVidLaunch");
    expect(young.status).toBe(200);
    expect(young.body).toMatchObject({ ok: true, problems: [], video: { id: "fkVidLaunch", privacy_status: "public" } });
    expect(young.body.warnings.join(" ")).toMatch(/less than 2 days old/);
    expect((await check("fkVidOthers")).body).toMatchObject({ ok: false, problems: [expect.stringMatching(/another channel/)] });
    expectProblem(await check("junk"), 400);

    // A young video starts, with the warning kept as a notice on the workflow.
    const started = await select(f, { video: "fkVidLaunch" });
    expect(started.status, JSON.stringify(started.body)).toBe(200);
    expect(started.body.notices.join(" ")).toMatch(/less than 2 days old/);
    // A pushed count has no place in a test that reads YouTube's own reports.
    const push = await call("POST", `/workflows/${f.wf.id}/metrics`, {
      token: f.user.token,
      body: { variants: f.wf.thumbnails.map((t) => ({ thumbnail_id: t.id, impressions: 10, clicks: 1 })) },
    });
    expect(expectProblem(push, 409).detail).toMatch(/YouTube's own reports/);

    // A second workflow of the same creator cannot rotate the same video at the same time.
    const other = await toThumbnails(f.user.token);
    const clash = await call("POST", `/workflows/${other.id}/select-thumbnail`, {
      token: f.user.token,
      body: { thumbnail_id: other.thumbnails[0]!.id, analytics_source: "youtube", youtube: { video: "fkVidLaunch" } },
    });
    expect(expectProblem(clash, 409).detail).toMatch(/Another test is already rotating this video/);
    // Two of the three thumbnails, titles only: a 14-day rotation of two.
    const pair = [other.thumbnails[0]!.id, other.thumbnails[2]!.id];
    const free = await call<WorkflowState>("POST", `/workflows/${other.id}/select-thumbnail`, {
      token: f.user.token,
      body: {
        thumbnail_id: pair[0],
        analytics_source: "youtube",
        youtube: { video: "fkVidRecent", vary: "title", variants: pair },
      },
    });
    expect(free.status, JSON.stringify(free.body)).toBe(200);
    const rotation = free.body.ab_test!.rotation!;
    expect(rotation.days).toHaveLength(14);
    expect(free.body.ab_test!.variants.map((v) => v.thumbnail_id)).toEqual(pair);
    expect(Object.keys(rotation.titles!)).toEqual(pair);
    expect(new Set(rotation.days.map((d) => d.variant_id))).toEqual(new Set(pair));
    // A thumbnail left out of the rotation cannot be declared its winner.
    const outside = await call("POST", `/workflows/${other.id}/declare-winner`, {
      token: f.user.token,
      body: { thumbnail_id: other.thumbnails[1]!.id },
    });
    expect(expectProblem(outside, 400).errors![0]!.path).toBe("thumbnail_id");
  });
  it("refuses to change a thumbnail it could not put back, and still tests titles", async () => {
    const f = await readyToRotate("small-original");
    await control(f.world, "POST", "small-original", { video_id: "fkVidSteady" });
    const p = expectProblem(await select(f, { video: "fkVidSteady" }), 409);
    expect(p.detail).toMatch(/480 px wide copy.*too small to upload again/);
    await unchanged(f);
    const titles = await select(f, { video: "fkVidSteady", vary: "title" });
    expect(titles.status, JSON.stringify(titles.body)).toBe(200);
  });
});
