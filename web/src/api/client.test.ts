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
  it("passes plain errors through as a form message", () => {
    expect(client.fieldErrors(new Error("offline"), ["x"]).form).toBe("offline");
    expect(client.fieldErrors(null, ["x"]).form).toBeNull();
  });
});
