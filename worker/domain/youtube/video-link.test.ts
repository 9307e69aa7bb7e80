import { describe, expect, it } from "vitest";
import { checkVideoLink, parseVideoRef } from "./video-link";

describe("parseVideoRef", () => {
  it("finds the id in every usual form", () => {
    for (const input of [
      "dQw4w9WgXcQ",
      " https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=42s ",
      "youtube.com/watch?v=dQw4w9WgXcQ",
      "https://youtu.be/dQw4w9WgXcQ?si=abc",
      "https://m.youtube.com/shorts/dQw4w9WgXcQ",
      "https://www.youtube.com/live/dQw4w9WgXcQ?feature=share",
      "https://www.youtube.com/embed/dQw4w9WgXcQ",
    ])
      expect(parseVideoRef(input), input).toBe("dQw4w9WgXcQ");
  });

  it("refuses other sites, playlists and malformed ids", () => {
    for (const input of [
      "https://evil.example/watch?v=dQw4w9WgXcQ",
      "https://www.youtube.com/playlist?list=PL123",
      "dQw4w9WgXc",
      "not a url at all",
      "https://youtu.be/",
    ])
      expect(parseVideoRef(input), input).toBeNull();
  });
});

describe("checkVideoLink", () => {
  const now = Date.parse("2026-11-26T12:00:00Z");
  const video = { channelId: "UC1", privacyStatus: "public", publishAt: null, publishedAt: "2026-11-10T12:00:00Z" };

  it("accepts the channel's public or scheduled video", () => {
    expect(checkVideoLink(video, "UC1", now)).toEqual({ ok: true, problems: [], warnings: [] });
    const scheduled = { ...video, privacyStatus: "private", publishAt: "2026-11-30T17:00:00Z", publishedAt: "2026-11-20T00:00:00Z" };
    expect(checkVideoLink(scheduled, "UC1", now).ok).toBe(true);
  });

  it("refuses another channel's video and private or unlisted ones", () => {
    expect(checkVideoLink(video, "UC2", now).problems).toEqual(["This video belongs to another channel than the one connected."]);
    expect(checkVideoLink({ ...video, privacyStatus: "unlisted" }, "UC1", now).ok).toBe(false);
    expect(checkVideoLink({ ...video, privacyStatus: "private" }, "UC1", now).problems[0]).toMatch(/private/);
  });

  it("warns for a video younger than two days, counted from when it went public", () => {
    expect(checkVideoLink({ ...video, publishedAt: "2026-11-25T00:00:00Z" }, "UC1", now).warnings).toHaveLength(1);
    expect(checkVideoLink({ ...video, publishedAt: "2026-11-24T11:00:00Z" }, "UC1", now).warnings).toHaveLength(0);
  });
});
