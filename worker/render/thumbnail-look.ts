// Between a designer's answer and the card: the model's background is kept in R2 by its SHA-256
// (art/<hash>.jpg), and the headline's treatment is chosen by measuring the rendered PNG at
// 168 px (legibility.ts), so no card shows a headline that fails the checks when a fix exists.
import type { ThumbnailLook } from "../domain/workflow";
import { toBase64 } from "../lib/base64";
import type { HeadlineTreatment } from "../providers/headline-layer";
import { ART_HREF_PREFIX, renderThumbnailSvg } from "../providers/svg-thumbnails";
import type { ThumbnailDesign } from "../providers/types";
import { legibleTreatment } from "./legibility";

const HEX = (bytes: ArrayBuffer) => [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, "0")).join("");
const artKey = (hash: string) => `art/${hash}.jpg`;
const ART_HREF = new RegExp(`href="${ART_HREF_PREFIX}([0-9a-f]{64})"`, "g");
const dataUrl = (jpeg: Uint8Array) => `data:image/jpeg;base64,${toBase64(jpeg)}`;

export async function keepArt(bucket: R2Bucket, jpeg: Uint8Array): Promise<string> {
  const hash = HEX(await crypto.subtle.digest("SHA-256", new Uint8Array(jpeg)));
  await bucket.put(artKey(hash), jpeg, { httpMetadata: { contentType: "image/jpeg" } });
  return hash;
}

/** The SVG with its art:<hash> references inlined from R2, ready for resvg or a browser. */
export async function withArt(bucket: R2Bucket, svg: string): Promise<string> {
  const hashes = [...new Set([...svg.matchAll(ART_HREF)].map((m) => m[1]!))];
  if (hashes.length === 0) return svg;
  const found = new Map<string, string>();
  for (const hash of hashes) {
    const body = await bucket.get(artKey(hash));
    if (!body) throw new Error(`the thumbnail's background art/${hash.slice(0, 12)}… is missing`);
    found.set(hash, dataUrl(new Uint8Array(await body.arrayBuffer())));
  }
  return svg.replace(ART_HREF, (_m, hash: string) => `href="${found.get(hash)}"`);
}

export interface DesignContext {
  topic: string;
  niche: string | null;
}

/** A design ready to store: its art kept, its headline treatment chosen, its figures measured. */
export async function finishDesign<D extends ThumbnailDesign>(
  bucket: R2Bucket,
  design: D,
  context: DesignContext,
): Promise<D & { look: ThumbnailLook }> {
  const art = design.art ? await keepArt(bucket, design.art) : null;
  const inlined = design.art ? dataUrl(design.art) : null;
  const draw = async (treatment: HeadlineTreatment) => {
    const svg = (layer: "full" | "mask") =>
      renderThumbnailSvg(design.style, design.headline, context.topic, {
        niche: context.niche,
        variation: design.variation ?? 0,
        art,
        treatment,
        layer,
      });
    const full = inlined ? svg("full").replace(ART_HREF, `href="${inlined}"`) : svg("full");
    return { full, mask: svg("mask") };
  };
  const { treatment, legibility } = await legibleTreatment(draw);
  const { art: _bytes, ...rest } = design;
  return { ...(rest as D), look: { source: design.source ?? "embedded", art, note: design.note ?? null, treatment, legibility } };
}
