// "My face" (Settings): upload 1–4 photos, list, replace, delete; sessions only. The images load
// in a plain <img>, so they are served like thumbnails: the unguessable user and photo ids in the
// path are the capability, and nothing is cached, so a deleted photo is gone at once.
import { Hono } from "hono";
import type { AppEnv } from "../env";
import {
  MAX_FACE_PHOTOS,
  type FacePhoto as StoredPhoto,
  deleteFacePhoto,
  facePhotoBytes,
  listFacePhotos,
  putFacePhoto,
} from "../faces/photos";
import { ApiError } from "../http/problem";
import { requireSession } from "../http/require-auth";
import { readBytes } from "../http/validate";
import { UUID_PATTERN, isUuid } from "../lib/ids";
import { PREVIEW_WIDTHS, type PreviewWidth } from "../lib/image-encode";
import { IMAGE_CAPS, declaredImageType, reencodeFacePhoto } from "../lib/upload-image";
import type { FacePhoto, FacePhotoList } from "../shared/faces";

const imageUrl = (userId: string, photoId: string, ext: "jpg" | "png") => `/api/v1/faces/${userId}/${photoId}.${ext}`;
const shown = (userId: string, p: StoredPhoto): FacePhoto => ({
  ...p,
  url: imageUrl(userId, p.id, "jpg"),
  preview_url: `${imageUrl(userId, p.id, "png")}?v=${encodeURIComponent(p.uploaded_at)}`,
});

async function existing(bucket: R2Bucket, userId: string, photoId: string): Promise<void> {
  if (!isUuid(photoId) || !(await listFacePhotos(bucket, userId)).some((p) => p.id === photoId)) {
    throw new ApiError(404, "No such photo.");
  }
}

export const faceRoutes = new Hono<AppEnv>()
  .use(requireSession())
  .use(async function noStore(c, next) {
    await next();
    c.header("cache-control", "no-store");
  })
  .get("/", async (c) => {
    const userId = c.get("userId");
    const photos = await listFacePhotos(c.env.MEDIA, userId);
    return c.json({ photos: photos.map((p) => shown(userId, p)), max: MAX_FACE_PHOTOS } satisfies FacePhotoList);
  })
  .post("/", async (c) => {
    const userId = c.get("userId");
    // Decoded before anything is looked up or written: a refused file leaves nothing behind.
    const photo = reencodeFacePhoto(await readBytes(c, IMAGE_CAPS.maxBytes), declaredImageType(c.req.header("content-type")));
    if ((await listFacePhotos(c.env.MEDIA, userId)).length >= MAX_FACE_PHOTOS) {
      throw new ApiError(409, `You can keep at most ${MAX_FACE_PHOTOS} photos; replace or delete one first.`);
    }
    const stored = await putFacePhoto(c.env.MEDIA, userId, crypto.randomUUID(), photo, new Date());
    return c.json(shown(userId, stored), 201);
  })
  .put("/:photoId", async (c) => {
    const userId = c.get("userId");
    const photo = reencodeFacePhoto(await readBytes(c, IMAGE_CAPS.maxBytes), declaredImageType(c.req.header("content-type")));
    await existing(c.env.MEDIA, userId, c.req.param("photoId"));
    return c.json(shown(userId, await putFacePhoto(c.env.MEDIA, userId, c.req.param("photoId"), photo, new Date())));
  })
  .delete("/:photoId", async (c) => {
    const userId = c.get("userId");
    await existing(c.env.MEDIA, userId, c.req.param("photoId"));
    await deleteFacePhoto(c.env.MEDIA, userId, c.req.param("photoId"));
    return c.body(null, 204);
  });

const FILE = new RegExp(`^(${UUID_PATTERN})\\.(jpg|png)$`);

/** GET /faces/:userId/<photo>.jpg, or <photo>.png?width=168|246|360 for a preview. */
export const faceImageRoutes = new Hono<AppEnv>().get("/:userId/:file", async (c) => {
  const match = FILE.exec(c.req.param("file"));
  const userId = c.req.param("userId");
  if (!match || !isUuid(userId)) throw new ApiError(404, "No such photo.");
  const [, photoId, ext] = match;
  const width = Number(c.req.query("width") ?? (ext === "png" ? 360 : 0));
  if (ext === "png" && !PREVIEW_WIDTHS.includes(width as PreviewWidth))
    throw new ApiError(400, "The query string is invalid.", [{ path: "width", message: "must be 168, 246 or 360" }]);
  const body = await facePhotoBytes(c.env.MEDIA, userId, photoId!, ext === "png" ? (width as PreviewWidth) : undefined);
  if (!body) throw new ApiError(404, "No such photo.");
  return new Response(body.body, {
    headers: {
      "content-type": ext === "png" ? "image/png" : "image/jpeg",
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
    },
  });
});
