// The OpenAI-compatible script writer against a real local server speaking the chat completions
// protocol: success, 429 with Retry-After, 500, a hang, malformed answers, and the fallback.
import { describe, expect, inject, it } from "vitest";
import { estimateCostUsd, parsePriceTable } from "../providers/llm-prices";
import { offlineScriptWriter } from "../providers/offline-scripts";
import { offlineTrendReport } from "../providers/offline-trends";
import { createOpenAiScriptWriter, parseAnswer, retryAfterMs, scriptsJsonSchema, type OpenAiConfig } from "../providers/openai-scripts";
import type { ScriptInput } from "../providers/types";
import type { Script } from "../shared/contract";

const baseUrl = inject("fakeOpenAiUrl");
const now = new Date("2026-11-20T12:00:00Z");
const trends = offlineTrendReport({ topic: "home espresso", niche: "coffee", audience: null }, now);

const input = (over: Partial<ScriptInput> = {}): ScriptInput => ({
  topic: "home espresso",
  niche: "coffee",
  audience: "busy parents",
  tone: "friendly",
  trends,
  feedback: null,
  previous: [],
  revision: 1,
  count: 3,
  ...over,
});

let tagCounter = 0;
/** A writer for one scenario; the tag in the model name keeps this test's calls apart. */
function writerFor(scenario: string, over: Partial<OpenAiConfig> = {}, sleeps: number[] = []) {
  const model = `${scenario}#${Date.now()}-${tagCounter++}`;
  const writer = createOpenAiScriptWriter(
    { apiKey: "sk-test", baseUrl, model, requestTimeoutMs: 2000, budgetMs: 5000, prices: { [scenario]: { input: 1, output: 2 } }, ...over },
    offlineScriptWriter,
    { sleep: async (ms) => void sleeps.push(ms) },
  );
  const calls = async (): Promise<any[]> =>
    (await fetch(`${baseUrl.replace(/\/v1$/, "")}/__calls?model=${encodeURIComponent(model)}`)).json();
  return { writer, model, calls };
}

describe("OpenAI script writer", () => {
  it("asks for the contract's schema and returns validated scripts with ids and token use", async () => {
    const { writer, model, calls } = writerFor("success");
    const result = await writer.write(input());
    expect(result.fallback).toBeNull();
    expect(result.source).toBe(`openai:${model}`);
    expect(result.scripts).toHaveLength(3);
    for (const s of result.scripts) expect(s.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(new Set(result.scripts.map((s) => s.title)).size).toBe(3);

    const [call] = await calls();
    expect(call.authorization).toBe("Bearer sk-test");
    expect(call.body.response_format).toEqual({
      type: "json_schema",
      json_schema: { name: "video_scripts", strict: true, schema: scriptsJsonSchema() },
    });
    expect(call.body.response_format.json_schema.schema.properties.scripts.items.properties).not.toHaveProperty("id");
    const prompt = call.body.messages[1].content as string;
    expect(prompt).toContain(trends.trends[0]!.keyword);
    expect(prompt).toContain(trends.summary);

    expect(result.usage).toEqual([
      {
        model,
        ...call.usage,
        estimated_cost_usd: estimateCostUsd(
          { success: { input: 1, output: 2 } },
          model,
          call.usage.prompt_tokens,
          call.usage.completion_tokens,
        ),
      },
    ]);
    expect(result.usage[0]!.estimated_cost_usd).toBeGreaterThan(0);
  });

  it("puts the reject feedback and every previous script into the prompt", async () => {
    const { writer, calls } = writerFor("success");
    const first = await writer.write(input());
    const second = await writer.write(input({ revision: 2, feedback: "Make it funnier and under a minute", previous: first.scripts }));
    const prompt = (await calls())[1].body.messages[1].content as string;
    expect(prompt).toContain("Make it funnier and under a minute");
    for (const s of first.scripts) expect(prompt).toContain(s.title);
    const before = new Set(first.scripts.map((s) => s.title));
    expect(second.scripts.some((s) => before.has(s.title))).toBe(false);
  });

  it("waits out a 429's Retry-After inside the budget, then succeeds", async () => {
    const sleeps: number[] = [];
    const { writer, calls } = writerFor("rate-limit-then-success", {}, sleeps);
    const result = await writer.write(input());
    expect(result.fallback).toBeNull();
    expect(sleeps).toEqual([1000]);
    expect((await calls()).map((c) => c.status)).toEqual([429, 200]);
  });

  it("falls back when Retry-After does not fit the budget", async () => {
    const sleeps: number[] = [];
    const { writer, calls } = writerFor("rate-limit-long", {}, sleeps);
    const result = await writer.write(input());
    expect(result.source).toBe("offline");
    expect(result.fallback?.reason).toMatch(/^rate limited \(429\): Retry-After of 120 s does not fit/);
    expect(sleeps).toEqual([]);
    expect(result.scripts).toHaveLength(3);
    expect(await calls()).toHaveLength(1);
  });

  it("falls back on a 5xx, on a hang past the timeout and on an unparseable body", async () => {
    const failed = await writerFor("server-error").writer.write(input());
    expect(failed).toMatchObject({ source: "offline", usage: [] });
    expect(failed.fallback?.reason).toMatch(/^upstream error 500/);

    const started = Date.now();
    const hung = await writerFor("hang", { requestTimeoutMs: 300 }).writer.write(input());
    expect(hung.fallback?.reason).toBe("timeout: no answer within 300 ms");
    expect(Date.now() - started).toBeLessThan(2000);

    const garbage = await writerFor("garbage-body").writer.write(input());
    expect(garbage.source).toBe("offline");
    expect(garbage.fallback?.reason).toBeTruthy();
  });

  it("repairs a malformed answer once by sending the validation errors back", async () => {
    const { writer, calls } = writerFor("malformed-then-repaired");
    const result = await writer.write(input());
    expect(result.fallback).toBeNull();
    expect(result.scripts.every((s) => s.hook.length > 0)).toBe(true);
    const log = await calls();
    expect(log).toHaveLength(2);
    const repair = log[1].body.messages.at(-1).content as string;
    expect(repair).toContain("scripts.0.hook");
    expect(result.usage).toHaveLength(2); // both calls cost tokens
  });

  it("falls back after one failed repair, keeping the tokens both calls used", async () => {
    const { writer, calls } = writerFor("always-malformed");
    const result = await writer.write(input());
    expect(result.source).toBe("offline");
    expect(result.fallback?.reason).toMatch(/^malformed answer after one repair: the answer is not valid JSON/);
    expect(await calls()).toHaveLength(2);
    expect(result.usage).toHaveLength(2);
  });
});

describe("answer checks and settings", () => {
  const script = (title: string): Script => ({
    id: "x",
    ...draft(title),
    body: "b",
    outline: ["o"],
    estimated_duration_seconds: 60,
  });
  const draft = (title: string) => ({
    title,
    angle: "a",
    hook: "h",
    sections: [{ heading: "o", spoken: "words said", b_roll: ["shot"] }],
    call_to_action: "c",
  });

  it("rejects too few scripts, blanks and titles already shown; accepts fenced JSON", () => {
    const previous = [script("Old title")];
    const bad = parseAnswer(JSON.stringify({ scripts: [draft("old TITLE"), { ...draft("New"), hook: " " }] }), { count: 3, previous });
    expect(bad.ok).toBe(false);
    if (!bad.ok)
      expect(bad.errors).toEqual([
        "scripts: expected 3 scripts, got 2",
        expect.stringContaining("scripts.0.title"),
        "scripts.1.hook: must not be empty",
      ]);
    const fenced = parseAnswer("```json\n" + JSON.stringify({ scripts: [draft("A"), draft("B")] }) + "\n```", { count: 2, previous });
    expect(fenced.ok).toBe(true);
  });

  it("reads Retry-After in seconds, milliseconds and as a date", () => {
    expect(retryAfterMs(new Headers({ "retry-after": "3" }), 0)).toBe(3000);
    expect(retryAfterMs(new Headers({ "retry-after-ms": "250", "retry-after": "3" }), 0)).toBe(250);
    expect(retryAfterMs(new Headers({ "retry-after": new Date(10_000).toUTCString() }), 4000)).toBe(6000);
    expect(retryAfterMs(new Headers(), 0)).toBeNull();
  });

  it("prices by exact model or longest prefix, and validates OPENAI_PRICES", () => {
    expect(estimateCostUsd(undefined, "gpt-4o-mini-2024-07-18", 1_000_000, 1_000_000)).toBeCloseTo(0.75);
    expect(estimateCostUsd(undefined, "llama3.2", 1000, 1000)).toBe(0);
    expect(parsePriceTable('{"llama3.2":{"input":0,"output":0.1}}')["llama3.2"]).toEqual({ input: 0, output: 0.1 });
    expect(() => parsePriceTable('{"x":{"input":-1,"output":0}}')).toThrow(/OPENAI_PRICES/);
  });
});
