// A workflow stored by the previous version keeps its pictures and its evidence after a deploy.
import { describe, expect, it } from "vitest";
import { thumbnailView } from "../view";
import { type WorkflowRecord, newWorkflow } from "./index";
import { upgradeRecord } from "./upgrade";

describe("upgradeRecord", () => {
  it("turns stored thumbnails with URLs into today's shape, keeping external images and headlines", () => {
    const legacy = {
      ...newWorkflow("wf", "u", { topic: "Budget travel in Japan" }, 0),
      status: "awaiting_thumbnail_selection",
      thumbnails: [
        { id: "a", style: "FACE_FOCUSED", prompt: "p", url: "/api/v1/thumbnails/wf/a.svg" },
        { id: "b", style: "VIRAL", prompt: "p", url: "https://image.pollinations.ai/prompt/x" },
      ],
    } as unknown as WorkflowRecord;
    const r = upgradeRecord(legacy, { a: "START HERE" })!;
    expect(r.thumbnails[0]).toEqual({
      id: "a",
      style: "FACE_FOCUSED",
      prompt: "p",
      headline: "START HERE",
      variation: 0,
      external_url: null,
      upload: null,
      version: 0,
    });
    expect(thumbnailView("wf", r.thumbnails[0]!).url).toBe("/api/v1/thumbnails/wf/a.svg?v=0");
    expect(thumbnailView("wf", r.thumbnails[1]!).url).toBe("https://image.pollinations.ai/prompt/x");
    // Today's records pass through unchanged.
    expect(upgradeRecord(r)).toEqual(r);
    expect(upgradeRecord(undefined)).toBeNull();
  });
});
