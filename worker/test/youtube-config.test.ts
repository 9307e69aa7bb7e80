// The YouTube configuration from Worker variables: the accelerated day is for local runs only.
import { describe, expect, it } from "vitest";
import { REAL_TIME } from "../domain/rotation/clock";
import { YouTubeNotConfigured, youtubeConfig } from "../youtube/config";

const base = { GOOGLE_OAUTH_CLIENT_ID: "id", GOOGLE_OAUTH_CLIENT_SECRET: "secret", TOKEN_ENCRYPTION_KEY: "key" };

describe("youtubeConfig", () => {
  it("runs on real time unless a local run shortens the day", () => {
    expect(youtubeConfig(base).clock).toEqual(REAL_TIME);
    const local = youtubeConfig({ ...base, ENVIRONMENT: "development", YOUTUBE_DAY_SECONDS: "60", YOUTUBE_CLOCK_EPOCH: "1795000000000" });
    expect(local.clock).toEqual({ epoch: 1795000000000, speed: 1440 });
  });

  it("refuses a shortened day outside development, naming the variable", () => {
    expect(() => youtubeConfig({ ...base, YOUTUBE_DAY_SECONDS: "60" })).toThrow(YouTubeNotConfigured);
    expect(() => youtubeConfig({ ...base, ENVIRONMENT: "production", YOUTUBE_DAY_SECONDS: "60" })).toThrow(/YOUTUBE_DAY_SECONDS/);
    expect(() => youtubeConfig({ ...base, YOUTUBE_DAY_SECONDS: "-1" })).toThrow(/positive number/);
    expect(() => youtubeConfig({ ...base, ENVIRONMENT: "development", YOUTUBE_DAY_SECONDS: "60" })).toThrow(/YOUTUBE_CLOCK_EPOCH/);
  });
});
