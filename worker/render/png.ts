// SVG → PNG inside the Worker with resvg compiled to WebAssembly, for YouTube (which takes PNG or
// JPEG, never SVG) and for downloads. The wasm is instantiated once per isolate; fonts are the
// bundled ones, so a render needs no network and draws the same everywhere.
import { Resvg, initWasm } from "@resvg/resvg-wasm";
import resvgWasm from "@resvg/resvg-wasm/index_bg.wasm";
import { DISPLAY_FAMILY, TEXT_FAMILY, fontBuffers } from "./fonts";

export const THUMBNAIL_WIDTH = 1280;
export const THUMBNAIL_HEIGHT = 720;

export interface RenderOptions {
  /** Output width in pixels; the height follows the SVG's aspect ratio. Default 1280. */
  width?: number;
}

let ready: Promise<void> | null = null;
let fonts: Uint8Array[] | null = null;

function init(): Promise<void> {
  // A failed start must not poison the isolate: the next call tries again.
  ready ??= initWasm(resvgWasm).catch((err: unknown) => {
    ready = null;
    throw err;
  });
  return ready;
}

/** Renders once and hands the image to `read` before the wasm memory behind it is freed. */
async function render<T>(
  svg: string,
  options: RenderOptions,
  read: (image: { width: number; height: number; pixels: Uint8Array; asPng(): Uint8Array }) => T,
): Promise<T> {
  await init();
  fonts ??= fontBuffers();
  const resvg = new Resvg(svg, renderOptions(options));
  try {
    const image = resvg.render();
    try {
      return read(image);
    } finally {
      image.free();
    }
  } finally {
    resvg.free();
  }
}

/** A PNG of the SVG, 1280 px wide unless options.width says otherwise (1280×720 for a thumbnail). */
export function renderPng(svg: string, options: RenderOptions = {}): Promise<Uint8Array> {
  return render(svg, options, (image) => image.asPng());
}

/** Raw RGBA pixels, for another encoder (JPEG) or for checks. */
export function renderPixels(svg: string, options: RenderOptions = {}): Promise<{ width: number; height: number; rgba: Uint8Array }> {
  return render(svg, options, (image) => ({ width: image.width, height: image.height, rgba: image.pixels }));
}

function renderOptions(options: RenderOptions) {
  const width = Math.round(options.width ?? THUMBNAIL_WIDTH);
  if (!Number.isFinite(width) || width < 16 || width > 3840) throw new RangeError(`width must be 16–3840 px; got ${options.width}`);
  return {
    fitTo: { mode: "width" as const, value: width },
    font: {
      fontBuffers: fonts!,
      defaultFontFamily: TEXT_FAMILY,
      sansSerifFamily: TEXT_FAMILY,
      fantasyFamily: DISPLAY_FAMILY,
    },
    textRendering: 1 as const,
    shapeRendering: 2 as const,
  };
}
