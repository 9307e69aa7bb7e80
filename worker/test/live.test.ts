import { env, exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import type { AbHistory, LiveMessage, WorkflowState } from "../shared/contract";
import { alarmAt, BASE, call, newUser, sleep, stubOf, toAbTesting, toThumbnails } from "./helpers";

const POLL_MS = Number(env.AB_POLL_INTERVAL_SECONDS) * 1000;

const upgrade = (id: string, protocols?: string) =>
  exports.default.fetch(
    new Request(`${BASE}/workflows/${id}/live`, {
      headers: { upgrade: "websocket", ...(protocols === undefined ? {} : { "sec-websocket-protocol": protocols }) },
    }),
  );

async function openLive(id: string, token: string) {
  const res = await upgrade(id, `creator-agent.v1, bearer.${token}`);
  expect(res.status).toBe(101);
  expect(res.headers.get("sec-websocket-protocol")).toBe("creator-agent.v1");
  const ws = res.webSocket!;
  const messages: any[] = [];
  let closed: { code: number } | null = null;
  ws.addEventListener("message", (e) => {
    messages.push(JSON.parse(e.data as string));
  });
  ws.addEventListener("close", (e) => {
    closed = { code: e.code };
  });
  ws.accept();
  const next = async (pred: (m: any) => boolean, ms = 2000) => {
    const until = Date.now() + ms;
    while (Date.now() < until) {
      const found = messages.find(pred);
      if (found) return found;
      await sleep(10);
    }
    throw new Error(`no matching message; got ${JSON.stringify(messages.map((m) => m.type))}`);
  };
  return { ws, messages, next, closed: () => closed };
}

describe("live channel", () => {
  it("authenticates the upgrade by subprotocol, then pushes state changes and polls", async () => {
    const { token } = await newUser("live");
    const wf = await toThumbnails(token);
    const live = await openLive(wf.id, token);
    const first: Extract<LiveMessage, { type: "state" }> = await live.next((m) => m.type === "state");
    expect(first.workflow.status).toBe("awaiting_thumbnail_selection");

    await call("POST", `/workflows/${wf.id}/select-thumbnail`, { token, body: { thumbnail_id: wf.thumbnails[0]!.id } });
    const testing = await live.next((m) => m.type === "state" && m.workflow.status === "ab_testing");
    expect((testing.workflow as WorkflowState).ab_test?.is_running).toBe(true);

    await alarmAt(stubOf(wf.id), Date.now() + POLL_MS);
    const poll: Extract<LiveMessage, { type: "poll" }> = await live.next((m) => m.type === "poll");
    expect(poll.ab_test.polls).toBe(1);
    expect(poll.point.impressions.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    // The pushed point is the one a reloaded page gets from the stored history.
    const history = await call<AbHistory>("GET", `/workflows/${wf.id}/ab-history`, { token });
    expect(history.body.points.at(-1)).toEqual(poll.point);
    live.ws.close(1000, "done");
  });

  it("refuses upgrades without a valid token before waking the object, and someone else's workflow with 404", async () => {
    const owner = await newUser("live-owner");
    const other = await newUser("live-other");
    const wf = await toAbTesting(owner.token);
    for (const protocols of [undefined, "creator-agent.v1", `creator-agent.v1, bearer.forged`, `bearer.${owner.token}`]) {
      const res = await upgrade(wf.id, protocols);
      expect(res.status, String(protocols)).toBe(401);
      expect(res.headers.get("content-type")).toContain("application/problem+json");
    }
    // A random workflow id never gets storage or a socket: the token is checked first, then ownership.
    expect((await upgrade(crypto.randomUUID(), "creator-agent.v1")).status).toBe(401);
    expect((await upgrade(crypto.randomUUID(), `creator-agent.v1, bearer.${owner.token}`)).status).toBe(404);
    expect((await upgrade(wf.id, `creator-agent.v1, bearer.${other.token}`)).status).toBe(404);
    // After sign-out the same token opens nothing.
    expect((await call("POST", "/auth/logout", { token: owner.token })).status).toBeLessThan(300);
    expect((await upgrade(wf.id, `creator-agent.v1, bearer.${owner.token}`)).status).toBe(401);
  });

  it("refuses a plain GET on the live route", async () => {
    const { token } = await newUser("live-get");
    const wf = await toThumbnails(token);
    const r = await call("GET", `/workflows/${wf.id}/live`, { token });
    expect(r.status).toBe(400);
  });
});
