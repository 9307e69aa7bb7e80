import { beforeAll, describe, expect, it } from "vitest";
import type { Script, ScriptRevision, Thumbnail, YouTubeVideoCheck } from "../../../worker/shared/contract";
import type { SetupInput } from "./test-setup";

// The model module reads the build-time API base on import (it shares the API client).
(globalThis as { __API_BASE__?: string }).__API_BASE__ = "";
let blockers: typeof import("./test-setup").blockers;
let defaultDays: typeof import("./test-setup").defaultDays;
let defaultTitles: typeof import("./test-setup").defaultTitles;
let selectBody: typeof import("./test-setup").selectBody;
beforeAll(async () => {
  ({ blockers, defaultDays, defaultTitles, selectBody } = await import("./test-setup"));
});

const script = (id: string, title: string) => ({ id, title }) as Script;
const thumb = (id: string) => ({ id }) as Thumbnail;
const wf = {
  approved_script_id: "s2",
  scripts: [script("s1", "Japan on $30 a day"), script("s2", "Tokyo cheap eats"), script("s3", "Rail pass: worth it?")],
  script_revisions: [] as ScriptRevision[],
  thumbnails: [thumb("t1"), thumb("t2"), thumb("t3")],
};
const input = (over: Partial<SetupInput> = {}): SetupInput => ({
  pickId: "t2",
  source: "youtube",
  video: "fkVidSteady",
  vary: "thumbnail",
  days: 21,
  titles: { t1: "A", t2: "B", t3: "C" },
  ...over,
});
const check = (ok: boolean, ref = "fkVidSteady"): { ref: string; result: YouTubeVideoCheck } => ({
  ref,
  result: {
    video: {
      id: "fkVidSteady",
      title: "Coffee",
      published_at: "2026-01-01T00:00:00Z",
      privacy_status: "public",
      publish_at: null,
      thumbnail_url: null,
    },
    ok,
    problems: ok ? [] : ["The video is private."],
    warnings: [],
  },
});

describe("rotation defaults", () => {
  it("runs 14 days for two variants and 21 for three", () => {
    expect(defaultDays(2)).toBe(14);
    expect(defaultDays(3)).toBe(21);
  });
  it("titles the pick with the approved script and the others with the other scripts", () => {
    expect(defaultTitles(wf, "t2")).toEqual({ t1: "Japan on $30 a day", t2: "Tokyo cheap eats", t3: "Rail pass: worth it?" });
    expect(defaultTitles(wf, "t1")).toEqual({ t1: "Tokyo cheap eats", t2: "Japan on $30 a day", t3: "Rail pass: worth it?" });
  });
  it("leaves a title empty rather than repeat the approved one", () => {
    const two = { ...wf, scripts: [script("s2", "Tokyo cheap eats"), script("s4", "Tokyo cheap eats")] };
    expect(defaultTitles(two, "t1")).toEqual({ t1: "Tokyo cheap eats", t2: "", t3: "" });
  });
  it("finds the approved script in an older revision", () => {
    const older = { ...wf, approved_script_id: "old", script_revisions: [{ scripts: [script("old", "Old title")] } as ScriptRevision] };
    expect(defaultTitles(older, "t3").t3).toBe("Old title");
  });
});

describe("the select-thumbnail request", () => {
  it("names only the source for simulated and pushed numbers", () => {
    expect(selectBody(input({ source: "simulated" }))).toEqual({ thumbnail_id: "t2", analytics_source: "simulated" });
    expect(selectBody(input({ source: "external" }))).toEqual({ thumbnail_id: "t2", analytics_source: "external" });
  });
  it("carries the video, what varies and the length for a rotation", () => {
    expect(selectBody(input({ video: "  https://youtu.be/fkVidSteady " }))).toEqual({
      thumbnail_id: "t2",
      analytics_source: "youtube",
      youtube: { video: "https://youtu.be/fkVidSteady", vary: "thumbnail", days: 21 },
    });
  });
  it("sends the titles only when titles vary", () => {
    const body = selectBody(input({ vary: "both", days: 14, titles: { t1: " A ", t2: "B", t3: "C" } }));
    expect(body.youtube).toEqual({ video: "fkVidSteady", vary: "both", days: 14, titles: { t1: "A", t2: "B", t3: "C" } });
  });
});

describe("what blocks the start", () => {
  it("nothing for simulated viewers", () => expect(blockers(input({ source: "simulated", video: "" }), null)).toEqual([]));
  it("a video that is not chosen, not checked, or fails its check", () => {
    expect(blockers(input({ video: "" }), null)).toEqual(["Choose your video."]);
    expect(blockers(input(), null)).toEqual(["Check the video first."]);
    expect(blockers(input(), check(true, "fkVidOther"))).toEqual(["Check the video first."]);
    expect(blockers(input(), check(false))).toEqual(["This video cannot be used (see above)."]);
    expect(blockers(input(), check(true))).toEqual([]);
  });
  it("a length out of range and an empty title when titles vary", () => {
    expect(blockers(input({ days: 3 }), check(true))).toEqual(["Choose 4 to 63 days."]);
    expect(blockers(input({ vary: "title", titles: { t1: "A", t2: " ", t3: "C" } }), check(true))).toEqual(["Give every variant a title."]);
    expect(blockers(input({ titles: { t1: "A", t2: " ", t3: "C" } }), check(true))).toEqual([]);
  });
});
