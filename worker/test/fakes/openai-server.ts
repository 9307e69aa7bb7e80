/// <reference types="node" />
// A real HTTP server speaking OpenAI's /v1/chat/completions and /v1/images/generations|edits
// (images: real PNG bytes as b64_json; edits log the reference images that arrived), for tests
// and for `npm start` demos.
// The scenario comes from the `x-fake-scenario` header or from the model name: "<scenario>" or
// "<scenario>#<tag>", where the tag keeps each test's call log and attempt counts separate.
// PUT /__scenario {model, scenario} pins the scenario for a model name, for callers whose model
// is fixed by configuration (the Worker under test, or `npm start`).
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { type ArrivedImage, arrivedImages, fakeArtPng } from "./fake-art";

export const OPENAI_SCENARIOS = [
  "success",
  "rate-limit-then-success",
  "rate-limit-long",
  "server-error",
  "hang",
  "malformed-then-repaired",
  "always-malformed",
  "garbage-body",
  "too-short-then-right",
] as const;

export interface FakeCall {
  scenario: string;
  status: number;
  authorization: string | null;
  body: { model: string; messages: { role: string; content: string }[]; response_format?: unknown };
  usage: { prompt_tokens: number; completion_tokens: number } | null;
}

const ANGLES = [
  "the honest beginner's guide",
  "the costly mistakes",
  "the 30-day experiment",
  "the myth buster",
  "the budget version",
  "the expert shortcut",
];

/** `n` spoken words about the topic, in sentences, as a model would write them (none repeated). */
function spokenText(topic: string, heading: string, n: number, seed: number): string {
  const words: string[] = [];
  for (let k = 0; words.length < n; k++) {
    words.push(...`Step ${k + 1} of ${heading.toLowerCase()} for ${topic} is point ${seed}.${k}, shown on camera.`.split(" "));
  }
  return words
    .slice(0, n)
    .join(" ")
    .replace(/[.,]?$/, ".");
}

function scriptsFor(prompt: string, previousTurns: number, lengthShare = 1) {
  const topic = /^Topic: (.*)$/m.exec(prompt)?.[1] ?? "your topic";
  const count = Number(/Write exactly (\d+) scripts/.exec(prompt)?.[1] ?? 3);
  const revision = Number(/^Revision: (\d+)$/m.exec(prompt)?.[1] ?? 1);
  const words = Number(/about (\d+) spoken words per script/.exec(prompt)?.[1] ?? 450);
  const feedback = /"""\n([\s\S]*?)\n"""/.exec(prompt)?.[1];
  const keyword = /^- "([^"]+)"/m.exec(prompt)?.[1] ?? topic;
  return Array.from({ length: count }, (_, i) => {
    const angle = ANGLES[(i + (revision - 1) * count) % ANGLES.length]!;
    const hook = `Everyone searching "${keyword}" gets this wrong, and it costs them.`;
    const cta = "Subscribe for the follow-up.";
    const headings = [
      `Why ${keyword} matters`,
      "Three concrete steps",
      feedback ? `More on ${feedback.slice(0, 40)}` : "The common mistake",
      "Recap",
    ];
    const each = Math.max(5, Math.round((words * lengthShare - 16) / headings.length));
    return {
      title: `${topic}: ${angle} (take ${revision}.${i + 1}${previousTurns ? " repaired" : ""})`,
      angle,
      hook,
      sections: headings.map((heading, j) => ({
        heading,
        spoken: spokenText(topic, heading, each, j),
        b_roll: [`Shot ${j + 1}: ${heading}`],
      })),
      call_to_action: cta,
    };
  });
}

const tokens = (text: string) => Math.ceil(text.length / 4);

export interface FakeImageCall {
  endpoint: "generations" | "edits";
  model: string;
  prompt: string;
  size: string;
  authorization: string | null;
  references: ArrivedImage[];
}

/** Images: the model name is the scenario ("success", "server-error", "hang"), as for chat. */
async function images(
  req: IncomingMessage,
  res: ServerResponse,
  endpoint: "generations" | "edits",
  log: (model: string, call: FakeImageCall) => void,
) {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks);
  let fields: Record<string, string>;
  let references: ArrivedImage[] = [];
  if (endpoint === "edits") {
    const form = await new Request("http://fake", {
      method: "POST",
      headers: { "content-type": req.headers["content-type"] ?? "" },
      body: raw,
    }).formData();
    fields = Object.fromEntries([...form.entries()].filter(([, v]) => typeof v === "string")) as Record<string, string>;
    references = await arrivedImages([...form.entries()]);
  } else fields = JSON.parse(raw.toString("utf8")) as Record<string, string>;
  const model = fields.model ?? "";
  const scenario = model.split("#")[0]!;
  const size = fields.size ?? "1024x1024";
  log(model, { endpoint, model, prompt: fields.prompt ?? "", size, authorization: req.headers.authorization ?? null, references });
  if (scenario === "hang") return;
  if (scenario === "server-error") {
    res.writeHead(500, { "content-type": "application/json" });
    return res.end(JSON.stringify({ error: { message: "The server had an error while processing your request.", type: "server_error" } }));
  }
  const [w, h] = size.split("x").map(Number) as [number, number];
  res.writeHead(200, { "content-type": "application/json" });
  res.end(
    JSON.stringify({
      created: Math.floor(Date.now() / 1000),
      data: [{ b64_json: Buffer.from(fakeArtPng(w || 1024, h || 1024)).toString("base64") }],
    }),
  );
}

export async function startOpenAiFake(port = 0): Promise<{ url: string; close: () => Promise<void> }> {
  const calls = new Map<string, FakeCall[]>();
  const imageCalls = new Map<string, FakeImageCall[]>();
  const logImage = (model: string, call: FakeImageCall) => imageCalls.set(model, [...(imageCalls.get(model) ?? []), call]);
  const pinned = new Map<string, string>();

  function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
    res.writeHead(status, { "content-type": "application/json", ...headers });
    res.end(typeof body === "string" ? body : JSON.stringify(body));
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? "/", "http://fake");
    if (req.method === "GET" && url.pathname === "/__calls") return send(res, 200, calls.get(url.searchParams.get("model") ?? "") ?? []);
    if (req.method === "PUT" && url.pathname === "/__scenario") {
      let text = "";
      for await (const chunk of req) text += chunk;
      const { model, scenario } = JSON.parse(text) as { model: string; scenario: string };
      pinned.set(model, scenario);
      return send(res, 200, { model, scenario });
    }
    if (req.method === "GET" && url.pathname === "/__image_calls")
      return send(res, 200, imageCalls.get(url.searchParams.get("model") ?? "") ?? []);
    if (req.method === "POST" && url.pathname === "/v1/images/generations") return images(req, res, "generations", logImage);
    if (req.method === "POST" && url.pathname === "/v1/images/edits") return images(req, res, "edits", logImage);
    if (req.method !== "POST" || url.pathname !== "/v1/chat/completions")
      return send(res, 404, { error: { message: "not found", type: "invalid_request_error" } });

    let raw = "";
    for await (const chunk of req) raw += chunk;
    const body = JSON.parse(raw) as FakeCall["body"];
    const scenario = (req.headers["x-fake-scenario"] as string | undefined) ?? pinned.get(body.model) ?? body.model.split("#")[0]!;
    const log = calls.get(body.model) ?? [];
    calls.set(body.model, log);
    const n = log.length;
    const record = (status: number, usage: FakeCall["usage"] = null) =>
      log.push({ scenario, status, authorization: req.headers.authorization ?? null, body, usage });

    if (scenario === "hang") return record(0); // never answers; the client must time out
    if (scenario === "server-error") {
      record(500);
      return send(res, 500, { error: { message: "The server had an error while processing your request.", type: "server_error" } });
    }
    if (scenario === "garbage-body") {
      record(200);
      return send(res, 200, "<html>upstream proxy error</html>", { "content-type": "text/html" });
    }
    if (scenario === "rate-limit-long" || (scenario === "rate-limit-then-success" && n === 0)) {
      record(429);
      const retryAfter = scenario === "rate-limit-long" ? "120" : "1";
      return send(
        res,
        429,
        { error: { message: "Rate limit reached for requests", type: "requests", code: "rate_limit_exceeded" } },
        { "retry-after": retryAfter },
      );
    }

    const prompt = body.messages.find((m) => m.role === "user")?.content ?? "";
    const repairing = body.messages.length > 2;
    let content: string;
    if (scenario === "always-malformed") content = "Sure! Here are three great scripts: 1) ...";
    else if (scenario === "malformed-then-repaired" && !repairing) {
      // Valid JSON, wrong shape: the hooks are missing, which only the schema check catches.
      content = JSON.stringify({ scripts: scriptsFor(prompt, 0).map(({ hook: _hook, ...rest }) => rest) });
    } else if (scenario === "too-short-then-right" && !repairing) {
      // Valid, but a third of the length asked for: the writer's length check must ask again.
      content = JSON.stringify({ scripts: scriptsFor(prompt, 0, 1 / 3) });
    } else content = JSON.stringify({ scripts: scriptsFor(prompt, repairing ? 1 : 0) });

    const usage = { prompt_tokens: tokens(body.messages.map((m) => m.content).join("\n")), completion_tokens: tokens(content) };
    record(200, usage);
    send(res, 200, {
      id: `chatcmpl-fake-${n}`,
      object: "chat.completion",
      created: Math.floor(Date.now() / 1000),
      model: body.model,
      choices: [{ index: 0, message: { role: "assistant", content, refusal: null }, finish_reason: "stop", logprobs: null }],
      usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens },
    });
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err) => send(res, 500, { error: { message: String(err), type: "fake_error" } }));
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const bound = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${bound}/v1`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections(); // drops the "hang" requests too
        server.close(() => resolve());
      }),
  };
}
