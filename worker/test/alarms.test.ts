import { evictDurableObject, runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import type { AbStatus, Results, WorkflowState } from "../shared/contract";
import { alarmAt, call, drainAlarms, expectProblem, newUser, sleep, stubOf, toAbTesting } from "./helpers";

const POLL_MS = Number(env.AB_POLL_INTERVAL_SECONDS) * 1000;
const status = async (id: string, token: string) => (await call<AbStatus>("GET", `/workflows/${id}/ab-status`, { token })).body;

describe("alarms", () => {
  it("polls only when due, and a retried or early alarm counts nothing twice", async () => {
    const { token } = await newUser("alarm");
    const wf = await toAbTesting(token);
    const stub = stubOf(wf.id);
    const armed = await runInDurableObject(stub, (_o, state) => state.storage.getAlarm());
    expect(armed).not.toBeNull();
    // Fired early (before the poll is due): nothing happens, and the alarm is re-armed.
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    expect((await status(wf.id, token)).polls).toBe(0);
    const at = Date.now() + POLL_MS;
    await alarmAt(stub, at);
    await alarmAt(stub, at); // the same alarm delivered again
    const once = await status(wf.id, token);
    expect(once.polls).toBe(1);
    const impressions = once.variants.map((v) => v.impressions);
    expect(impressions.every((n) => n > 0)).toBe(true);
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    expect((await status(wf.id, token)).variants.map((v) => v.impressions)).toEqual(impressions);
  });

  it("polls from the alarm handler itself once a poll is due on the wall clock", { timeout: 20_000 }, async () => {
    const { token } = await newUser("alarm-real");
    const wf = await toAbTesting(token);
    await sleep(POLL_MS + 50);
    // Whether workerd fired the alarm on its own first or not, exactly one poll is taken.
    expect(await runDurableObjectAlarm(stubOf(wf.id))).toBe(true);
    const s = await status(wf.id, token);
    expect(s.polls).toBe(1);
    expect(s.variants.every((v) => v.impressions > 0)).toBe(true);
  });

  it("ends an undecided test at the deadline with decision 'timeout' and a verdict", async () => {
    const { token } = await newUser("timeout");
    const wf = await toAbTesting(token);
    const stub = stubOf(wf.id);
    const s0 = await status(wf.id, token);
    await alarmAt(stub, Date.now() + POLL_MS);
    await alarmAt(stub, Date.parse(s0.deadline_at));
    const s1 = await status(wf.id, token);
    expect(s1.is_running).toBe(false);
    expect(s1.decision).toBe("timeout");
    expect(["winner", "preferred", "inconclusive"]).toContain(s1.verdict);
    expect(s1.winner_id).not.toBeNull();
    expect(s1.explanation).toMatch(/\d/);
    await drainAlarms(stub);
    expect((await status(wf.id, token)).polls).toBe(s1.polls);
    const results = await call<Results>("GET", `/workflows/${wf.id}/results`, { token });
    expect(results.body.ab_test_summary.decision).toBe("timeout");
    expectProblem(await call("POST", `/workflows/${wf.id}/stop-test`, { token }), 409);
  });

  it("survives a restart of the object mid-test and resumes polling", async () => {
    const { token } = await newUser("restart");
    const wf = await toAbTesting(token);
    const stub = stubOf(wf.id);
    const firstPoll = Date.now() + POLL_MS;
    await alarmAt(stub, firstPoll);
    const before = await status(wf.id, token);
    expect(before.polls).toBe(1);
    // Simulate the lost-alarm case seen locally on restart: delete the alarm, then evict.
    await runInDurableObject(stub, (_o, state) => state.storage.deleteAlarm());
    await evictDurableObject(stub);
    const fresh = stubOf(wf.id);
    const after = await status(wf.id, token);
    expect(after.variants).toEqual(before.variants);
    // The constructor re-armed the lost alarm (no later than the next poll); the poll then runs.
    const rearmed = await runInDurableObject(fresh, (_o, state) => state.storage.getAlarm());
    expect(rearmed).not.toBeNull();
    expect(rearmed!).toBeLessThanOrEqual(firstPoll + POLL_MS);
    await alarmAt(fresh, firstPoll + POLL_MS);
    const resumed = await status(wf.id, token);
    expect(resumed.polls).toBe(2);
    expect(resumed.variants.reduce((a, v) => a + v.impressions, 0)).toBeGreaterThan(before.variants.reduce((a, v) => a + v.impressions, 0));
  });

  it("stops polling after stop-test", async () => {
    const { token } = await newUser("stop");
    const wf = await toAbTesting(token);
    const stub = stubOf(wf.id);
    const stopped = await call<WorkflowState>("POST", `/workflows/${wf.id}/stop-test`, { token });
    expect(stopped.body.ab_test?.decision).toBe("stopped");
    expect(stopped.body.status).toBe("completed");
    expect(await drainAlarms(stub)).toBeLessThanOrEqual(1);
    expect((await status(wf.id, token)).polls).toBe(0);
  });
});

describe("external analytics", () => {
  it("takes cumulative pushes as looks, rejects bad ones unchanged, and reaches a decision", async () => {
    const { token } = await newUser("external");
    const wf = await toAbTesting(token, "external");
    const [a, b, c] = wf.thumbnails.map((t) => t.id) as [string, string, string];
    const stub = stubOf(wf.id);
    // No simulated polling for an external source.
    await alarmAt(stub, Date.now() + POLL_MS);
    expect((await status(wf.id, token)).polls).toBe(0);

    const push = (ia: number, ca: number, ib: number, cb: number, ic: number, cc: number) =>
      call<AbStatus>("POST", `/workflows/${wf.id}/metrics`, {
        token,
        body: {
          variants: [
            { thumbnail_id: a, impressions: ia, clicks: ca },
            { thumbnail_id: b, impressions: ib, clicks: cb },
            { thumbnail_id: c, impressions: ic, clicks: cc },
          ],
        },
      });
    const first = await push(1000, 80, 1000, 60, 1000, 100);
    expect(first.status).toBe(200);
    expect(first.body.polls).toBe(1);
    expect(first.body.variants.find((v) => v.thumbnail_id === c)!.clicks).toBe(100);

    expectProblem(await push(900, 80, 1000, 60, 1000, 100), 400); // went down
    expectProblem(await push(1000, 1001, 1000, 60, 1000, 100), 400); // clicks > impressions
    const missing = await call("POST", `/workflows/${wf.id}/metrics`, {
      token,
      body: { variants: [{ thumbnail_id: a, impressions: 2000, clicks: 100 }] },
    });
    expectProblem(missing, 400);
    const unknown = await call("POST", `/workflows/${wf.id}/metrics`, {
      token,
      body: {
        variants: [
          { thumbnail_id: a, impressions: 2000, clicks: 100 },
          { thumbnail_id: b, impressions: 2000, clicks: 100 },
          { thumbnail_id: "zzz", impressions: 1, clicks: 0 },
        ],
      },
    });
    expectProblem(unknown, 400);
    const badSplit = await call("POST", `/workflows/${wf.id}/metrics`, {
      token,
      body: { variants: wf.thumbnails.map((t) => ({ thumbnail_id: t.id, impressions: 5000, clicks: 500 })), allocation: { zzz: 1 } },
    });
    expect(expectProblem(badSplit, 400).errors?.[0]?.path).toBe("allocation.zzz");
    expect((await status(wf.id, token)).polls).toBe(1);

    // Viral far ahead: about 10% against 6% and 8%, growing until the engine proves it.
    let reply = first;
    for (let n = 2; n <= 60 && reply.body.is_running; n++) {
      const imp = n * 1000;
      reply = await push(imp, Math.round(imp * 0.08), imp, Math.round(imp * 0.06), imp, Math.round(imp * 0.1));
      expect(reply.status).toBe(200);
    }
    expect(reply.body.is_running).toBe(false);
    expect(reply.body.decision).toBe("winner");
    expect(reply.body.winner_id).toBe(c);
    expect(reply.body.current_confidence).toBeGreaterThanOrEqual(0.95);
    expect(reply.body.explanation).toMatch(/Viral/);
    expectProblem(await push(999_999, 1, 999_999, 1, 999_999, 1), 409);
    const results = await call<Results>("GET", `/workflows/${wf.id}/results`, { token });
    expect(results.body.winning_content.thumbnail.id).toBe(c);
  });

  it("refuses pushes to a simulated test", async () => {
    const { token } = await newUser("simpush");
    const wf = await toAbTesting(token, "simulated");
    const body = { variants: wf.thumbnails.map((t) => ({ thumbnail_id: t.id, impressions: 10, clicks: 1 })) };
    expectProblem(await call("POST", `/workflows/${wf.id}/metrics`, { token, body }), 409);
  });
});
