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

export interface FakeGoogle {
  url: string;
  /** The Worker variables that point at this fake. */
  vars: Record<string, string>;
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

/** `daySeconds` shortens a simulated day for demos (60: a day a minute); tests move the clock themselves. */
export async function startFakeGoogle(port = 0, opts: { daySeconds?: number } = {}): Promise<FakeGoogle> {
  const worlds = new Worlds();
  if (opts.daySeconds) worlds.speed = 86_400 / opts.daySeconds;
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
  return {
    url: base,
    vars: fakeGoogleVars(base),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
