import { beforeAll, describe, expect, it } from "vitest";
import type { Connection } from "./youtube";

(globalThis as { __API_BASE__?: string }).__API_BASE__ = "";
let yt: typeof import("./youtube");
beforeAll(async () => {
  yt = await import("./youtube");
});

const conn = (over: Partial<Connection> = {}): Connection => ({
  configured: true,
  status: "not_connected",
  channel: null,
  scopes: [],
  connected_at: null,
  reach_job_id: null,
  last_error: null,
  quota: { day: "2026-03-02", used_units: 0, your_units: 0, budget_units: 10000 },
  ...over,
});

describe("the connection in words", () => {
  it("says when the server is not set up, with nothing to click", () => {
    expect(yt.connectionView(conn({ configured: false }))).toMatchObject({ state: "unconfigured", connectLabel: null });
  });
  it("offers to connect, names the channel, or asks to reconnect with Google's reason", () => {
    expect(yt.connectionView(conn()).connectLabel).toBe("Connect YouTube");
    const channel = { id: "UC1", title: "Coffee Corner" };
    expect(yt.connectionView(conn({ status: "connected", channel }))).toMatchObject({
      title: "Connected to Coffee Corner",
      connectLabel: null,
    });
    const lost = yt.connectionView(conn({ status: "needs_reconnect", channel, last_error: "Google refused the refresh token." }));
    expect(lost).toMatchObject({ title: "Coffee Corner needs reconnecting", connectLabel: "Reconnect YouTube" });
    expect(lost.detail).toMatch(/^Google refused the refresh token\. Running tests are paused/);
  });
});

describe("the outcome after Google's page", () => {
  it("reads ?youtube=connected and ?youtube=error&reason=…", () => {
    expect(yt.callbackOutcome(new URLSearchParams("youtube=connected"))).toEqual({ ok: true, text: "Your YouTube channel is connected." });
    expect(yt.callbackOutcome(new URLSearchParams("youtube=error&reason=access_denied"))?.text).toBe(
      "YouTube was not connected: you did not allow access on Google's page.",
    );
    expect(yt.callbackOutcome(new URLSearchParams("youtube=error&reason=something_new"))?.text).toBe(
      "YouTube was not connected: something new.",
    );
    expect(yt.callbackOutcome(new URLSearchParams("tab=keys"))).toBeNull();
  });
});
