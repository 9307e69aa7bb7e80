/// <reference types="node" />
// A fake Google on one local port, speaking the real protocols and shapes of Google OAuth 2.0,
// the YouTube Data API v3 (with its upload endpoint), the Reporting API and the Analytics API,
// for workerd tests and `npm run fakes`. Each path prefix stands for one Google host, so the
// Worker's base-URL variables switch between this and Google without code changes.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { control } from "./control";
import { dataApi } from "./data-api";
import { googleError, send } from "./http";
import { authorize, revoke, token } from "./oauth";
import { reportingApi } from "./reporting";
import { Worlds } from "./world";

export interface FakeGoogleOptions {
  /** A simulated day lasts this many real seconds (60: a day a minute); unset, time runs at real speed. */
  daySeconds?: number;
  /** ms since 1970 where every world's clock equals real time; defaults to when startFakeGoogle was called. */
  epoch?: number;
}

export interface FakeGoogle {
  url: string;
  /** Every world's clock reads epoch + (Date.now() − epoch) × 86400 / daySeconds (until a test moves it). */
  epoch: number;
  daySeconds: number | undefined;
  /** The Worker variables that point at this fake, plus `acceleratedVars`. */
  vars: Record<string, string>;
  /** YOUTUBE_DAY_SECONDS and YOUTUBE_CLOCK_EPOCH for a Worker that shares this clock; empty at real speed. */
  acceleratedVars: Record<string, string>;
  close: () => Promise<void>;
}

export function fakeGoogleVars(base: string): Record<string, string> {
  return {
    GOOGLE_OAUTH_BASE: base,
    GOOGLE_TOKEN_BASE: base,
    YOUTUBE_API_BASE: `${base}/youtube/v3`,
    YOUTUBE_UPLOAD_BASE: `${base}/upload/youtube/v3`,
    YOUTUBE_REPORTING_BASE: `${base}/reporting/v1`,
    YOUTUBE_ANALYTICS_BASE: `${base}/analytics/v2`,
  };
}

/** The Worker's accelerated clock, the same mapping the fake's worlds use. */
export function acceleratedClockVars(daySeconds: number | undefined, epoch: number): Record<string, string> {
  return daySeconds ? { YOUTUBE_DAY_SECONDS: String(daySeconds), YOUTUBE_CLOCK_EPOCH: String(epoch) } : {};
}

/** `daySeconds` shortens a simulated day for demos (60: a day a minute); tests move the clock themselves. */
export async function startFakeGoogle(port = 0, opts: FakeGoogleOptions = {}): Promise<FakeGoogle> {
  const epoch = Math.round(opts.epoch ?? Date.now());
  if (opts.daySeconds !== undefined && !(opts.daySeconds > 0)) throw new RangeError("daySeconds must be a positive number");
  const worlds = new Worlds({ speed: opts.daySeconds ? 86_400 / opts.daySeconds : 1, epoch });
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://fake").pathname;
    const method = req.method ?? "GET";
    const handle = async () => {
      if (path.startsWith("/__control/")) return control(worlds, req, res, path);
      if (method === "GET" && path === "/o/oauth2/v2/auth") return authorize(worlds, req, res);
      if (method === "POST" && path === "/token") return token(worlds, req, res);
      if (method === "POST" && path === "/revoke") return revoke(worlds, req, res);
      const image = method === "GET" ? /^\/vi\/[^/]+\/([0-9a-f]{64})\.(png|jpg)$/.exec(path) : null;
      if (image) {
        const found = [...worlds.worlds.values()].map((w) => w.images.get(image[1]!)).find(Boolean);
        if (!found) return send(res, 404, { error: "no such image" });
        res.writeHead(200, { "content-type": found.contentType }).end(found.bytes);
        return;
      }
      if (await dataApi(worlds, req, res, path)) return;
      if (await reportingApi(worlds, req, res, path)) return;
      googleError(res, 404, "notFound", `The fake Google has no ${method} ${path}.`);
    };
    handle().catch((err: unknown) => {
      if (!res.headersSent) googleError(res, 500, "internalError", `fake error: ${String(err)}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  worlds.base = base;
  const acceleratedVars = acceleratedClockVars(opts.daySeconds, epoch);
  return {
    url: base,
    epoch,
    daySeconds: opts.daySeconds,
    vars: { ...fakeGoogleVars(base), ...acceleratedVars },
    acceleratedVars,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
