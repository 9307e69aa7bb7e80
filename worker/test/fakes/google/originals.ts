/// <reference types="node" />
// Each video's original thumbnail as real bytes: a 1280×720 PNG (a colour and a stripe pattern
// fixed by the video id), so a Worker can download it at link time and upload the same bytes at
// the end, and the fake can then tell by the hash that "the original is back".
import { createHash } from "node:crypto";
import { deflateSync } from "node:zlib";
import { sha256 } from "./image";

export const ORIGINAL_WIDTH = 1280;
export const ORIGINAL_HEIGHT = 720;

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), 8 + data.length);
  return out;
}

/** An 8-bit RGB PNG of `width`×`height` whose pixel (x, y) is `paint(x, y)`. */
export function encodePng(width: number, height: number, paint: (x: number, y: number) => [number, number, number]): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, deflate, no filter, no interlace
  const stride = 1 + width * 3;
  const raw = Buffer.alloc(height * stride); // each row starts with filter type 0
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const [r, g, b] = paint(x, y);
      const at = y * stride + 1 + x * 3;
      raw[at] = r;
      raw[at + 1] = g;
      raw[at + 2] = b;
    }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const shade = (rgb: number[], f: number) => rgb.map((v) => Math.max(0, Math.min(255, Math.round(v * f)))) as [number, number, number];

export interface OriginalThumbnail {
  bytes: Buffer;
  sha256: string;
  contentType: "image/png";
  width: number;
  height: number;
}

// The same video id always gives the same bytes; worlds share them rather than re-encoding.
const cache = new Map<string, OriginalThumbnail>();

/** The original thumbnail of a fake video: deterministic, valid for thumbnails.set as it is. */
export function originalThumbnail(videoId: string): OriginalThumbnail {
  const hit = cache.get(videoId);
  if (hit) return hit;
  const h = createHash("sha256").update(`original:${videoId}`).digest();
  const base = [60 + (h[0]! % 160), 60 + (h[1]! % 160), 60 + (h[2]! % 160)];
  const stripe = shade(base, 0.7);
  const band = shade(base, 1.6);
  const period = 40 + (h[3]! % 80);
  const paint = (x: number, y: number): [number, number, number] => {
    // A light band across the lower third, where a title would sit, over diagonal stripes.
    if (y > 470 && y < 600 && x > 80 && x < 1200) return band;
    return (x + y) % period < period / 3 ? stripe : (base as [number, number, number]);
  };
  const bytes = encodePng(ORIGINAL_WIDTH, ORIGINAL_HEIGHT, paint);
  const made: OriginalThumbnail = {
    bytes,
    sha256: sha256(bytes),
    contentType: "image/png",
    width: ORIGINAL_WIDTH,
    height: ORIGINAL_HEIGHT,
  };
  cache.set(videoId, made);
  return made;
}
