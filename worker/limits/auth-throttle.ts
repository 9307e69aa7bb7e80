// Throttles for the unauthenticated account endpoints, keyed by client IP: a burst limit on
// every password check (the Workers Rate Limiting binding: cheap, before any D1 or PBKDF2 work)
// and an hourly cap on registrations (an atomic D1 counter, since the binding only knows 10- and
// 60-second periods). Requests without a usable CF-Connecting-IP count as one shared unknown
// client outside development (auth/client-ip.ts), so leaving the header out never unthrottles.
import type { MiddlewareHandler } from "hono";
import { throttleClient } from "../auth/client-ip";
import type { AppEnv, Env } from "../env";
import { ApiError } from "../http/problem";
import { registrationsPerHour } from "./budgets";
import { takeCount } from "./counters";
import { HOUR_MS, hourStart } from "./windows";

/** The binding's period (wrangler.toml [[ratelimits]] AUTH_RATE_LIMITER). */
const BURST_PERIOD_SECONDS = 60;

export function authBurstLimit(): MiddlewareHandler<AppEnv> {
  return async function authBurstLimit(c, next) {
    const ip = throttleClient(c.req.raw.headers, c.env.ENVIRONMENT);
    const limiter = c.env.AUTH_RATE_LIMITER;
    if (ip && limiter && !(await limiter.limit({ key: `auth:${ip}` })).success) {
      throw new ApiError(429, `Too many sign-in requests from your network. Try again in ${BURST_PERIOD_SECONDS} seconds.`, undefined, {
        "retry-after": String(BURST_PERIOD_SECONDS),
      });
    }
    await next();
  };
}

/** Counts one registration for the client's IP; throws 429 with Retry-After past the hourly cap. */
export async function takeRegistrationSlot(env: Env, headers: Headers, now: number): Promise<void> {
  const ip = throttleClient(headers, env.ENVIRONMENT);
  if (!ip) return;
  const limit = registrationsPerHour(env);
  const windowStart = hourStart(now);
  const taken = await takeCount(env.DB, { subject: `ip:${ip}`, name: "registrations", windowStart, limit });
  if (!taken.ok) {
    const wait = Math.max(1, Math.ceil((windowStart + HOUR_MS - now) / 1000));
    throw new ApiError(
      429,
      `At most ${limit} accounts can be created per hour from one network. Try again in ${wait} seconds.`,
      undefined,
      {
        "retry-after": String(wait),
      },
    );
  }
}
