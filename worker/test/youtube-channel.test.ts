// The YouTubeChannel client against the fake Google: token refresh (before expiry and after a
// 401), a refused refresh that asks for reconnecting, thumbnails.set with real PNGs, title changes
// that keep the rest of the snippet, typed errors, and the quota ledger.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { nextPacificMidnight, pacificDay } from "../domain/youtube/pacific";
import { renderPng } from "../render/png";
import { openYouTubeChannel } from "../youtube/channel";
import { YouTubeError } from "../youtube/errors";
import { recordCharges, unitsUsed } from "../youtube/store";
import { call } from "./helpers";
import { cfg, connected, control, fakeLog, fakeState, sha256Hex, solidPng } from "./youtube-support";

const world = () => `channel-${crypto.randomUUID()}`;
const open = (userId: string, now?: () => number) =>
  openYouTubeChannel({ cfg: cfg(), db: env.DB, teamId: userId, ...(now ? { now } : {}) });
const status = (userId: string) =>
  env.DB.prepare("SELECT status, last_error FROM youtube_connections WHERE team_id = ?")
    .bind(userId)
    .first<{ status: string; last_error: string }>();

async function rejection(promise: Promise<unknown>): Promise<YouTubeError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(YouTubeError);
  return err as YouTubeError;
}

describe("tokens", () => {
  it("refreshes before expiry by our clock, and after a 401 when Google's clock says it expired", async () => {
    const w = world();
    const user = await connected(w);
    // Our clock says the hour is nearly up: refresh first, then call.
    const soon = await open(user.userId, () => Date.now() + 58 * 60_000);
    await soon.getVideo("fkVidRecent");
    expect((await fakeLog(w, "oauth.token")).map((e) => e.grant_type)).toEqual(["authorization_code", "refresh_token"]);

    // Google's clock moved on (its token expired) while ours did not: one 401, one refresh, one retry.
    await control(w, "POST", "clock", { advance_hours: 3 });
    const video = await (await open(user.userId)).getVideo("fkVidRecent");
    expect(video?.title).toBe("5 espresso mistakes everyone makes");
    expect((await fakeLog(w, "oauth.token")).filter((e) => e.grant_type === "refresh_token")).toHaveLength(2);
    expect((await status(user.userId))!.status).toBe("connected");
  });

  it("marks the connection needs_reconnect when Google refuses the refresh token, and stays paused", async () => {
    const w = world();
    const user = await connected(w);
    await control(w, "POST", "expire-refresh-tokens");
    await control(w, "POST", "clock", { advance_hours: 2 });
    const err = await rejection((await open(user.userId)).listRecentUploads());
    expect(err.kind).toBe("needs_reconnect");
    expect((await status(user.userId))!).toMatchObject({ status: "needs_reconnect", last_error: expect.stringContaining("invalid_grant") });
    // Nothing is tried again until the creator reconnects.
    expect((await rejection(open(user.userId))).kind).toBe("needs_reconnect");
    expect((await call("GET", "/youtube", { token: user.token })).body.status).toBe("needs_reconnect");
    expect((await call("GET", "/youtube/videos", { token: user.token })).status).toBe(409);
  });

  it("loses the grant after 7 days in Google's Testing mode", async () => {
    const w = world();
    await control(w, "POST", "testing-mode", { refresh_days: 7 });
    const user = await connected(w);
    await control(w, "POST", "clock", { advance_days: 6 });
    await (await open(user.userId)).getVideo("fkVidRecent");
    await control(w, "POST", "clock", { advance_days: 2 });
    expect((await rejection((await open(user.userId)).getVideo("fkVidRecent"))).kind).toBe("needs_reconnect");
  });
});

describe("thumbnails.set", () => {
  it("uploads the rendered 1280×720 PNG, which the fake checks and puts live", async () => {
    const w = world();
    const user = await connected(w);
    const channel = await open(user.userId);
    const png = await renderPng(
      `<svg xmlns="http://www.w3.org/2000/svg" width="1280" height="720"><rect width="1280" height="720" fill="#123"/><text x="60" y="380" font-family="Anton" font-size="140" fill="#fff">VARIANT B</text></svg>`,
    );
    const result = await channel.setThumbnail("fkVidRecent", png, { idempotencyKey: "wf1:swap:2026-11-21" });
    expect(result).toMatchObject({ videoId: "fkVidRecent", contentType: "image/png", bytes: png.byteLength, sha256: await sha256Hex(png) });
    expect(result.thumbnailUrl).toContain(result.sha256);
    const [upload] = await fakeLog(w, "thumbnails.set");
    expect(upload).toMatchObject({ video_id: "fkVidRecent", sha256: result.sha256, width: 1280, height: 720, content_type: "image/png" });
    const live = (await fakeState(w)).videos.find((v: { id: string }) => v.id === "fkVidRecent").live_thumbnail;
    expect(live.sha256).toBe(result.sha256);
    // The live thumbnail is served back at the URL YouTube reported.
    expect(new Uint8Array(await (await fetch(result.thumbnailUrl!)).arrayBuffer())).toEqual(png);
    expect(channel.takeCharges()).toMatchObject([{ id: "wf1:swap:2026-11-21#1:thumbnails.set", method: "thumbnails.set", units: 50 }]);
  });

  it("downloads the original from the URL YouTube reports and puts the same bytes back: the fake sees 'original' again", async () => {
    const w = world();
    const user = await connected(w);
    const channel = await open(user.userId);
    const before = (await channel.getVideo("fkVidRecent"))!;
    const res = await fetch(before.thumbnailUrl!);
    expect(res.headers.get("content-type")).toBe("image/png");
    const original = new Uint8Array(await res.arrayBuffer());
    const ihdr = new DataView(original.buffer, 16, 8);
    expect([...original.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect([ihdr.getUint32(0), ihdr.getUint32(4)]).toEqual([1280, 720]);
    const liveOf = async () => (await fakeState(w)).videos.find((v: { id: string }) => v.id === "fkVidRecent").live_thumbnail;
    expect(await liveOf()).toMatchObject({ sha256: await sha256Hex(original), label: "original", is_original: true });

    const variant = await solidPng([10, 120, 60]);
    await control(w, "POST", "truth", { sha256: await sha256Hex(variant), ctr: 0.06, label: "B" });
    await channel.setThumbnail("fkVidRecent", variant, { idempotencyKey: "b" });
    expect(await liveOf()).toMatchObject({ label: "B", is_original: false });
    await channel.setThumbnail("fkVidRecent", original, { idempotencyKey: "restore" });
    expect((await fakeLog(w, "thumbnails.set")).map((e) => [e.label, e.width, e.height, e.replaced.label])).toEqual([
      ["B", 1280, 720, "original"],
      ["original", 1280, 720, "B"],
    ]);
    expect(await liveOf()).toMatchObject({ sha256: await sha256Hex(original), label: "original", is_original: true });
    // Another video's original is another image.
    const other = (await channel.getVideo("fkVidSteady"))!.thumbnailUrl!;
    expect(new Uint8Array(await (await fetch(other)).arrayBuffer())).not.toEqual(original);
  });

  it("refuses what is not a PNG or JPEG, or over 2 MB, before spending any quota", async () => {
    const user = await connected(world());
    const channel = await open(user.userId);
    const gif = new TextEncoder().encode("GIF89a....");
    expect((await rejection(channel.setThumbnail("fkVidRecent", gif, { idempotencyKey: "k" }))).kind).toBe("invalid_request");
    const huge = new Uint8Array(2 * 1024 * 1024 + 1);
    huge.set(await solidPng([1, 2, 3]));
    expect((await rejection(channel.setThumbnail("fkVidRecent", huge, { idempotencyKey: "k" }))).kind).toBe("invalid_request");
    expect(channel.takeCharges()).toEqual([]);
  });

  it("turns Google's 403s and 5xx into typed errors: quotaExceeded, forbidden, unavailable", async () => {
    const w = world();
    const user = await connected(w);
    const channel = await open(user.userId);
    const png = await solidPng([200, 30, 30]);
    await control(w, "POST", "faults", { op: "thumbnails.set", kind: "quota_exceeded" });
    const quota = await rejection(channel.setThumbnail("fkVidRecent", png, { idempotencyKey: "q" }));
    expect(quota).toMatchObject({ kind: "quota_exceeded", status: 403, reason: "quotaExceeded" });
    expect(quota.retryAt).toBe(nextPacificMidnight(Date.now()));
    expect(channel.takeCharges()).toEqual([]); // Google charges nothing for a refused call

    await control(w, "POST", "channel", { phone_verified: false });
    expect(await rejection(channel.setThumbnail("fkVidRecent", png, { idempotencyKey: "f" }))).toMatchObject({
      kind: "forbidden",
      status: 403,
    });
    await control(w, "POST", "channel", { phone_verified: true });

    await control(w, "POST", "faults", { op: "videos.list", kind: "server_error" });
    expect(await rejection(channel.getVideo("fkVidRecent"))).toMatchObject({ kind: "unavailable", status: 503 });
    expect((await status(user.userId))!.status).toBe("connected"); // none of these asks for reconnecting
  });

  it("hits the real daily limit: the fake's own quota runs out after the units the ledger counted", async () => {
    const w = world();
    const user = await connected(w);
    await control(w, "POST", "quota", { daily_limit: 120 }); // 1 unit went on channels.list at connect
    const channel = await open(user.userId);
    const png = await solidPng([0, 90, 200]);
    await channel.setThumbnail("fkVidRecent", png, { idempotencyKey: "a" });
    await channel.setThumbnail("fkVidRecent", png, { idempotencyKey: "b" });
    expect((await rejection(channel.setThumbnail("fkVidRecent", png, { idempotencyKey: "c" }))).kind).toBe("quota_exceeded");
    await recordCharges(env.DB, user.userId, channel.takeCharges());
    expect((await control(w, "GET", "state")).quota.used).toBe(101);
    expect((await unitsUsed(env.DB, pacificDay(Date.now()), user.userId)).user).toBe(101);
  });
});

describe("updateTitle", () => {
  it("changes only the title: description, tags and category survive videos.update", async () => {
    const w = world();
    const user = await connected(w);
    const channel = await open(user.userId);
    const before = (await channel.getVideo("fkVidSteady"))!;
    const result = await channel.updateTitle("fkVidSteady", "The only coffee gear tier list you need", { idempotencyKey: "wf2:title:1" });
    expect(result).toMatchObject({ unchanged: false, previousTitle: before.title, title: "The only coffee gear tier list you need" });
    const after = (await channel.getVideo("fkVidSteady"))!;
    expect(after).toMatchObject({
      title: result.title,
      description: before.description,
      tags: before.tags,
      categoryId: before.categoryId,
      defaultLanguage: "en",
    });
    expect(before.tags.length).toBeGreaterThan(0);
    expect(await fakeLog(w, "videos.update")).toMatchObject([{ video_id: "fkVidSteady", description_kept: true, tags_kept: true }]);

    // A retried swap finds the title already set: 1 unit to look, nothing sent.
    channel.takeCharges();
    expect((await channel.updateTitle("fkVidSteady", result.title, { idempotencyKey: "wf2:title:1", attempt: 2 })).unchanged).toBe(true);
    expect(channel.takeCharges().map((c) => [c.id, c.units])).toEqual([["wf2:title:1#2:videos.list", 1]]);
    expect(await fakeLog(w, "videos.update")).toHaveLength(1);
    expect((await rejection(channel.updateTitle("fkVidSteady", "<b>bold</b>", { idempotencyKey: "x" }))).kind).toBe("invalid_request");
  });
});

describe("the quota ledger", () => {
  it("counts units per Pacific day, once per charge id, for the project and per user", async () => {
    const [a, b] = [crypto.randomUUID(), crypto.randomUUID()];
    const day = "2031-03-10"; // the day after the spring DST switch (Sunday the 9th): midnight is 07:00 UTC
    const midnight = Date.parse("2031-03-10T07:00:00Z");
    const charge = (id: string, units: number, at: number) => ({ id, day: pacificDay(at), method: "thumbnails.set" as const, units, at });
    await recordCharges(env.DB, a, [
      charge(`${a}:1`, 50, midnight - 1),
      charge(`${a}:2`, 50, midnight),
      charge(`${a}:3`, 1, midnight + 3_600_000),
    ]);
    await recordCharges(env.DB, a, [charge(`${a}:2`, 50, midnight)]); // a retried alarm records the same charge again
    await recordCharges(env.DB, b, [charge(`${b}:1`, 50, midnight + 60_000)]);
    expect(await unitsUsed(env.DB, day, a)).toEqual({ project: 101, user: 51 });
    expect(await unitsUsed(env.DB, "2031-03-09", a)).toEqual({ project: 50, user: 50 });
  });
});
