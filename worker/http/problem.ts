// Every error leaves the API as RFC 9457 problem details, built in one place.
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { ZodError } from "zod";
import type { Result } from "../domain/refusal";
import { budgetExceeded } from "../limits/problem";
import type { Problem } from "../shared/contract";

const TITLES: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  409: "Conflict",
  413: "Content Too Large",
  415: "Unsupported Media Type",
  429: "Too Many Requests",
  500: "Internal Server Error",
  503: "Service Unavailable",
};

const SLUGS: Record<number, string> = {
  400: "invalid-request",
  401: "unauthorized",
  403: "forbidden",
  404: "not-found",
  405: "method-not-allowed",
  409: "conflict",
  413: "too-large",
  415: "unsupported-media-type",
  429: "too-many-requests",
  500: "internal-error",
  503: "unavailable",
};

export function problemBody(status: number, detail: string, errors?: Problem["errors"]): Problem {
  const body: Problem = {
    type: `https://creator-agent-toolbox.dev/problems/${SLUGS[status] ?? "error"}`,
    title: TITLES[status] ?? "Error",
    status,
    detail,
  };
  if (errors?.length) body.errors = errors;
  return body;
}

/** Thrown by handlers and middleware; app.onError turns it into problem+json. */
export class ApiError extends HTTPException {
  constructor(
    readonly statusCode: ContentfulStatusCode,
    readonly detail: string,
    readonly errors?: Problem["errors"],
    readonly headers: Record<string, string> = {},
  ) {
    super(statusCode, { message: detail });
  }
}

export function zodErrors(error: ZodError): NonNullable<Problem["errors"]> {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join(".") || "(body)",
    message: issue.message,
  }));
}

export function problemResponse(
  c: Context,
  status: number,
  detail: string,
  errors?: Problem["errors"],
  headers: Record<string, string> = {},
) {
  return c.json(problemBody(status, detail, errors), status as ContentfulStatusCode, {
    "content-type": "application/problem+json",
    ...headers,
  });
}

export function handleError(err: Error, c: Context) {
  if (err instanceof ApiError) return problemResponse(c, err.statusCode, err.detail, err.errors, err.headers);
  if (err instanceof HTTPException && err.res) return err.getResponse();
  if (err instanceof HTTPException) return problemResponse(c, err.status, err.message || TITLES[err.status] || "Error");
  // A 5xx is a bug: log it without request data (which may hold secrets) and answer generically.
  console.error("unhandled error", err.name, err.message, err.stack);
  return problemResponse(c, 500, "An unexpected error occurred.");
}

/** The one path from a domain refusal to problem details: the value, or the refusal thrown as an ApiError. */
export function unwrap<T>(result: Result<T>): T {
  if (!result.ok && result.refusal.budget) throw new HTTPException(429, { res: budgetExceeded(result.refusal.budget, Date.now()) });
  if (!result.ok) throw new ApiError(result.refusal.status, result.refusal.detail, result.refusal.errors);
  return result.value;
}
