// Body and query parsing that turns every malformed input into a 400 problem, never a 5xx.
import type { Context } from "hono";
import type { z } from "zod";
import { FORM_TYPE, JSON_TYPE, mediaType, unsupportedMediaType } from "./content-type";
import { ApiError, zodErrors } from "./problem";

const MAX_BODY_BYTES = 64 * 1024;

/** A stream's bytes, or null past `max` (counted as it streams: a chunked body has no length to trust). */
export async function readAtMost(stream: ReadableStream<Uint8Array> | null, max: number): Promise<Uint8Array | null> {
  if (!stream) return new Uint8Array(0);
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const all = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    all.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return all;
}

/** Reads at most `max` bytes of the request body, or answers 413. */
export async function readBytes(c: Context, max = MAX_BODY_BYTES): Promise<Uint8Array> {
  const tooLarge = () => new ApiError(413, `Request bodies are limited to ${max} bytes.`);
  if (Number(c.req.header("content-length") ?? "0") > max) throw tooLarge();
  const bytes = await readAtMost(c.req.raw.body, max);
  if (!bytes) throw tooLarge();
  return bytes;
}

const readText = async (c: Context): Promise<string> => new TextDecoder().decode(await readBytes(c));

/**
 * A body as the routes read it: JSON, or with `form` the form encoding (OAuth2's password form).
 * Any other declared type is a 415 (content-type.ts refuses most before the route runs; this
 * refuses the image types on JSON routes). A form field sent twice is refused, never guessed at.
 */
export function parseBodyText(text: string, contentType: string | undefined, form = false): unknown {
  const type = mediaType(contentType);
  if (form && type === FORM_TYPE) {
    const params = new URLSearchParams(text);
    const repeated = [...params.keys()].find((k, i, all) => all.indexOf(k) !== i);
    if (repeated) throw new ApiError(400, "The request body is invalid.", [{ path: repeated, message: "appears more than once" }]);
    return Object.fromEntries(params);
  }
  if (text.trim() === "") return {};
  if (type !== JSON_TYPE) throw unsupportedMediaType(type, form ? [JSON_TYPE, FORM_TYPE] : [JSON_TYPE]);
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError(400, "The request body is not valid JSON.", [{ path: "(body)", message: "invalid JSON" }]);
  }
}

export async function parseBody<S extends z.ZodType>(c: Context, schema: S, opts: { form?: boolean } = {}): Promise<z.output<S>> {
  const raw = parseBodyText(await readText(c), c.req.header("content-type"), opts.form);
  const result = schema.safeParse(raw);
  if (!result.success) throw new ApiError(400, "The request body is invalid.", zodErrors(result.error));
  return result.data;
}

export function parseQuery<S extends z.ZodType>(c: Context, schema: S): z.output<S> {
  const result = schema.safeParse(c.req.query());
  if (!result.success) throw new ApiError(400, "The query string is invalid.", zodErrors(result.error));
  return result.data;
}
