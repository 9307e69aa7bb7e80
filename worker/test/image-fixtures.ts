// Real image files for the upload tests, made byte by byte: valid PNG and JPEG (the JPEG with an
// EXIF block carrying GPS text, to see it gone), and the broken or hostile files an attacker sends.
import { encode as encodePng } from "fast-png";
import { encode as encodeJpeg } from "jpeg-js";

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  out.set(new TextEncoder().encode(type), 4);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) (out.set(p, at), (at += p.length));
  return out;
}

/** Signature and a well-formed IHDR chunk claiming width×height (8-bit RGB), with a valid CRC. */
export function pngHeader(width: number, height: number): Uint8Array {
  const ihdr = new Uint8Array(13);
  const view = new DataView(ihdr.buffer);
  view.setUint32(0, width >>> 0);
  view.setUint32(4, height >>> 0);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return concat(new Uint8Array(PNG_SIGNATURE), chunk("IHDR", ihdr));
}

/** A gradient with a diagonal stripe, so a resize that drops rows or columns shows. */
export function pixels(width: number, height: number): Uint8Array {
  const data = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      data.set([(x * 255) / width, (y * 255) / height, Math.abs(x - y) < 8 ? 255 : 40, 255], i);
    }
  return data;
}

export function validPng(width = 1280, height = 720): Uint8Array {
  const png = encodePng({ width, height, data: pixels(width, height), channels: 4, depth: 8 });
  // A tEXt chunk with a location, which the re-encode must drop.
  const text = chunk("tEXt", new TextEncoder().encode("Comment\0GPS 35.6762N 139.6503E"));
  const iend = png.length - 12;
  return concat(png.subarray(0, iend), text, png.subarray(iend));
}

/** A valid RGB PNG filled with one colour (async, as the YouTube tests await it). */
export async function solidPng(rgb: [number, number, number], width = 1280, height = 720): Promise<Uint8Array> {
  const data = new Uint8Array(width * height * 3);
  for (let i = 0; i < data.length; i += 3) data.set(rgb, i);
  return encodePng({ width, height, data, channels: 3, depth: 8 });
}

/** The marker every test looks for in the stored bytes. */
export const EXIF_MARKER = "GPSLatitude 35.6762N";

export function validJpeg(width = 1280, height = 720): Uint8Array {
  const jpeg = new Uint8Array(encodeJpeg({ width, height, data: pixels(width, height) }, 85).data);
  // APP1 "Exif" segment right after SOI, as a camera writes it.
  const payload = new TextEncoder().encode(`Exif\0\0${EXIF_MARKER} Make=TestCam`);
  const app1 = new Uint8Array(4 + payload.length);
  app1.set([0xff, 0xe1, ((payload.length + 2) >> 8) & 0xff, (payload.length + 2) & 0xff]);
  app1.set(payload, 4);
  return concat(jpeg.subarray(0, 2), app1, jpeg.subarray(2));
}

/** The four broken PNGs of issue 20 and the two broken JPEGs, each with what it is. */
export function hostileImages(): { name: string; type: "image/png" | "image/jpeg"; bytes: Uint8Array }[] {
  const jpeg = validJpeg();
  const wrongMarker = jpeg.slice();
  // The first DQT marker (FF DB) becomes FF 01, which no JPEG decoder knows.
  const dqt = wrongMarker.findIndex((b, i) => b === 0xff && wrongMarker[i + 1] === 0xdb);
  wrongMarker[dqt + 1] = 0x01;
  return [
    { name: "truncated PNG (1280×720 header, no IDAT/IEND)", type: "image/png", bytes: pngHeader(1280, 720) },
    { name: "PNG claiming 160000×90000", type: "image/png", bytes: concat(pngHeader(160000, 90000), validPng().subarray(33)) },
    {
      name: "PNG claiming 4294967295×2415919103",
      type: "image/png",
      bytes: concat(pngHeader(4294967295, 2415919103), validPng().subarray(33)),
    },
    {
      name: "PNG header followed by HTML",
      type: "image/png",
      bytes: concat(pngHeader(1280, 720), new TextEncoder().encode("<html><script>alert(document.cookie)</script></html>")),
    },
    { name: "truncated JPEG", type: "image/jpeg", bytes: jpeg.subarray(0, Math.floor(jpeg.length / 2)) },
    { name: "JPEG with a wrong marker", type: "image/jpeg", bytes: wrongMarker },
    { name: "0 bytes", type: "image/png", bytes: new Uint8Array(0) },
  ];
}

/** A PNG's width and height from its IHDR (for checking what the server sends back). */
export function pngSize(bytes: Uint8Array): { width: number; height: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}
