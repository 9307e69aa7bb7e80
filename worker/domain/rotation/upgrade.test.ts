// Rotations stored before the phase existed load into the phase their five fields meant.
import { describe, expect, it } from "vitest";
import { REAL_TIME } from "./clock";
import { newRotation } from "./record";
import { upgradeRotation } from "./upgrade";

const today = newRotation(
  {
    video: { id: "vid", title: "T", published_at: "2026-11-01T00:00:00Z", thumbnail_url: null, channel_id: "UC1" },
    vary: "thumbnail",
    titles: null,
    days: 18,
    clock: REAL_TIME,
  },
  ["a", "b", "c"],
  7,
  Date.parse("2026-11-26T18:00:00Z"),
);
const { phase: _phase, ...base } = today;
const legacy = (fields: Record<string, unknown>) =>
  ({ ...base, paused: null, restore: null, swap_retry_at: null, swap_attempt: 0, ...fields }) as never;
const restore = { target: "original", attempts: 2, next_at: 500, done_at: null, last_error: "503" };

describe("upgradeRotation", () => {
  it("reads the old nullable fields into one phase, and leaves today's records as they are", () => {
    expect(upgradeRotation(legacy({}))!.phase).toEqual({ state: "scheduled", swap: { failures: 0, retry_at: null } });
    const live = { target: "a", date: today.schedule.startDate, at: 1 };
    expect(upgradeRotation(legacy({ live, swap_retry_at: 900, swap_attempt: 2 }))!.phase).toEqual({
      state: "swapping",
      swap: { failures: 2, retry_at: 900 },
    });
    const paused = { reason: "reconnect", since: 40, kind: "needs_reconnect" };
    expect(upgradeRotation(legacy({ live, paused }))!.phase).toMatchObject({ state: "paused", resume: "swapping", reason: "reconnect" });
    expect(upgradeRotation(legacy({ live: { ...live, target: "original", date: "2026-12-30" } }))!.phase).toEqual({
      state: "awaiting_data",
    });
    expect(upgradeRotation(legacy({ restore, paused }))!.phase).toEqual({
      state: "restoring",
      target: "original",
      attempts: 2,
      next_at: 500,
      last_error: "503",
      hold: paused,
    });
    expect(upgradeRotation(legacy({ restore: { ...restore, done_at: 700 } }))!.phase).toEqual({
      state: "restored",
      target: "original",
      attempts: 2,
      at: 700,
    });
    const gone = upgradeRotation(legacy({ restore: { ...restore, abandoned: true }, paused: { reason: "disconnected", since: 60 } }))!;
    expect(gone.phase).toEqual({ state: "abandoned", target: "original", attempts: 2, reason: "503", since: 60 });
    expect(Object.keys(gone)).not.toContain("restore");
    expect(Object.keys(gone)).not.toContain("paused");
    expect(upgradeRotation(today)).toBe(today);
    expect(upgradeRotation(null)).toBeNull();
  });
});
