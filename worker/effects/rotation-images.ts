// The images a rotation puts on the video, made once when the test starts and kept with the
// workflow: every tested variant as the bytes YouTube gets (the creator's upload, the Pollinations
// image, or the embedded design rendered to a 1280×720 PNG), and the video's own thumbnail. So a
// variant is the same pixels every day, and no outside service is needed weeks later.
import type { WorkflowRecord } from "../domain/workflow";
import { findThumbnail } from "../domain/workflow";
import { type ImageInfo, imageInfo } from "../lib/image-info";
import { renderPng } from "../render/png";
import type { ThumbnailStore } from "../do/thumbnail-media";

export const MAX_IMAGE_BYTES = 2 * 1024 * 1024;

export interface StoredImage {
  contentType: "image/png" | "image/jpeg";
  bytes: Uint8Array;
}

function checked(bytes: Uint8Array): StoredImage & { info: ImageInfo } {
  const info = imageInfo(bytes);
  if (!info || bytes.byteLength > MAX_IMAGE_BYTES) throw new Error("the image is not a PNG or JPEG of at most 2 MB");
  return { contentType: info.type, bytes, info };
}

/** Downloads a public image (the video's own thumbnail, or a Pollinations design). */
export async function fetchImage(url: string): Promise<StoredImage & { info: ImageInfo }> {
  const res = await fetch(url, { signal: AbortSignal.timeout(15_000) });
  if (!res.ok) throw new Error(`the image at ${new URL(url).host} answered ${res.status}`);
  return checked(new Uint8Array(await res.arrayBuffer()));
}

/** A variant's bytes as YouTube should get them. */
export async function variantImage(record: WorkflowRecord, media: ThumbnailStore, thumbnailId: string): Promise<StoredImage> {
  const thumbnail = findThumbnail(record, thumbnailId);
  const shown = media.media(record, thumbnailId);
  if (!thumbnail || !shown) throw new Error(`no thumbnail ${thumbnailId} in this workflow`);
  if (shown.kind === "upload") return checked(shown.bytes);
  if (thumbnail.external_url) return fetchImage(thumbnail.external_url);
  return { contentType: "image/png", bytes: await renderPng(await media.withArt(shown.svg), { width: 1280 }) };
}
