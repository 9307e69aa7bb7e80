import { beforeAll, describe, expect, it } from "vitest";

(globalThis as { __API_BASE__?: string }).__API_BASE__ = "";
let client: typeof import("./client");
beforeAll(async () => {
  client = await import("./client");
});

const problem = (errors: { path: string; message: string }[]) =>
  new client.ApiError({ type: "about:blank", title: "Bad Request", status: 400, detail: "Invalid input.", errors });

describe("fieldErrors", () => {
  it("puts each message next to its field, whatever the path style", () => {
    const r = client.fieldErrors(
      problem([
        { path: "body.topic", message: "too short" },
        { path: "/tone", message: "too long" },
      ]),
      ["topic", "tone"],
    );
    expect(r.fields).toEqual({ topic: "Too short", tone: "Too long" });
    expect(r.form).toBeNull();
  });
  it("never drops a message for a field the form does not have", () => {
    const r = client.fieldErrors(problem([{ path: "analytics_source", message: "invalid option" }]), ["thumbnail_id"]);
    expect(r.fields).toEqual({});
    expect(r.form).toBe("Invalid input. analytics_source: invalid option");
  });
  it("puts a rotation's errors at the video, the days and each variant's title", () => {
    const r = client.fieldErrors(
      problem([
        { path: "youtube.video", message: "is not on your connected channel" },
        { path: "youtube.titles.t2", message: "too long" },
        { path: "youtube.days", message: "must be at least 4" },
      ]),
      ["thumbnail_id", "video", "vary", "days", "t1", "t2", "t3"],
    );
    expect(r.fields).toEqual({ video: "Is not on your connected channel", t2: "Too long", days: "Must be at least 4" });
    expect(r.form).toBeNull();
  });
  it("passes plain errors through as a form message", () => {
    expect(client.fieldErrors(new Error("offline"), ["x"]).form).toBe("offline");
    expect(client.fieldErrors(null, ["x"]).form).toBeNull();
  });
});
