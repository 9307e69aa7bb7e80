// Each thumbnail version renders once: its PNG is kept in R2 under the SHA-256 of the SVG it was
// drawn from, so the same design (same headline, palette, art) at the same width is one object,
// whichever workflow or request asks. A hit costs a hash and one R2 read instead of ~50 ms of CPU.
import { renderPng } from "./png";

const HEX = (bytes: ArrayBuffer) => [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, "0")).join("");

export async function renderKey(svg: string, width: number): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(svg));
  return `renders/${HEX(digest)}/${width}.png`;
}

/** The PNG of `svg` at `width`, from R2 when it was rendered before; `rendered` says which. */
export async function cachedPng(
  bucket: R2Bucket,
  svg: string,
  width: number,
  /** Inlines what the SVG only references (an image model's background); run on a miss only. */
  prepare: (svg: string) => Promise<string> = async (s) => s,
): Promise<{ bytes: Uint8Array; rendered: boolean }> {
  // The key is the SVG as stored, whose art:<sha-256> reference already names the background.
  const key = await renderKey(svg, width);
  const hit = await bucket.get(key);
  if (hit) return { bytes: new Uint8Array(await hit.arrayBuffer()), rendered: false };
  const bytes = await renderPng(await prepare(svg), { width });
  // Two first requests racing both render and both write the same bytes: harmless.
  await bucket.put(key, bytes, { httpMetadata: { contentType: "image/png" } });
  return { bytes, rendered: true };
}
