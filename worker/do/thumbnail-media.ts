// The bytes behind a workflow's thumbnails: the embedded design as SVG (drawn on demand from the
// stored headline) and the creator's own uploads, kept in the object's storage already decoded and
// re-encoded by the route (worker/lib/upload-image.ts), with their resized previews beside them.
import type { WorkflowRecord } from "../domain/workflow";
import { findThumbnail } from "../domain/workflow";
import { PREVIEW_WIDTHS, type PreviewWidth } from "../lib/image-encode";
import type { ReencodedUpload } from "../lib/upload-image";
import { renderThumbnailSvg } from "../providers/svg-thumbnails";
import { withArt } from "../render/thumbnail-look";

export type ThumbnailMedia =
  | { kind: "svg"; svg: string }
  | { kind: "upload"; contentType: string; bytes: Uint8Array; previews: Partial<Record<PreviewWidth, Uint8Array>> };

const uploadKey = (thumbnailId: string) => `upload:${thumbnailId}`;
const previewKey = (thumbnailId: string, width: PreviewWidth) => `upload:${thumbnailId}:${width}`;
/** The linked video's own thumbnail, saved before a rotation changes it, to put back at the end. */
const ORIGINAL_KEY = "rotation:original";

export class ThumbnailStore {
  constructor(
    private readonly kv: DurableObjectStorage["kv"],
    private readonly bucket: R2Bucket,
  ) {}

  /** The SVG with an image model's background inlined from R2, for a PNG render. */
  withArt(svg: string): Promise<string> {
    return withArt(this.bucket, svg);
  }

  /** Synchronous, so it commits with the transition that records the upload. */
  keep(thumbnailId: string, upload: ReencodedUpload): void {
    this.kv.put(uploadKey(thumbnailId), upload.bytes);
    // One value each: a 1280 px image may be close to the 2 MB a stored value holds.
    for (const width of PREVIEW_WIDTHS) this.kv.put(previewKey(thumbnailId, width), upload.previews[width]);
  }

  keepOriginal(image: { contentType: string; bytes: Uint8Array }): void {
    this.kv.put(ORIGINAL_KEY, image);
  }

  original(): { contentType: string; bytes: Uint8Array } | null {
    return this.kv.get<{ contentType: string; bytes: Uint8Array }>(ORIGINAL_KEY) ?? null;
  }

  /** A tested variant's bytes, made once when the rotation starts (see effects/rotation-images.ts). */
  keepVariant(thumbnailId: string, image: { contentType: string; bytes: Uint8Array }): void {
    this.kv.put(`rotation:variant:${thumbnailId}`, image);
  }

  variant(thumbnailId: string): { contentType: string; bytes: Uint8Array } | null {
    return this.kv.get<{ contentType: string; bytes: Uint8Array }>(`rotation:variant:${thumbnailId}`) ?? null;
  }

  media(record: WorkflowRecord | null, thumbnailId: string): ThumbnailMedia | null {
    const t = record && findThumbnail(record, thumbnailId);
    if (!record || !t) return null;
    if (t.upload) {
      const bytes = this.kv.get<Uint8Array>(uploadKey(thumbnailId));
      if (!bytes) return null;
      const previews = Object.fromEntries(
        PREVIEW_WIDTHS.map((w) => [w, this.kv.get<Uint8Array>(previewKey(thumbnailId, w))]).filter(([, b]) => b),
      );
      return { kind: "upload", contentType: t.upload, bytes, previews };
    }
    const headline = t.headline || record.topic.toUpperCase();
    const look = { art: t.look?.art ?? null, treatment: t.look?.treatment };
    return {
      kind: "svg",
      svg: renderThumbnailSvg(t.style, headline, record.topic, { niche: record.niche, variation: t.variation, ...look }),
    };
  }
}
