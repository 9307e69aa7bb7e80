// What we keep of an upload: its decoded pixels resized and encoded afresh. Encoding only pixels
// is what strips the metadata (EXIF, GPS, comments, ICC, text chunks) and anything appended.
import { encode as encodePngBytes } from "fast-png";
import { encode as encodeJpegBytes } from "jpeg-js";
import type { ImageType, Rgba } from "./image-decode";

/** The widths YouTube shows thumbnails at, which every preview link may ask for. */
export const PREVIEW_WIDTHS = [168, 246, 360] as const;
export type PreviewWidth = (typeof PREVIEW_WIDTHS)[number];

/**
 * Resamples to width×height by averaging the source area under each output pixel (a box filter,
 * which does not alias when shrinking a photo to 168 px); when enlarging it picks the nearest pixel.
 */
export function resize(image: Rgba, width: number, height: number): Rgba {
  if (width === image.width && height === image.height) return image;
  const out = new Uint8Array(width * height * 4);
  const sx = image.width / width;
  const sy = image.height / height;
  const src = image.data;
  for (let y = 0; y < height; y++) {
    const y0 = Math.floor(y * sy);
    const y1 = Math.max(y0 + 1, Math.min(image.height, Math.floor((y + 1) * sy)));
    for (let x = 0; x < width; x++) {
      const x0 = Math.floor(x * sx);
      const x1 = Math.max(x0 + 1, Math.min(image.width, Math.floor((x + 1) * sx)));
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let yy = y0; yy < y1; yy++) {
        let i = (yy * image.width + x0) * 4;
        for (let xx = x0; xx < x1; xx++, i += 4) {
          r += src[i]!;
          g += src[i + 1]!;
          b += src[i + 2]!;
          a += src[i + 3]!;
        }
      }
      const n = (y1 - y0) * (x1 - x0);
      const o = (y * width + x) * 4;
      out[o] = Math.round(r / n);
      out[o + 1] = Math.round(g / n);
      out[o + 2] = Math.round(b / n);
      out[o + 3] = Math.round(a / n);
    }
  }
  return { width, height, data: out };
}

/** Fits inside maxWidth×maxHeight keeping the aspect ratio; never enlarges. */
export function fitWithin(image: Rgba, maxWidth: number, maxHeight: number): Rgba {
  const scale = Math.min(1, maxWidth / image.width, maxHeight / image.height);
  return resize(image, Math.max(1, Math.round(image.width * scale)), Math.max(1, Math.round(image.height * scale)));
}

const opaque = (image: Rgba) => {
  for (let i = 3; i < image.data.length; i += 4) if (image.data[i] !== 255) return false;
  return true;
};

export function encodePng(image: Rgba): Uint8Array {
  // RGB when nothing is transparent: a quarter smaller, and what YouTube stores anyway.
  if (!opaque(image)) return encodePngBytes({ width: image.width, height: image.height, data: image.data, channels: 4, depth: 8 });
  const rgb = new Uint8Array(image.width * image.height * 3);
  for (let p = 0, q = 0; p < image.data.length; p += 4, q += 3) {
    rgb[q] = image.data[p]!;
    rgb[q + 1] = image.data[p + 1]!;
    rgb[q + 2] = image.data[p + 2]!;
  }
  return encodePngBytes({ width: image.width, height: image.height, data: rgb, channels: 3, depth: 8 });
}

export function encodeJpeg(image: Rgba, quality = 90): Uint8Array {
  return new Uint8Array(encodeJpegBytes({ width: image.width, height: image.height, data: image.data }, quality).data);
}

/** Encodes as the upload's own type, unless a PNG photo would pass `maxBytes`: then as JPEG. */
export function encodeAs(image: Rgba, type: ImageType, maxBytes: number): { contentType: ImageType; bytes: Uint8Array } {
  if (type === "image/png") {
    const png = encodePng(image);
    if (png.byteLength <= maxBytes) return { contentType: "image/png", bytes: png };
  }
  return { contentType: "image/jpeg", bytes: encodeJpeg(image) };
}
