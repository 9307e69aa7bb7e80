// The one path an uploaded image takes, for a thumbnail and for a face photo alike: decode every
// pixel within the caps (image-decode.ts), check what it is for, resize, encode afresh, and make
// the previews. The route runs it, so a refused file never reaches storage.
import { ApiError } from "../http/problem";
import { IMAGE_CAPS, ImageRejected, type ImageType, type Rgba, decodeImage } from "./image-decode";
import { PREVIEW_WIDTHS, type PreviewWidth, encodeAs, encodePng, fitWithin, resize } from "./image-encode";

/** What one stored value may hold, with room to spare under the Durable Object's 2 MiB. */
const MAX_STORED_BYTES = 1_900_000;
export const THUMBNAIL_SIZE = { width: 1280, height: 720 } as const;
/** Face photos are references for an image model; 1024 px on the long side is what they take. */
export const FACE_PHOTO_MAX_SIDE = 1024;

export interface ReencodedUpload {
  contentType: ImageType;
  bytes: Uint8Array;
  width: number;
  height: number;
  /** PNG previews at the widths YouTube shows thumbnails at. */
  previews: Record<PreviewWidth, Uint8Array>;
}

/** The request's content type, or 415 when it is not one we decode. */
export function declaredImageType(header: string | undefined): ImageType {
  const declared = (header ?? "").split(";")[0]!.trim().toLowerCase();
  if (declared !== "image/png" && declared !== "image/jpeg") throw new ApiError(415, "Send the image as image/png or image/jpeg.");
  return declared;
}

function decodedOrProblem(bytes: Uint8Array, declared: ImageType, title: string): Rgba {
  try {
    return decodeImage(bytes, declared);
  } catch (err) {
    if (err instanceof ImageRejected) throw new ApiError(err.status, title, [{ path: "(body)", message: err.message }]);
    throw err;
  }
}

function withPreviews(image: Rgba, encoded: { contentType: ImageType; bytes: Uint8Array }): ReencodedUpload {
  const previews = Object.fromEntries(
    PREVIEW_WIDTHS.map((w) => [w, encodePng(resize(image, w, Math.round((image.height * w) / image.width)))]),
  ) as Record<PreviewWidth, Uint8Array>;
  return { ...encoded, width: image.width, height: image.height, previews };
}

/** YouTube wants 16:9, at least 640 px wide; 1280×720 is best. */
function thumbnailSizeProblem({ width, height }: { width: number; height: number }): string | null {
  if (width < 640) return `is ${width} px wide; thumbnails need at least 640 (1280×720 is best)`;
  if (Math.abs(width / height - 16 / 9) > 0.02) return `is ${width}×${height}; thumbnails are 16:9 (1280×720 is best)`;
  return null;
}

/** A creator's thumbnail: stored at 1280×720 whatever size it came in, as PNG unless too large. */
export function reencodeThumbnail(bytes: Uint8Array, declared: ImageType): ReencodedUpload {
  const title = "The image cannot be used as a thumbnail.";
  const decoded = decodedOrProblem(bytes, declared, title);
  const problem = thumbnailSizeProblem(decoded);
  if (problem) throw new ApiError(400, title, [{ path: "(body)", message: problem }]);
  const image = resize(decoded, THUMBNAIL_SIZE.width, THUMBNAIL_SIZE.height);
  return withPreviews(image, encodeAs(image, declared, MAX_STORED_BYTES));
}

/** A face photo: at most 1024 px on its long side, at least 256 on its short one, as JPEG. */
export function reencodeFacePhoto(bytes: Uint8Array, declared: ImageType): ReencodedUpload {
  const title = "The photo cannot be used.";
  const decoded = decodedOrProblem(bytes, declared, title);
  if (Math.min(decoded.width, decoded.height) < 256)
    throw new ApiError(400, title, [
      { path: "(body)", message: `is ${decoded.width}×${decoded.height}; a face photo needs at least 256 px on each side` },
    ]);
  const image = fitWithin(decoded, FACE_PHOTO_MAX_SIDE, FACE_PHOTO_MAX_SIDE);
  // Photos compress far better as JPEG, and image models take JPEG references.
  return withPreviews(image, encodeAs(image, "image/jpeg", MAX_STORED_BYTES));
}

export { IMAGE_CAPS };
