/// <reference types="node" />
// What thumbnails.set checks of an upload: the PNG or JPEG signature, a complete file, the size
// and the pixel dimensions, and a hash that tells variants apart.
import { createHash } from "node:crypto";

export const MAX_THUMBNAIL_BYTES = 2 * 1024 * 1024;
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export interface ImageFacts {
  format: "png" | "jpeg";
  width: number;
  height: number;
  sha256: string;
  bytes: number;
}

export const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

function pngFacts(b: Buffer): Omit<ImageFacts, "sha256" | "bytes"> | string {
  if (b.length < 8 + 25 + 12 || !PNG_SIGNATURE.every((v, i) => b[i] === v)) return "not a PNG";
  if (b.toString("latin1", 12, 16) !== "IHDR" || b.readUInt32BE(8) !== 13) return "the PNG does not start with an IHDR chunk";
  if (b.toString("latin1", b.length - 8, b.length - 4) !== "IEND") return "the PNG is truncated (no IEND chunk at the end)";
  return { format: "png", width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

function jpegFacts(b: Buffer): Omit<ImageFacts, "sha256" | "bytes"> | string {
  if (b.length < 4 || b[0] !== 0xff || b[1] !== 0xd8 || b[2] !== 0xff) return "not a JPEG";
  // Walk the segments to the first start-of-frame marker, which holds the dimensions.
  for (let i = 2; i + 9 < b.length;) {
    if (b[i] !== 0xff) return "the JPEG's segments are corrupt";
    const marker = b[i + 1]!;
    const length = b.readUInt16BE(i + 2);
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc)
      return { format: "jpeg", height: b.readUInt16BE(i + 5), width: b.readUInt16BE(i + 7) };
    i += 2 + length;
  }
  return "the JPEG has no frame header";
}

/** The facts of a valid upload, or why it is not one. */
export function inspectImage(bytes: Buffer, contentType: string): ImageFacts | string {
  const facts =
    contentType === "image/png"
      ? pngFacts(bytes)
      : contentType === "image/jpeg"
        ? jpegFacts(bytes)
        : `unsupported content type '${contentType}'`;
  if (typeof facts === "string") return facts;
  if (facts.width < 640 || facts.height < 360) return `the image is ${facts.width}×${facts.height}; thumbnails must be at least 640×360`;
  return { ...facts, sha256: sha256(bytes), bytes: bytes.length };
}
