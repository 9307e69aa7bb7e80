/// <reference types="node" />
// A real webhook receiver that checks every delivery with the `standardwebhooks` library, the way
// an integrator would. Tests register a receiver with its secret and behaviour, then read back
// what arrived:
//   POST /__receivers {secret, fail_first?, fail_status?, status?, delay_ms?} -> {id, url}
//   PUT  /__receivers/<id> {secret, ...} -> 204 (e.g. once the endpoint's secret is known)
//   GET  /__receivers/<id>/deliveries -> [{webhook_id, timestamp, verified, error, answered, body}]
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";

interface ReceiverConfig {
  secret: string;
  /** Answer this many deliveries with fail_status before accepting. */
  fail_first?: number;
  fail_status?: number;
  /** Status once the failures are used up; 204 by default. */
  status?: number;
  /** Wait this long before answering, to trigger the sender's timeout. */
  delay_ms?: number;
  /** Where a 3xx answer points (default: this receiver's /elsewhere). */
  location?: string;
}

export interface ReceivedDelivery {
  webhook_id: string | null;
  timestamp: string | null;
  verified: boolean;
  error: string | null;
  answered: number;
  body: unknown;
}

/** With `tls` the receiver speaks https (a certificate the test CA signed, test-ca.ts). */
export async function startWebhookReceiver(tls?: { key: string; cert: string }): Promise<{ url: string; close: () => Promise<void> }> {
  const receivers = new Map<string, { config: ReceiverConfig; deliveries: ReceivedDelivery[] }>();
  let next = 0;
  let base = "";

  async function readBody(req: IncomingMessage): Promise<string> {
    let raw = "";
    for await (const chunk of req) raw += chunk;
    return raw;
  }

  function json(res: ServerResponse, status: number, body: unknown) {
    res.writeHead(status, { "content-type": "application/json" });
    res.end(JSON.stringify(body));
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const path = new URL(req.url ?? "/", "http://fake").pathname;
    if (req.method === "POST" && path === "/__receivers") {
      const config = JSON.parse(await readBody(req)) as ReceiverConfig;
      const id = `r${++next}`;
      receivers.set(id, { config, deliveries: [] });
      return json(res, 201, { id, url: `${base}/hooks/${id}` });
    }
    const update = /^\/__receivers\/([^/]+)$/.exec(path);
    if (req.method === "PUT" && update && receivers.has(update[1]!)) {
      receivers.get(update[1]!)!.config = JSON.parse(await readBody(req)) as ReceiverConfig;
      res.writeHead(204).end();
      return;
    }
    const list = /^\/__receivers\/([^/]+)\/deliveries$/.exec(path);
    if (req.method === "GET" && list) return json(res, 200, receivers.get(list[1]!)?.deliveries ?? []);

    const hook = /^\/hooks\/([^/]+)$/.exec(path);
    const receiver = hook && receivers.get(hook[1]!);
    if (req.method !== "POST" || !receiver) return json(res, 404, { error: "no such receiver" });

    const payload = await readBody(req);
    const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(",") : (v ?? "")]));
    let verified = false;
    let error: string | null = null;
    try {
      new Webhook(receiver.config.secret).verify(payload, headers);
      verified = true;
    } catch (err) {
      error = err instanceof Error ? err.message : String(err);
    }
    const { fail_first = 0, fail_status = 500, status = 204, delay_ms = 0 } = receiver.config;
    const answered = !verified ? 401 : receiver.deliveries.filter((d) => d.verified).length < fail_first ? fail_status : status;
    let body: unknown = payload;
    try {
      body = JSON.parse(payload);
    } catch {
      // keep the raw text
    }
    receiver.deliveries.push({
      webhook_id: headers["webhook-id"] ?? null,
      timestamp: headers["webhook-timestamp"] ?? null,
      verified,
      error,
      answered,
      body,
    });
    if (delay_ms) await new Promise((r) => setTimeout(r, delay_ms));
    if (res.destroyed) return;
    res.writeHead(answered, answered >= 300 && answered < 400 ? { location: receiver.config.location ?? `${base}/elsewhere` } : {});
    res.end();
  }

  const listener = (req: IncomingMessage, res: ServerResponse) => {
    handle(req, res).catch((err) => json(res, 500, { error: String(err) }));
  };
  const server = tls ? createHttpsServer(tls, listener) : createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `${tls ? "https" : "http"}://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
