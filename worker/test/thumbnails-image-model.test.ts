// The image-model designer over real HTTP, in workerd: Workers AI's REST API and an OpenAI-
// compatible images endpoint (both local fakes answering real PNG bytes), with the creator's
// "My face" photo from real R2 as the face-focused variant's reference. The headline is our resvg
// layer over the model's picture, legibility is measured, and a 5xx or a timeout falls back.
import { env, exports } from "cloudflare:workers";
import { describe, expect, inject, it } from "vitest";
import { faceReferences } from "../faces/photos";
import { decodeImage } from "../lib/image-decode";
import { createOpenAiImageModel, createWorkersAiImageModel, type ImageModel } from "../providers/image-models";
import { createImageModelDesigner } from "../providers/image-thumbnails";
import { offlineScriptWriter } from "../providers/offline-scripts";
import { offlineTrends } from "../providers/offline-trends";
import { renderThumbnailSvg } from "../providers/svg-thumbnails";
import { renderPng } from "../render/png";
import { finishDesign, withArt } from "../render/thumbnail-look";
import type { FacePhoto } from "../shared/faces";
import { BASE, call, newUser } from "./helpers";
import { validJpeg } from "./image-fixtures";
import { firstRevision } from "./script-input";

const STYLES = ["FACE_FOCUSED", "PRODUCT_DEMO", "VIRAL"] as const;
const TOPIC = "Japan on $50 a day";

async function creatorWithFace(): Promise<{ userId: string; photo: FacePhoto; references: Uint8Array[] }> {
  const { token } = await newUser("model-face");
  const userId = (await call<{ id: string }>("GET", "/auth/me", { token })).body.id;
  const res = await exports.default.fetch(
    new Request(`${BASE}/account/faces`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "image/jpeg" },
      body: new Uint8Array(validJpeg(900, 1200)),
    }),
  );
  expect(res.status).toBe(201);
  return { userId, photo: (await res.json()) as FacePhoto, references: await faceReferences(env.MEDIA, userId) };
}

async function input(references: Uint8Array[]) {
  const trends = await offlineTrends.research({ topic: TOPIC, niche: "travel", audience: null }, new Date(0));
  const [script] = (await offlineScriptWriter.write(firstRevision(TOPIC, trends, { niche: "travel", count: 1 }))).scripts;
  // The creator's edited title, as in issue 18: its words and "$50" must reach the headline.
  return {
    topic: TOPIC,
    niche: "travel",
    script: { ...script!, title: "Japan on $50 a Day" },
    styles: STYLES,
    references: { images: references, styles: ["FACE_FOCUSED" as const] },
  };
}

const workersAi = (account: string, timeoutMs = 5000) =>
  createWorkersAiImageModel({ accountId: account, apiToken: "cf-test-token", baseUrl: inject("fakeWorkersAiUrl"), timeoutMs });
const openAi = (model: string, timeoutMs = 5000) =>
  createOpenAiImageModel({ apiKey: "sk-test-images", baseUrl: inject("fakeOpenAiUrl"), model, timeoutMs });

async function fakeCalls(url: string): Promise<any[]> {
  return (await fetch(url)).json();
}

const PROVIDERS: {
  name: string;
  model: (scenario: string, timeoutMs?: number) => ImageModel;
  calls: (scenario: string) => Promise<any[]>;
}[] = [
  {
    name: "Workers AI",
    model: workersAi,
    calls: (s) => fakeCalls(`${inject("fakeWorkersAiUrl").replace(/\/client\/v4$/, "")}/__calls?account=${encodeURIComponent(s)}`),
  },
  {
    name: "OpenAI images",
    model: openAi,
    calls: (s) => fakeCalls(`${inject("fakeOpenAiUrl").replace(/\/v1$/, "")}/__image_calls?model=${encodeURIComponent(s)}`),
  },
];

describe.each(PROVIDERS)("image-model thumbnails via $name", ({ model, calls }) => {
  it("draws three variants, the face one from the creator's photo, with our headline layer and measured legibility", async () => {
    const { references } = await creatorWithFace();
    expect(references).toHaveLength(1);
    const scenario = `success#${crypto.randomUUID()}`;
    const designer = createImageModelDesigner(model(scenario));
    const designs = await designer.design(await input(references));
    expect(designs.map((d) => d.style)).toEqual([...STYLES]);

    // Three calls reached the fake; only the face-focused one carried the reference photo, as JPEG.
    const log = await calls(scenario);
    expect(log).toHaveLength(3);
    const withRefs = log.filter((c) => c.references.length > 0);
    expect(withRefs).toHaveLength(1);
    expect(withRefs[0].references[0]).toMatchObject({ jpeg: true, bytes: references[0]!.length });
    expect(withRefs[0].prompt).toMatch(/person in the reference photos/);
    for (const c of log) expect(c.prompt).toMatch(/no text, letters, numbers/);
    for (const c of log) expect(c.authorization).toMatch(/^Bearer (cf-test-token|sk-test-images)$/);

    for (const design of designs) {
      expect(design.note).toBeUndefined();
      expect(design.source).toBe(designer.name);
      expect(decodeImage(design.art!, "image/jpeg")).toMatchObject({ width: 1280, height: 720 });
      const finished = await finishDesign(env.MEDIA, design, { topic: TOPIC, niche: "travel" });
      expect(finished.look.art).toMatch(/^[0-9a-f]{64}$/);
      expect(await env.MEDIA.head(`art/${finished.look.art}.jpg`)).not.toBeNull();
      // Legibility figures, measured on the 168 px render, passing after any fixes.
      expect(finished.look.legibility).toMatchObject({ passes: true, timestamp_clear: true });
      expect(finished.look.legibility!.cap_height_share).toBeGreaterThanOrEqual(0.12);
      expect(finished.look.legibility!.contrast_ratio).toBeGreaterThanOrEqual(4.5);

      // The words are our SVG text over the model's picture, and the title's "$50" survives.
      const svg = renderThumbnailSvg(design.style, design.headline, TOPIC, {
        niche: "travel",
        variation: design.variation ?? 0,
        art: finished.look.art,
        treatment: finished.look.treatment,
      });
      const drawn = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]).join(" ");
      expect(drawn.replace(/\s+/g, " ")).toBe(design.headline.replace(/\s+/g, " "));
      const inlined = await withArt(env.MEDIA, svg);
      expect(inlined).toContain("data:image/jpeg;base64,");
      const png = await renderPng(inlined, { width: 168 });
      expect(decodeImage(png, "image/png").width).toBe(168);
    }
    expect(designs.find((d) => d.style === "PRODUCT_DEMO")!.headline).toBe("JAPAN ON $50 A DAY");
  }, 60_000);

  it("falls back to the embedded design on a 5xx, and says so for each variant", async () => {
    const designer = createImageModelDesigner(model(`server-error#${crypto.randomUUID()}`));
    const designs = await designer.design(await input([]));
    expect(designs).toHaveLength(3);
    for (const d of designs) {
      expect(d.art).toBeUndefined();
      expect(d.source).toBe("embedded");
      expect(d.note).toMatch(/failed .*the embedded design was used/);
      const finished = await finishDesign(env.MEDIA, d, { topic: TOPIC, niche: "travel" });
      expect(finished.look).toMatchObject({ art: null, source: "embedded" });
      expect(finished.look.legibility?.passes).toBe(true);
    }
  }, 30_000);

  it("falls back on a timeout", async () => {
    const started = Date.now();
    const designs = await createImageModelDesigner(model(`hang#${crypto.randomUUID()}`, 300)).design(await input([]));
    expect(Date.now() - started).toBeLessThan(5000);
    for (const d of designs) expect(d.note).toMatch(/(no answer within 300 ms|timed out)/i);
  });
});
