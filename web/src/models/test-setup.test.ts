import { beforeAll, describe, expect, it } from "vitest";
import type { Script, ScriptRevision, Thumbnail, YouTubeVideoCheck } from "../../../worker/shared/contract";
import type { SetupInput } from "./test-setup";

// The model module reads the build-time API base on import (it shares the API client).
(globalThis as { __API_BASE__?: string }).__API_BASE__ = "";
let ts: typeof import("./test-setup");
let blockers: typeof ts.blockers;
let defaultDays: typeof ts.defaultDays;
let defaultTitles: typeof ts.defaultTitles;
let selectBody: typeof ts.selectBody;
beforeAll(async () => {
  ts = await import("./test-setup");
  ({ blockers, defaultDays, defaultTitles, selectBody } = ts);
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
  variants: null,
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
    plan: null,
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

describe("which thumbnails take turns", () => {
  const ids = ["t1", "t2", "t3"];
  it("all of them by default, or the pick and its pair in the workflow's order", () => {
    expect(ts.testedVariants(ids, "t2", null)).toEqual(ids);
    expect(ts.testedVariants(ids, "t3", "t1")).toEqual(["t1", "t3"]);
  });
  it("all of them when the pair cannot be: no pick, the pick itself, an unknown thumbnail", () => {
    expect(ts.testedVariants(ids, "", "t1")).toEqual(ids);
    expect(ts.testedVariants(ids, "t1", "t1")).toEqual(ids);
    expect(ts.testedVariants(ids, "t1", "t9")).toEqual(ids);
  });
  it("the length follows the count (21 for three, 14 for two) unless the creator typed another", () => {
    expect(ts.daysAfterCount(21, 3, 2)).toBe(14);
    expect(ts.daysAfterCount(14, 2, 3)).toBe(21);
    expect(ts.daysAfterCount(28, 3, 2)).toBe(28);
    expect(ts.daysAfterCount(9, 2, 3)).toBe(9);
    expect(ts.daysAfterCount(21, 3, 3)).toBe(21);
  });
  it("titles only the tested variants by default, the pair taking the first other script's title", () => {
    expect(defaultTitles(wf, "t2", ["t2", "t3"])).toEqual({ t2: "Tokyo cheap eats", t3: "Japan on $30 a day" });
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

  it("names the variants only when two are tested, and titles only those two", () => {
    expect(selectBody(input({ variants: ["t1", "t2"], days: 14 })).youtube).toEqual({
      video: "fkVidSteady",
      vary: "thumbnail",
      variants: ["t1", "t2"],
      days: 14,
    });
    const titled = selectBody(input({ vary: "title", variants: ["t2", "t3"], titles: { t1: "A", t2: "B ", t3: "C" } }));
    expect(titled.youtube).toEqual({ video: "fkVidSteady", vary: "title", variants: ["t2", "t3"], days: 21, titles: { t2: "B", t3: "C" } });
    expect(selectBody(input()).youtube).not.toHaveProperty("variants");
  });
});

describe("the set-up model", () => {
  const model = () => {
    const m = new ts.TestSetupModel(() => wf as never);
    m.source.value = "youtube";
    m.video.value = "fkVidSteady";
    m.choosePick("t2");
    return m;
  };
  it("starts with all three over 21 days; two follow with 14 and back again", () => {
    const m = model();
    expect(m.days.value).toBe(21);
    expect(m.body.value.youtube).not.toHaveProperty("variants");
    m.choosePair("t3");
    expect(m.days.value).toBe(14);
    expect(m.body.value.youtube).toMatchObject({ variants: ["t2", "t3"], days: 14 });
    m.choosePair(null);
    expect(m.days.value).toBe(21);
    expect(m.body.value.youtube).not.toHaveProperty("variants");
  });
  it("keeps a length the creator typed when the count changes", () => {
    const m = model();
    m.days.value = 30;
    m.choosePair("t1");
    expect(m.days.value).toBe(30);
  });
  it("offers and sends titles for the tested variants only, keeping an edit for when its variant returns", () => {
    const m = model();
    m.vary.value = "both";
    m.setTitle("t1", "My own title");
    m.choosePair("t3");
    expect(m.titles.value).toEqual({ t2: "Tokyo cheap eats", t3: "Japan on $30 a day" });
    expect(m.body.value.youtube?.titles).toEqual({ t2: "Tokyo cheap eats", t3: "Japan on $30 a day" });
    m.choosePair(null);
    expect(m.titles.value.t1).toBe("My own title");
  });
  it("a new pick that was the pair swaps roles with the old pick, so the same two stay tested", () => {
    const m = model();
    m.choosePair("t3");
    m.choosePick("t3");
    expect(m.variants.value).toEqual(["t2", "t3"]);
    expect(m.body.value).toMatchObject({ thumbnail_id: "t3", youtube: { variants: ["t2", "t3"], days: 14 } });
    m.choosePick("t1"); // a third thumbnail: the pair (now t2) stays
    expect(m.variants.value).toEqual(["t1", "t2"]);
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
    // An untested variant's empty title does not matter.
    expect(blockers(input({ vary: "title", variants: ["t2", "t3"], titles: { t2: "B", t3: "C" } }), check(true))).toEqual([]);
  });
});
