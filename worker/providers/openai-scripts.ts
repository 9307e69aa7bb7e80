// Scripts from any OpenAI-compatible chat completions endpoint (OpenAI, Groq, Ollama, Workers AI)
// through the official SDK. The model writes the whole spoken script (hook, each section's words
// with its b-roll notes, call to action) under a JSON schema derived from the contract's
// ScriptSection; the answer is validated with the same zod schema and repaired once, its length
// checked against the creator's target and asked for once more when it is off by more than 20%,
// and otherwise replaced by the offline writer, so a workflow never waits on a broken or slow model.
import OpenAI, { APIConnectionError, APIConnectionTimeoutError, APIError, RateLimitError } from "openai";
import type { ChatCompletionMessageParam } from "openai/resources/chat/completions";
import { z } from "zod";
import { type Script, ScriptSection } from "../shared/contract";
import {
  DEFAULT_WORDS_PER_MINUTE,
  LENGTH_TOLERANCE,
  offBy,
  secondsFor,
  spokenWords,
  TARGET_SECONDS,
  wordsFor,
} from "../shared/script-length";
import { type LengthTarget, targetOf } from "./feedback";
import { estimateCostUsd, type PriceTable } from "./llm-prices";
import { buildMessages, lengthMessage, MAX_PROMPT_TOKENS, MAX_REPAIR_NOTE_TOKENS, repairMessage } from "./openai-prompt";
import { bodyOf } from "./script-body";
import { selfTalk } from "./self-talk";
import type { ScriptInput, ScriptResult, ScriptWriter, TokenUsage } from "./types";
import { type Backoff, backoffDelay } from "../lib/retry";

export interface OpenAiConfig {
  apiKey: string;
  /** e.g. https://api.groq.com/openai/v1; defaults to OpenAI's. */
  baseUrl?: string;
  model: string;
  /** Per request; a hung server is abandoned after this long. */
  requestTimeoutMs?: number;
  /** For the whole write, 429 waits and the repair included. */
  budgetMs?: number;
  prices?: PriceTable;
  /** strict:true in response_format. Some providers only accept best-effort schemas (false). */
  strictSchema?: boolean;
  temperature?: number;
  /** max_tokens of every call, so no answer can run up an unbounded bill. */
  maxTokens?: number;
}

export interface OpenAiDeps {
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  newId?: () => string;
}

export const DEFAULT_OPENAI_MODEL = "gpt-4o-mini";
/** Three 3-minute scripts as JSON take about 2,000-3,000 tokens; this leaves room without leaving it open-ended. */
export const DEFAULT_MAX_TOKENS = 4000;
/** English runs about 1.3 tokens a word; JSON keys and b-roll notes add to that. */
const TOKENS_PER_SPOKEN_WORD = 1.6;

/** max_tokens for one call: room for `count` scripts of the target length, never below the default. */
export function maxTokensFor(targetSeconds: number, count: number, wordsPerMinute = DEFAULT_WORDS_PER_MINUTE): number {
  return Math.max(DEFAULT_MAX_TOKENS, Math.ceil(wordsFor(targetSeconds, wordsPerMinute) * count * TOKENS_PER_SPOKEN_WORD) + 1000);
}

/** The longest write: three 12-minute scripts at the fastest pace a creator can set. */
const LONGEST_WRITE_TOKENS = maxTokensFor(TARGET_SECONDS["12min"], 3, 220);

/**
 * The most one write can spend: the first call, one repair and one length retry, each of whose
 * prompts repeats the answer before it (429 answers carry no tokens). Budgets reserve this
 * before a generation starts.
 */
export function worstCaseWriteTokens(maxTokens = LONGEST_WRITE_TOKENS): { prompt: number; completion: number } {
  const followUp = MAX_PROMPT_TOKENS + maxTokens + MAX_REPAIR_NOTE_TOKENS;
  return { prompt: MAX_PROMPT_TOKENS + 2 * followUp, completion: 3 * maxTokens };
}
const MAX_RATE_LIMIT_RETRIES = 3;
/** Without a Retry-After: 1 s doubling (1, 2, 4 s before the fourth try), from the one retry module. */
const RATE_LIMIT_BACKOFF: Backoff = { kind: "doubling", firstMs: 1000, capMs: 8000, jitter: 0 };
/** A request started with less time than this left would only time out. */
const MIN_REQUEST_MS = 250;

/**
 * What the model writes: the spoken script, section by section. The server assigns the id and
 * derives the body, the outline and the duration (spoken words ÷ pace), so none can disagree.
 */
export const ScriptDraft = z.object({
  title: z.string(),
  angle: z.string(),
  hook: z.string().describe("The first words said, grabbing attention within five seconds"),
  sections: z.array(ScriptSection),
  call_to_action: z.string().describe("The closing words said; they refer only to what the description holds"),
});
type Draft = z.infer<typeof ScriptDraft>;
export const ScriptsAnswer = z.object({ scripts: z.array(ScriptDraft) });

export function scriptsJsonSchema(): Record<string, unknown> {
  // `$schema` is noise to the providers, and some reject unknown top-level keywords.
  const { $schema: _ignored, ...schema } = z.toJSONSchema(ScriptsAnswer) as Record<string, unknown>;
  return schema;
}

class WriterFailure extends Error {}

function describe(err: unknown, timeoutMs: number): string {
  if (err instanceof WriterFailure) return err.message;
  if (err instanceof APIConnectionTimeoutError) return `timeout: no answer within ${timeoutMs} ms`;
  if (err instanceof APIConnectionError) return `connection failed: ${err.message}`;
  if (err instanceof APIError && err.status !== undefined && err.status >= 500) return `upstream error ${err.status}: ${err.message}`;
  if (err instanceof APIError && err.status !== undefined) return `request rejected (${err.status}): ${err.message}`;
  return `unparseable response: ${err instanceof Error ? err.message : String(err)}`;
}

/** Retry-After as milliseconds: `retry-after-ms`, then `retry-after` in seconds or as an HTTP date. */
export function retryAfterMs(headers: Headers | undefined, nowMs: number): number | null {
  const ms = Number(headers?.get("retry-after-ms"));
  if (headers?.get("retry-after-ms") && Number.isFinite(ms) && ms >= 0) return ms;
  const raw = headers?.get("retry-after");
  if (!raw) return null;
  const seconds = Number(raw);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(raw);
  return Number.isNaN(date) ? null : Math.max(0, date - nowMs);
}

type Parsed = { ok: true; scripts: Draft[] } | { ok: false; errors: string[] };

/** Schema check plus what a schema cannot say: enough scripts, no blanks, nothing repeated. */
export function parseAnswer(content: string | null | undefined, input: Pick<ScriptInput, "count" | "previous">): Parsed {
  if (!content?.trim()) return { ok: false, errors: ["the answer was empty"] };
  // Models without schema support like to wrap JSON in a Markdown fence.
  const text = content
    .trim()
    .replace(/^```(?:json)?\s*/i, "")
    .replace(/\s*```$/, "");
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return { ok: false, errors: [`the answer is not valid JSON (${(err as Error).message})`] };
  }
  const result = ScriptsAnswer.safeParse(json);
  if (!result.success) return { ok: false, errors: result.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`) };
  const errors: string[] = [];
  const scripts = result.data.scripts.slice(0, input.count);
  if (scripts.length < input.count) errors.push(`scripts: expected ${input.count} scripts, got ${scripts.length}`);
  const seen = new Set(input.previous.map((s) => s.title.trim().toLowerCase()));
  scripts.forEach((s, i) => {
    for (const field of ["title", "hook", "call_to_action"] as const) {
      if (!s[field].trim()) errors.push(`scripts.${i}.${field}: must not be empty`);
    }
    if (s.sections.length === 0) errors.push(`scripts.${i}.sections: write the sections`);
    s.sections.forEach((x, j) => {
      if (!x.spoken.trim()) errors.push(`scripts.${i}.sections.${j}.spoken: must hold the words said`);
    });
    const talk = selfTalk([s.title, s.hook, ...s.sections.map((x) => x.spoken), s.call_to_action].join("\n"));
    if (talk) errors.push(`scripts.${i}: “${talk}” talks to viewers about the creator's feedback, which they never saw; just cover it`);
    const title = s.title.trim().toLowerCase();
    if (seen.has(title)) errors.push(`scripts.${i}.title: "${s.title}" repeats an earlier script; write a new one`);
    seen.add(title);
  });
  return errors.length ? { ok: false, errors } : { ok: true, scripts };
}

export interface LengthProblem {
  index: number;
  words: number;
  seconds: number;
}

/** The scripts whose spoken words are more than 20% off the target. */
export function lengthProblems(scripts: readonly Draft[], target: LengthTarget): LengthProblem[] {
  return scripts.flatMap((s, index) => {
    const words = spokenWords(s.hook, ...s.sections.map((x) => x.spoken), s.call_to_action);
    const seconds = secondsFor(words, target.wordsPerMinute);
    return offBy(seconds, target.seconds) > LENGTH_TOLERANCE ? [{ index, words, seconds }] : [];
  });
}

/** The stored script: body and outline from the sections, the duration from the spoken words. */
export function toScript(d: Draft, id: string, wordsPerMinute: number): Script {
  const words = spokenWords(d.hook, ...d.sections.map((x) => x.spoken), d.call_to_action);
  return {
    id,
    title: d.title,
    angle: d.angle,
    hook: d.hook,
    body: bodyOf(d.sections, []),
    outline: d.sections.map((x) => x.heading),
    call_to_action: d.call_to_action,
    estimated_duration_seconds: secondsFor(words, wordsPerMinute),
    sections: d.sections,
    words_per_minute: wordsPerMinute,
  };
}

export function createOpenAiScriptWriter(config: OpenAiConfig, fallback: ScriptWriter, deps: OpenAiDeps = {}): ScriptWriter {
  const model = config.model || DEFAULT_OPENAI_MODEL;
  const requestTimeoutMs = config.requestTimeoutMs ?? 20_000;
  const budgetMs = config.budgetMs ?? 30_000;
  const now = deps.now ?? Date.now;
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const newId = deps.newId ?? (() => crypto.randomUUID());
  const client = new OpenAI({
    // Local servers such as Ollama need no key, but the SDK insists on one.
    apiKey: config.apiKey || "no-key",
    baseURL: config.baseUrl || undefined,
    maxRetries: 0, // retries are ours, bounded by the time budget
    timeout: requestTimeoutMs,
    fetch: deps.fetch ?? ((input, init) => fetch(input, init)),
  });
  const responseFormat = {
    type: "json_schema" as const,
    json_schema: { name: "video_scripts", strict: config.strictSchema ?? true, schema: scriptsJsonSchema() },
  };

  return {
    name: "openai",
    async write(input: ScriptInput): Promise<ScriptResult> {
      const deadline = now() + budgetMs;
      const target = targetOf(input);
      const maxTokens = config.maxTokens ?? maxTokensFor(target.seconds, input.count, target.wordsPerMinute);
      const usage: TokenUsage[] = [];
      let lastTimeout = requestTimeoutMs;

      async function complete(messages: ChatCompletionMessageParam[]): Promise<string | null> {
        for (let attempt = 0; ; attempt++) {
          const left = deadline - now();
          if (left < MIN_REQUEST_MS) throw new WriterFailure(`time budget of ${budgetMs} ms used up`);
          lastTimeout = Math.min(requestTimeoutMs, left);
          try {
            const res = await client.chat.completions.create(
              {
                model,
                messages,
                response_format: responseFormat,
                max_tokens: maxTokens,
                ...(config.temperature !== undefined ? { temperature: config.temperature } : {}),
              },
              { timeout: lastTimeout, maxRetries: 0 },
            );
            if (res.usage) {
              const answeredModel = res.model || model;
              usage.push({
                model: answeredModel,
                prompt_tokens: res.usage.prompt_tokens,
                completion_tokens: res.usage.completion_tokens,
                estimated_cost_usd: estimateCostUsd(config.prices, answeredModel, res.usage.prompt_tokens, res.usage.completion_tokens),
              });
            }
            // A proxy's HTML error page parses as a string, not a completion; no repair can fix that.
            if (!Array.isArray(res?.choices)) throw new WriterFailure("unparseable response: not a chat completion");
            const message = res.choices[0]?.message;
            if (message?.refusal) throw new WriterFailure(`the model refused: ${message.refusal.slice(0, 200)}`);
            return message?.content ?? null;
          } catch (err) {
            if (!(err instanceof RateLimitError)) throw err;
            const wait = retryAfterMs(err.headers, now()) ?? backoffDelay(RATE_LIMIT_BACKOFF, attempt + 1)!;
            const remaining = deadline - now();
            if (attempt >= MAX_RATE_LIMIT_RETRIES) throw new WriterFailure(`rate limited (429) ${attempt + 1} times in a row`);
            if (wait + MIN_REQUEST_MS > remaining) {
              throw new WriterFailure(
                `rate limited (429): Retry-After of ${Math.ceil(wait / 1000)} s does not fit the ${Math.max(0, remaining)} ms left in the time budget`,
              );
            }
            await sleep(wait);
          }
        }
      }

      try {
        const messages = buildMessages(input);
        const first = await complete(messages);
        let answer = first;
        let parsed = parseAnswer(first, input);
        if (!parsed.ok) {
          // One repair: show the model its answer and exactly what was wrong with it.
          messages.push({ role: "assistant", content: first ?? "" }, { role: "user", content: repairMessage(parsed.errors) });
          const firstErrors = parsed.errors;
          answer = await complete(messages);
          parsed = parseAnswer(answer, input);
          if (!parsed.ok)
            throw new WriterFailure(
              `malformed answer after one repair: ${(parsed.errors.length ? parsed.errors : firstErrors).slice(0, 3).join("; ")}`,
            );
        }
        // One length retry: a script more than 20% off its target is sent back with its word count.
        let scripts = parsed.scripts;
        const off = lengthProblems(scripts, target);
        if (off.length) {
          messages.push({ role: "assistant", content: answer ?? "" }, { role: "user", content: lengthMessage(off, target.words) });
          const retried = parseAnswer(await complete(messages), input);
          if (retried.ok) scripts = retried.scripts;
        }
        const missed = lengthProblems(scripts, target).map(
          (p) =>
            `Script ${p.index + 1} runs about ${Math.round(p.seconds / 6) / 10} min instead of about ${Math.round(target.seconds / 6) / 10} min: the model missed the length twice`,
        );
        return {
          scripts: scripts.map((s) => toScript(s, newId(), target.wordsPerMinute)),
          source: `openai:${model}`,
          usage,
          fallback: null,
          ...(missed.length ? { feedback_notes: missed } : {}),
        };
      } catch (err) {
        const reason = describe(err, lastTimeout);
        const stand_in = await fallback.write(input);
        return { ...stand_in, usage: [...usage, ...stand_in.usage], fallback: { reason } };
      }
    },
  };
}
