// Body and query parsing that turns every malformed input into a 400 problem, never a 5xx.
import type { Context } from "hono";
import type { z } from "zod";
import { ApiError, zodErrors } from "./problem";

const MAX_BODY_BYTES = 64 * 1024;

async function readBody(c: Context): Promise<unknown> {
  const length = Number(c.req.header("content-length") ?? "0");
  if (length > MAX_BODY_BYTES) throw new ApiError(413, `Request bodies are limited to ${MAX_BODY_BYTES} bytes.`);
  // Decode bytes ourselves: form bodies are text too, and req.text() warns about them.
  const text = new TextDecoder().decode(await c.req.arrayBuffer());
  if (text.length > MAX_BODY_BYTES) throw new ApiError(413, `Request bodies are limited to ${MAX_BODY_BYTES} bytes.`);
  const type = (c.req.header("content-type") ?? "").toLowerCase();
  if (type.startsWith("application/x-www-form-urlencoded")) {
    return Object.fromEntries(new URLSearchParams(text));
  }
  if (text.trim() === "") return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError(400, "The request body is not valid JSON.", [{ path: "(body)", message: "invalid JSON" }]);
  }
}

export async function parseBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.output<S>> {
  const raw = await readBody(c);
  const result = schema.safeParse(raw);
  if (!result.success) throw new ApiError(400, "The request body is invalid.", zodErrors(result.error));
  return result.data;
}

export function parseQuery<S extends z.ZodType>(c: Context, schema: S): z.output<S> {
  const result = schema.safeParse(c.req.query());
  if (!result.success) throw new ApiError(400, "The query string is invalid.", zodErrors(result.error));
  return result.data;
}
