/// <reference types="node" />
// The picture the fake image models answer with: real PNG bytes, a dark-to-bright gradient with a
// large disc on the right (where the prompts put the subject) and no text at all, so any letters
// on the finished thumbnail can only have come from our headline layer.
import { encode } from "fast-png";

export function fakeArtPng(width: number, height: number, seed = 0): Uint8Array {
  const data = new Uint8Array(width * height * 3);
  const cx = width * 0.72;
  const cy = height * 0.5;
  const r = height * 0.32;
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      const inDisc = (x - cx) ** 2 + (y - cy) ** 2 < r * r;
      const t = x / width;
      data[i] = inDisc ? 250 : Math.round(20 + 120 * t + (seed % 7) * 10);
      data[i + 1] = inDisc ? 190 : Math.round(30 + 60 * t);
      data[i + 2] = inDisc ? 40 : Math.round(90 + 100 * (1 - t));
    }
  return encode({ width, height, data, channels: 3, depth: 8 });
}

/** What a fake logs of each reference image that arrived. */
export interface ArrivedImage {
  field: string;
  type: string;
  bytes: number;
  jpeg: boolean;
}

export async function arrivedImages(entries: [string, FormDataEntryValue][]): Promise<ArrivedImage[]> {
  const out: ArrivedImage[] = [];
  for (const [field, value] of entries) {
    if (typeof value === "string") continue;
    const bytes = new Uint8Array(await value.arrayBuffer());
    out.push({ field, type: value.type, bytes: bytes.length, jpeg: bytes[0] === 0xff && bytes[1] === 0xd8 });
  }
  return out;
}
