// "My face": 1–4 photos of the creator, kept in R2 under faces/<user id>/<photo id>/, already
// decoded and re-encoded (worker/lib/upload-image.ts), so no EXIF or location ever reaches storage.
// R2 is the index too (a prefix listing with custom metadata): no D1 table to keep in step.
import { PREVIEW_WIDTHS, type PreviewWidth } from "../lib/image-encode";
import type { ReencodedUpload } from "../lib/upload-image";

export const MAX_FACE_PHOTOS = 4;

export interface FacePhoto {
  id: string;
  width: number;
  height: number;
  bytes: number;
  uploaded_at: string;
}

const prefix = (userId: string) => `faces/${userId}/`;
const photoKey = (userId: string, photoId: string) => `${prefix(userId)}${photoId}/photo.jpg`;
const previewKey = (userId: string, photoId: string, width: PreviewWidth) => `${prefix(userId)}${photoId}/${width}.png`;

export async function listFacePhotos(bucket: R2Bucket, userId: string): Promise<FacePhoto[]> {
  const listed = await bucket.list({ prefix: prefix(userId), include: ["customMetadata"] });
  return listed.objects
    .filter((o) => o.key.endsWith("/photo.jpg"))
    .map((o) => ({
      id: o.key.slice(prefix(userId).length).split("/")[0]!,
      width: Number(o.customMetadata?.width),
      height: Number(o.customMetadata?.height),
      bytes: o.size,
      uploaded_at: o.customMetadata?.uploaded_at ?? o.uploaded.toISOString(),
    }))
    .sort((a, b) => a.uploaded_at.localeCompare(b.uploaded_at) || a.id.localeCompare(b.id));
}

/** Writes the previews first and the photo last: a photo is listed only once all of it is there. */
export async function putFacePhoto(
  bucket: R2Bucket,
  userId: string,
  photoId: string,
  photo: ReencodedUpload,
  now: Date,
): Promise<FacePhoto> {
  for (const width of PREVIEW_WIDTHS) {
    await bucket.put(previewKey(userId, photoId, width), photo.previews[width], { httpMetadata: { contentType: "image/png" } });
  }
  const uploaded_at = now.toISOString();
  await bucket.put(photoKey(userId, photoId), photo.bytes, {
    httpMetadata: { contentType: photo.contentType },
    customMetadata: { width: String(photo.width), height: String(photo.height), uploaded_at },
  });
  return { id: photoId, width: photo.width, height: photo.height, bytes: photo.bytes.byteLength, uploaded_at };
}

export async function deleteFacePhoto(bucket: R2Bucket, userId: string, photoId: string): Promise<void> {
  await bucket.delete([photoKey(userId, photoId), ...PREVIEW_WIDTHS.map((w) => previewKey(userId, photoId, w))]);
}

/** The photo's bytes (JPEG), or a PNG preview at one of YouTube's widths. */
export async function facePhotoBytes(
  bucket: R2Bucket,
  userId: string,
  photoId: string,
  width?: PreviewWidth,
): Promise<R2ObjectBody | null> {
  return bucket.get(width ? previewKey(userId, photoId, width) : photoKey(userId, photoId));
}

/** The photos as image models take them: JPEG bytes, oldest first, at most four. */
export async function faceReferences(bucket: R2Bucket, userId: string): Promise<Uint8Array[]> {
  const photos = await listFacePhotos(bucket, userId);
  const bodies = await Promise.all(photos.slice(0, MAX_FACE_PHOTOS).map((p) => bucket.get(photoKey(userId, p.id))));
  return Promise.all(bodies.filter((b) => b !== null).map(async (b) => new Uint8Array(await b.arrayBuffer())));
}

/** Every object under the user's prefix, for account deletion (a few at most, but page anyway). */
export async function deleteAllFacePhotos(bucket: R2Bucket, userId: string): Promise<void> {
  for (;;) {
    const listed = await bucket.list({ prefix: prefix(userId), limit: 1000 });
    if (listed.objects.length === 0) return;
    await bucket.delete(listed.objects.map((o) => o.key));
    if (!listed.truncated) return;
  }
}
