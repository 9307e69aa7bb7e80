// Uploaded images are decoded, not sniffed: a PNG or JPEG is accepted only when every pixel
// decodes, within caps on pixels and memory, and what we keep is a fresh encoding of those pixels
// (no EXIF, no location, no text chunks, nothing after the image). Both decoders are pure JS, so
// they run in a Worker with no wasm: fast-png (image-js, with fflate) and jpeg-js, whose own
// maxResolutionInMP / maxMemoryUsageInMB caps stop a decompression bomb before it allocates.
import { convertIndexedToRgb, decode as decodePng } from "fast-png";
import { decode as decodeJpeg } from "jpeg-js";
import { imageInfo } from "./image-info";

/** The caps every upload is held to, stated once (README "Uploaded images"). */
export const IMAGE_CAPS = {
  /** Bytes on the wire: YouTube's own limit for a custom thumbnail. */
  maxBytes: 2_000_000,
  /** 3840×2160 (4K UHD): 33 MB of RGBA, a quarter of a Worker's 128 MB. */
  maxPixels: 3840 * 2160,
  maxSide: 8192,
  /** jpeg-js's working memory (coefficients plus the RGBA output). */
  jpegMemoryMB: 96,
} as const;

export type ImageType = "image/png" | "image/jpeg";

/** Decoded pixels, 8-bit RGBA, row-major. */
export interface Rgba {
  width: number;
  height: number;
  data: Uint8Array;
}

/** Why an upload was refused: 415 when it is not the declared type at all, 400 when it is broken. */
export class ImageRejected extends Error {
  constructor(
    readonly status: 400 | 415,
    message: string,
  ) {
    super(message);
  }
}

/** Decodes the whole image or throws ImageRejected; `declared` is the request's content type. */
export function decodeImage(bytes: Uint8Array, declared: ImageType): Rgba {
  if (bytes.byteLength === 0) throw new ImageRejected(400, "is empty");
  if (bytes.byteLength > IMAGE_CAPS.maxBytes) throw new ImageRejected(400, `is over ${IMAGE_CAPS.maxBytes} bytes`);
  const info = imageInfo(bytes);
  if (!info || info.type !== declared) throw new ImageRejected(415, `is not a ${declared} image`);
  const { width, height } = info;
  if (width < 1 || height < 1 || width > IMAGE_CAPS.maxSide || height > IMAGE_CAPS.maxSide || width * height > IMAGE_CAPS.maxPixels) {
    throw new ImageRejected(400, `says it is ${width}×${height}; at most ${IMAGE_CAPS.maxPixels / 1e6} megapixels are accepted`);
  }
  try {
    return declared === "image/png" ? pngPixels(bytes) : jpegPixels(bytes);
  } catch (err) {
    if (err instanceof ImageRejected) throw err;
    // The decoders' own messages ("Length mismatch", "unexpected EOF"...) are not for creators.
    throw new ImageRejected(400, `does not decode as a ${declared === "image/png" ? "PNG" : "JPEG"} (truncated or corrupt)`);
  }
}

const PNG_CHUNKS_START = 8;

/**
 * Walks the chunk list before decoding: IHDR first, some IDAT, IEND last with nothing after it.
 * fast-png stops at IEND and ignores trailing bytes; we do not keep files that smuggle anything.
 */
function checkPngStructure(bytes: Uint8Array): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = PNG_CHUNKS_START;
  let sawData = false;
  let first = true;
  while (at + 12 <= bytes.length) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    if (first && type !== "IHDR") throw new ImageRejected(400, "does not start with a PNG header chunk");
    first = false;
    const end = at + 12 + length;
    if (!/^[A-Za-z]{4}$/.test(type) || end > bytes.length) break;
    if (type === "IDAT") sawData = true;
    if (type === "IEND") {
      if (!sawData) break;
      if (end !== bytes.length) throw new ImageRejected(400, "has bytes after the end of the image");
      return;
    }
    at = end;
  }
  throw new ImageRejected(400, "does not decode as a PNG (truncated or corrupt)");
}

function pngPixels(bytes: Uint8Array): Rgba {
  checkPngStructure(bytes);
  const png = decodePng(bytes, { checkCrc: true });
  const { width, height } = png;
  const out = new Uint8Array(width * height * 4);
  if (png.palette) {
    const rgb = convertIndexedToRgb(png);
    const channels = rgb.length / (width * height);
    for (let p = 0; p < width * height; p++) {
      out[p * 4] = rgb[p * channels]!;
      out[p * 4 + 1] = rgb[p * channels + 1]!;
      out[p * 4 + 2] = rgb[p * channels + 2]!;
      out[p * 4 + 3] = channels === 4 ? rgb[p * channels + 3]! : 255;
    }
    return { width, height, data: out };
  }
  const { channels, data } = png;
  if (data.length !== width * height * channels) throw new ImageRejected(400, "does not decode as a PNG (truncated or corrupt)");
  // 16-bit samples keep their high byte; bit depths under 8 come out of fast-png unpacked to 0..2^d-1.
  const scale = png.depth === 16 ? 1 / 257 : png.depth < 8 ? 255 / (2 ** png.depth - 1) : 1;
  for (let p = 0; p < width * height; p++) {
    const s = p * channels;
    const gray = channels <= 2;
    const v = (i: number) => Math.round(data[s + i]! * scale);
    out[p * 4] = v(0);
    out[p * 4 + 1] = gray ? v(0) : v(1);
    out[p * 4 + 2] = gray ? v(0) : v(2);
    out[p * 4 + 3] = channels === 2 ? v(1) : channels === 4 ? v(3) : 255;
  }
  return { width, height, data: out };
}

function jpegPixels(bytes: Uint8Array): Rgba {
  const image = decodeJpeg(bytes, {
    useTArray: true,
    formatAsRGBA: true,
    // Strict: a truncated scan or an unknown marker is an error, not grey pixels.
    tolerantDecoding: false,
    maxResolutionInMP: IMAGE_CAPS.maxPixels / 1e6,
    maxMemoryUsageInMB: IMAGE_CAPS.jpegMemoryMB,
  });
  if (image.data.length !== image.width * image.height * 4)
    throw new ImageRejected(400, "does not decode as a JPEG (truncated or corrupt)");
  return { width: image.width, height: image.height, data: image.data };
}
