// The "My face" API's answers, shared by the Worker, the web app and the OpenAPI document.
import { z } from "zod";

export const FacePhoto = z.object({
  id: z.uuid(),
  width: z.number().int().describe("Stored size after the re-encode (at most 1024 px on the long side)"),
  height: z.number().int(),
  bytes: z.number().int(),
  uploaded_at: z.iso.datetime(),
  url: z.string().describe("The stored JPEG; the unguessable path is the capability, as for thumbnails"),
  preview_url: z.string().describe("Append &width=168|246|360 for a PNG preview"),
});
export type FacePhoto = z.infer<typeof FacePhoto>;

export const FacePhotoList = z.object({
  photos: z.array(FacePhoto),
  max: z.number().int().describe("How many photos an account may keep"),
});
export type FacePhotoList = z.infer<typeof FacePhotoList>;
