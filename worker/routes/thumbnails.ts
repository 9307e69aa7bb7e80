// Thumbnail images load in a plain <img>, so they carry no Authorization header. The random
// thumbnail id in the path is the capability: unguessable, and scoped to one workflow. The
// ?v= version in the API's URLs changes with every redraw, so a long immutable cache is safe.
import { Hono } from "hono";
import type { AppEnv } from "../env";
import { ApiError } from "../http/problem";
import { UUID_PATTERN } from "../lib/ids";
import { PREVIEW_WIDTHS, type PreviewWidth } from "../lib/image-encode";
import { cachedPng } from "../render/png-cache";
import { withArt } from "../render/thumbnail-look";
import { workflowStub } from "./workflows";

const FILE = new RegExp(`^(${UUID_PATTERN})\\.(svg|png|jpg)$`);
/** 1280 for YouTube; the rest are the sizes YouTube shows thumbnails at, for previews. */
const PNG_WIDTHS = new Set<number>([...PREVIEW_WIDTHS, 1280]);
const CACHE = { "cache-control": "private, max-age=31536000, immutable", "x-content-type-options": "nosniff" };

export const thumbnailRoutes = new Hono<AppEnv>().get("/:workflowId/:file", async (c) => {
  const match = FILE.exec(c.req.param("file"));
  if (!match) throw new ApiError(404, "No such thumbnail.");
  const [, id, ext] = match;
  const width = Number(c.req.query("width") ?? 1280);
  if (!PNG_WIDTHS.has(width))
    throw new ApiError(400, "The query string is invalid.", [{ path: "width", message: "must be 168, 246, 360 or 1280" }]);
  const media = await workflowStub(c.env, c.req.param("workflowId")).thumbnailMedia(id!);
  if (media?.kind === "upload" && (ext === "png") === (media.contentType === "image/png") && ext !== "svg") {
    // The stored upload is already a fresh encoding (worker/lib/upload-image.ts); previews are PNG.
    const preview = width === 1280 ? null : media.previews[width as PreviewWidth];
    if (width !== 1280 && !preview) throw new ApiError(404, "No such thumbnail.");
    const [bytes, type] = preview ? [preview, "image/png"] : [media.bytes, media.contentType];
    return new Response(new Uint8Array(bytes), { headers: { "content-type": type, ...CACHE } });
  }
  if (media?.kind === "svg" && ext === "svg") {
    // SVG can carry script; this keeps an opened image inert.
    return c.body(await withArt(c.env.MEDIA, media.svg), 200, {
      "content-type": "image/svg+xml; charset=utf-8",
      "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; img-src data:",
      ...CACHE,
    });
  }
  if (media?.kind === "svg" && ext === "png") {
    const name = `thumbnail-${id!.slice(0, 8)}${width === 1280 ? "" : `-${width}`}.png`;
    const { bytes, rendered } = await cachedPng(c.env.MEDIA, media.svg, width, (svg) => withArt(c.env.MEDIA, svg));
    return new Response(new Uint8Array(bytes), {
      headers: {
        "content-type": "image/png",
        "content-disposition": `inline; filename="${name}"`,
        // Whether this request drew the PNG or found it kept: what bench:render counts.
        "x-render": rendered ? "rendered" : "cached",
        ...CACHE,
      },
    });
  }
  throw new ApiError(404, "No such thumbnail.");
});
