/// <reference types="node" />
// A real HTTP server speaking Workers AI's REST API for image models:
//   POST /client/v4/accounts/{account}/ai/run/{model...} (multipart: prompt, width, height, seed,
//   input_image_0..3) → {success: true, result: {image: <base64 PNG>}, errors: [], messages: []}.
// The account id is the scenario: "success", "server-error" (500), "hang" (never answers),
// "garbage" (an HTML body), "broken-image" (a PNG header and nothing else); a "#tag" suffix keeps
// each test's log apart. GET /__calls?account=... returns what arrived, references included.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { type ArrivedImage, arrivedImages, fakeArtPng } from "./fake-art";

export interface WorkersAiCall {
  model: string;
  authorization: string | null;
  prompt: string;
  width: number;
  height: number;
  references: ArrivedImage[];
}

export async function startWorkersAiFake(port = 0): Promise<{ url: string; close: () => Promise<void> }> {
  const calls = new Map<string, WorkersAiCall[]>();
  const send = (res: ServerResponse, status: number, body: unknown, type = "application/json") => {
    res.writeHead(status, { "content-type": type });
    res.end(typeof body === "string" ? body : JSON.stringify(body));
  };

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? "/", "http://fake");
    if (req.method === "GET" && url.pathname === "/__calls") return send(res, 200, calls.get(url.searchParams.get("account") ?? "") ?? []);
    const match = /^\/client\/v4\/accounts\/([^/]+)\/ai\/run\/(.+)$/.exec(url.pathname);
    if (req.method !== "POST" || !match)
      return send(res, 404, { success: false, errors: [{ code: 7000, message: "No route for that URI" }] });
    const account = decodeURIComponent(match[1]!);
    const scenario = account.split("#")[0]!;
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const form = await new Request("http://fake", {
      method: "POST",
      headers: { "content-type": req.headers["content-type"] ?? "" },
      body: Buffer.concat(chunks),
    }).formData();
    const width = Number(form.get("width") ?? 1024);
    const height = Number(form.get("height") ?? 1024);
    const log = calls.get(account) ?? [];
    calls.set(account, log);
    log.push({
      model: match[2]!,
      authorization: req.headers.authorization ?? null,
      prompt: String(form.get("prompt") ?? ""),
      width,
      height,
      references: await arrivedImages([...form.entries()]),
    });
    if (scenario === "hang") return; // never answers; the client must time out
    if (scenario === "server-error")
      return send(res, 500, { success: false, errors: [{ code: 3040, message: "Capacity temporarily exceeded" }] });
    if (scenario === "garbage") return send(res, 200, "<html>bad gateway</html>", "text/html");
    const png = scenario === "broken-image" ? fakeArtPng(16, 16).subarray(0, 33) : fakeArtPng(width, height, log.length);
    send(res, 200, { success: true, result: { image: Buffer.from(png).toString("base64") }, errors: [], messages: [] });
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err) => send(res, 500, { success: false, errors: [{ code: 0, message: String(err) }] }));
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const bound = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${bound}/client/v4`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
