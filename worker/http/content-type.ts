// JSON in: a request body must say application/json, for every route, including routes added
// later. The few exceptions are named here: image uploads (the route that takes the bytes checks
// the type it needs, and parseBody refuses images on JSON routes) and OAuth2's password form on
// sign-in. text/plain matters most: a cross-site page can send it without a CORS preflight.
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../env";
import { ApiError } from "./problem";

export const JSON_TYPE = "application/json";
export const FORM_TYPE = "application/x-www-form-urlencoded";
/** Raw image bodies, for the upload routes (which refuse what they cannot use). */
export const IMAGE_TYPES: ReadonlySet<string> = new Set(["image/png", "image/jpeg"]);
/** The one route that also takes the OAuth2 password form (RFC 6749 4.3). */
const FORM_PATHS: ReadonlySet<string> = new Set(["/api/v1/auth/login"]);

/** The media type of a Content-Type header, lower-cased and without parameters ("" when absent). */
export const mediaType = (header: string | undefined) => (header ?? "").split(";")[0]!.trim().toLowerCase();

export const unsupportedMediaType = (sent: string, allowed: string[]) =>
  new ApiError(415, `Send the body as ${allowed.join(" or ")}${sent ? `, not ${sent}` : " with a Content-Type header"}.`, [
    { path: "content-type", message: sent ? `'${sent}' is not accepted here` : "is missing" },
  ]);

function hasBody(request: Request): boolean {
  return request.body !== null && request.headers.get("content-length") !== "0";
}

export function requireJsonBodies(): MiddlewareHandler<AppEnv> {
  return async function requireJsonBodies(c, next) {
    if (!hasBody(c.req.raw)) return next();
    const type = mediaType(c.req.header("content-type"));
    const form = FORM_PATHS.has(c.req.path);
    if (type === JSON_TYPE || IMAGE_TYPES.has(type) || (form && type === FORM_TYPE)) return next();
    throw unsupportedMediaType(type, form ? [JSON_TYPE, FORM_TYPE] : [JSON_TYPE]);
  };
}
