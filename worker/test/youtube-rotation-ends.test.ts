// How a rotation ends or stalls against the fake Google: a spent quota moves a swap to the next
// midnight; a stop, a disconnect and a lost grant each leave the video in a known state (the
// original back, or the rotation paused until the creator reconnects).
import { runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, inject, it } from "vitest";
import type { WorkflowObject } from "../do/workflow-object";
import type { AbStatus, WorkflowState } from "../shared/contract";
import { alarmAt, call, drainAlarms } from "./helpers";
import { abStatus, nextAlarm, readyToRotate, runRotation, select } from "./rotation-support";
import { callback, consent, control, fakeLog, fakeState, startConnect } from "./youtube-support";

const VIDEO = "fkVidSteady";
const videoOf = async (world: string) => (await fakeState(world)).videos.find((v: { id: string }) => v.id === VIDEO);
const applied = (ab: AbStatus) => ab.rotation!.swaps.filter((s) => s.outcome === "applied" && s.kind === "swap");
const receiverBase = inject("fakeWebhookUrl");

describe("a spent quota, then a stop", () => {
  it("moves the swap to the next midnight with a notice, counts that day for nothing, and a stop puts the original back", async () => {
    const f = await readyToRotate("quota");
    const before = await videoOf(f.world);
    expect((await select(f, { video: VIDEO, vary: "thumbnail" })).status).toBe(200);
    await control(f.world, "POST", "faults", { op: "thumbnails.set", kind: "quota_exceeded", times: 1 });

    // The first midnight: YouTube answers quotaExceeded, so the first day cannot show its variant.
    const failed = await runRotation(f, (s) => s.rotation!.swaps.length > 0);
    const attempt = failed.ab.rotation!.swaps[0]!;
    expect(attempt).toMatchObject({ outcome: "failed", kind: "swap", date: failed.ab.rotation!.days[0]!.date });
    expect(attempt.detail).toMatch(/quota/i);
    // The retry waits for the quota's reset at the next midnight Pacific (a day after the first swap was due).
    expect(Date.parse(failed.ab.rotation!.next_swap_at!) - Date.parse(attempt.at)).toBeGreaterThan(23 * 3_600_000);
    const wf = await call<WorkflowState>("GET", `/workflows/${f.wf.id}/status`, { token: f.user.token });
    expect(wf.body.notices.join(" ")).toMatch(/quota is spent.*midnight Pacific/);

    // The next midnight the swap goes through; the first day is lost, the second is live.
    const next = await runRotation(f, (s) => applied(s).length === 1);
    const days = next.ab.rotation!.days;
    expect(days[0]!.state).toBe("lost");
    expect(days[1]!.state).toBe("live");
    expect((await videoOf(f.world)).live_thumbnail.is_original).toBe(false);

    // The creator stops: the original thumbnail goes back (the title was never touched).
    const stopped = await call<WorkflowState>("POST", `/workflows/${f.wf.id}/stop-test`, { token: f.user.token, body: {} });
    expect(stopped.status).toBe(200);
    expect(stopped.body.ab_test).toMatchObject({ decision: "stopped", is_running: false });
    expect(stopped.body.ab_test!.rotation!.restore).toMatchObject({ target: "original", done_at: null });
    const end = await runRotation(f, (s) => s.rotation!.state === "restored");
    expect(end.ab.rotation!.state).toBe("restored");
    const video = await videoOf(f.world);
    expect(video.live_thumbnail).toMatchObject({ is_original: true, label: "original", width: 1280, height: 720 });
    expect(video.title).toBe(before.title);
    expect((await fakeLog(f.world, "videos.update")).filter((e) => e.video_id === VIDEO)).toEqual([]);
    // Nothing more is scheduled for the video.
    const after = await abStatus(f);
    expect(after.rotation!.next_swap_at).toBeNull();
  }, 120_000);
});

describe("a swap that fails halfway", () => {
  it("is tried again minutes later with the same image, so the day still shows its variant", async () => {
    const f = await readyToRotate("retry");
    expect((await select(f, { video: VIDEO, vary: "thumbnail" })).status).toBe(200);
    // The upload goes through, then the read that verifies it answers 503.
    await control(f.world, "POST", "faults", { op: "videos.list", kind: "server_error", times: 1 });
    const { ab } = await runRotation(f, (s) => applied(s).length === 1);
    const [failed, done] = ab.rotation!.swaps;
    expect(failed).toMatchObject({ outcome: "failed", date: ab.rotation!.days[0]!.date, units: 51 });
    expect(done).toMatchObject({ outcome: "applied", date: failed!.date, target: failed!.target, units: 51 });
    expect(Date.parse(done!.at) - Date.parse(failed!.at)).toBe(5 * 60_000);
    // Both attempts uploaded the same bytes; the day counts for its variant.
    const uploads = (await fakeLog(f.world, "thumbnails.set")).filter((e) => e.video_id === VIDEO);
    expect(uploads).toHaveLength(2);
    expect(uploads[0]!.sha256).toBe(uploads[1]!.sha256);
    expect(ab.rotation!.days[0]!.state).toBe("live");
  }, 120_000);
});

describe("a call cut off before its outcome was recorded", () => {
  it("counts the next one as another attempt, so the ledger keeps both charges", async () => {
    const f = await readyToRotate("cut-off");
    expect((await select(f, { video: VIDEO, vary: "thumbnail" })).status).toBe(200);
    // As if the object restarted in the middle of a swap that had reached Google.
    await runInDurableObject(f.stub, (_o: WorkflowObject, state) => state.storage.kv.put("rotation-call-in-flight", 1));
    await runRotation(f, (s) => applied(s).length === 1);
    const rows = await env.DB.prepare("SELECT id FROM youtube_quota_ledger WHERE team_id = ? AND id LIKE ?")
      .bind(f.user.userId, `${f.wf.id}:swap:%`)
      .all<{ id: string }>();
    // The upload's row names attempt 2 (the verifying read is keyed by its own random id).
    expect(rows.results.map((r) => r.id.slice(r.id.indexOf(":thumbnail#")))).toEqual([":thumbnail#2:thumbnails.set"]);
    expect(
      await runInDurableObject(f.stub, (_o: WorkflowObject, state) => state.storage.kv.get("rotation-call-in-flight")),
    ).toBeUndefined();
  }, 120_000);
});

describe("a stop before the first swap", () => {
  it("restores nothing, because the original never left the video", async () => {
    const f = await readyToRotate("early-stop");
    expect((await select(f, { video: VIDEO, vary: "both" })).status).toBe(200);
    const stopped = await call<WorkflowState>("POST", `/workflows/${f.wf.id}/stop-test`, { token: f.user.token, body: {} });
    expect(stopped.status).toBe(200);
    const { ab } = await runRotation(f, (s) => s.rotation!.state === "restored");
    expect(ab.rotation!.swaps).toEqual([expect.objectContaining({ kind: "restore", target: "original", units: 0 })]);
    expect(await fakeLog(f.world, "thumbnails.set")).toEqual([]);
    expect(await fakeLog(f.world, "videos.update")).toEqual([]);
  }, 120_000);
});

describe("disconnecting the channel", () => {
  it("ends the running rotation and puts the original thumbnail and title back before the grant is revoked", async () => {
    const f = await readyToRotate("disconnect");
    const before = await videoOf(f.world);
    expect((await select(f, { video: VIDEO, vary: "both" })).status).toBe(200);
    await runRotation(f, (s) => applied(s).length === 2);
    expect((await videoOf(f.world)).title).not.toBe(before.title);

    const gone = await call("DELETE", "/youtube", { token: f.user.token });
    expect(gone.status).toBe(200);
    expect(gone.body).toEqual({ revoked: true });
    const ab = await abStatus(f);
    expect(ab).toMatchObject({ is_running: false, decision: "stopped" });
    expect(ab.explanation).toMatch(/disconnected/);
    expect(ab.rotation!.restore).toMatchObject({ target: "original", last_error: null });
    expect(ab.rotation!.restore!.done_at).not.toBeNull();
    const video = await videoOf(f.world);
    expect(video.live_thumbnail.is_original).toBe(true);
    expect(video).toMatchObject({ title: before.title, description: before.description, tags: before.tags });
    // The restore reached YouTube before the revocation.
    const log = (await fakeLog(f.world)).map((e) => e.event);
    expect(log.lastIndexOf("thumbnails.set")).toBeLessThan(log.indexOf("oauth.revoke"));
    expect((await call("GET", "/youtube", { token: f.user.token })).body.status).toBe("not_connected");
  }, 120_000);
});

describe("disconnecting while YouTube fails", () => {
  it("still disconnects, and says the video could not be restored so the creator checks it in YouTube Studio", async () => {
    const f = await readyToRotate("disconnect-fails");
    expect((await select(f, { video: VIDEO, vary: "thumbnail" })).status).toBe(200);
    await runRotation(f, (s) => applied(s).length === 1);
    await control(f.world, "POST", "faults", { op: "thumbnails.set", kind: "server_error", times: 1 });
    const gone = await call("DELETE", "/youtube", { token: f.user.token });
    expect(gone.body).toEqual({ revoked: true });
    const ab = await abStatus(f);
    expect(ab.rotation!.restore).toMatchObject({ target: "original", done_at: null, next_attempt_at: null });
    expect(ab.rotation!.restore!.last_error).toMatch(/503|backend/i);
    // A restore given up is named for what it is (before the phase existed it read as a pause).
    expect(ab.rotation!.state).toBe("abandoned");
    expect(ab.rotation!.paused_reason).toMatch(/503|backend/i);
    const wf = await call<WorkflowState>("GET", `/workflows/${f.wf.id}/status`, { token: f.user.token });
    expect(wf.body.notices.at(-1)).toMatch(/could not be restored.*YouTube Studio/);
    // Nothing is left to try: whatever the alarm still runs sends nothing more to YouTube.
    const uploads = (await fakeLog(f.world, "thumbnails.set")).length;
    await drainAlarms(f.stub);
    expect((await fakeLog(f.world, "thumbnails.set")).length).toBe(uploads);
    expect((await abStatus(f)).rotation!.restore!.done_at).toBeNull();
  }, 120_000);
});

describe("the video or the channel changes under the test", () => {
  it("ends the test when the creator deletes the video, with nothing to put back", async () => {
    const f = await readyToRotate("deleted-video");
    expect((await select(f, { video: VIDEO, vary: "thumbnail" })).status).toBe(200);
    await runRotation(f, (s) => applied(s).length === 1);
    await control(f.world, "POST", "delete-video", { video_id: VIDEO });
    const { ab } = await runRotation(f, (s) => !s.is_running);
    expect(ab).toMatchObject({ decision: "stopped" });
    expect(ab.explanation).toMatch(/no longer on YouTube/);
    expect(ab.rotation!.restore).toMatchObject({ target: "original", done_at: null, next_attempt_at: null });
    expect(ab.rotation!.state).toBe("abandoned");
    // Nothing more is tried (no quota spent on a video that is gone).
    const calls = (await fakeLog(f.world)).length;
    await drainAlarms(f.stub);
    expect((await fakeLog(f.world)).length).toBe(calls);
  }, 120_000);

  it("pauses when the creator reconnects another channel, instead of reading that channel's reports", async () => {
    const f = await readyToRotate("channel-a");
    expect((await select(f, { video: VIDEO, vary: "thumbnail" })).status).toBe(200);
    await runRotation(f, (s) => applied(s).length === 1);
    // The creator connects again and picks another of their channels on Google's page.
    // (The fake names a channel after its world's first characters: this one must differ.)
    const otherWorld = `zz-${crypto.randomUUID()}`;
    const other = await startConnect(otherWorld, { token: f.user.token });
    expect((await callback(await consent(other), other.cookie)).searchParams.get("youtube")).toBe("connected");
    const { ab } = await runRotation(f, (s) => s.rotation!.state === "paused");
    expect(ab.rotation!.paused_reason).toMatch(/is not the one this video is on/);
    expect((await fakeLog(otherWorld, "reporting.download")).length).toBe(0);
    expect((await fakeLog(otherWorld, "thumbnails.set")).length).toBe(0);
  }, 120_000);
});

describe("deleting the account", () => {
  it("puts the original back on a video under test before the workflow and the tokens are gone", async () => {
    const f = await readyToRotate("deleted");
    expect((await select(f, { video: VIDEO, vary: "thumbnail" })).status).toBe(200);
    await runRotation(f, (s) => applied(s).length === 1);
    expect((await videoOf(f.world)).live_thumbnail.is_original).toBe(false);
    const deleted = await call("DELETE", "/account", { token: f.user.token, body: { password: "correct-horse-42" } });
    expect(deleted.status).toBe(204);
    expect((await videoOf(f.world)).live_thumbnail).toMatchObject({ is_original: true, label: "original" });
    const log = (await fakeLog(f.world)).map((e) => e.event);
    expect(log.lastIndexOf("thumbnails.set")).toBeLessThan(log.indexOf("oauth.revoke"));
  }, 120_000);
});

describe("a lost grant", () => {
  it("pauses the rotation (no guessing), tells the creator in the app and by webhook, and resumes once reconnected", async () => {
    const f = await readyToRotate("paused");
    const receiver: { id: string; url: string } = await (
      await fetch(`${receiverBase}/__receivers`, { method: "POST", body: JSON.stringify({ secret: "whsec_placeholder" }) })
    ).json();
    const hook = await call("POST", "/webhooks", { token: f.user.token, body: { url: receiver.url } });
    expect(hook.status).toBe(201);
    await fetch(`${receiverBase}/__receivers/${receiver.id}`, { method: "PUT", body: JSON.stringify({ secret: hook.body.secret }) });
    expect((await select(f, { video: VIDEO, vary: "thumbnail" })).status).toBe(200);
    await runRotation(f, (s) => applied(s).length === 1);

    // Google stops honouring the refresh token (Testing mode's 7 days, or revoked in the account).
    await control(f.world, "POST", "expire-refresh-tokens");
    const paused = await runRotation(f, (s) => s.rotation!.state === "paused");
    expect(paused.ab.rotation!.paused_reason).toMatch(/reconnect/i);
    expect((await call("GET", "/youtube", { token: f.user.token })).body.status).toBe("needs_reconnect");
    const notices = (await call<WorkflowState>("GET", `/workflows/${f.wf.id}/status`, { token: f.user.token })).body.notices;
    expect(notices.join(" ")).toMatch(/paused/);
    // While paused, hourly tries cost nothing and change nothing on the video.
    const uploads = (await fakeLog(f.world, "thumbnails.set")).length;
    const still = await runRotation(f, (s) => s.rotation!.swaps.filter((x) => x.outcome === "failed").length >= 3);
    expect(still.ab.rotation!.state).toBe("paused");
    expect((await fakeLog(f.world, "thumbnails.set")).length).toBe(uploads);
    expect(still.ab.rotation!.swaps.filter((x) => x.outcome === "failed").every((x) => x.units === 0)).toBe(true);

    // The creator reconnects; the next try swaps, and the rotation goes on.
    const again = await startConnect(f.world, { token: f.user.token });
    const back = await callback(await consent(again), again.cookie);
    expect(back.searchParams.get("youtube")).toBe("connected");
    const resumed = await runRotation(f, (s) => applied(s).length === 2);
    expect(resumed.ab.rotation!.state).toBe("running");
    expect(resumed.ab.rotation!.paused_reason).toBeNull();

    // Deliveries go out from the alarm: one more run sends what the last swap announced.
    await alarmAt(f.stub, (await nextAlarm(f.stub))!);
    // The receiver got the news, signed: swaps applied, the swap that failed, and reconnect needed (once).
    const deliveries: { verified: boolean; body: { type: string; data: any } }[] = await (
      await fetch(`${receiverBase}/__receivers/${receiver.id}/deliveries`)
    ).json();
    expect(deliveries.every((d) => d.verified)).toBe(true);
    const types = deliveries.map((d) => d.body.type);
    expect(types.filter((t) => t === "youtube.reconnect_needed")).toHaveLength(1);
    expect(types.filter((t) => t === "youtube.swap_applied").length).toBeGreaterThanOrEqual(2);
    expect(types).toContain("youtube.swap_failed");
    const swap = deliveries.find((d) => d.body.type === "youtube.swap_applied")!.body.data;
    expect(swap).toMatchObject({ workflow_id: f.wf.id, video_id: VIDEO, units: 51 });
  }, 120_000);
});
