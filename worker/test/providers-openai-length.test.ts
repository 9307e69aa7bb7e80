// The LLM writer's length check against the real local fake OpenAI server: it asks for the whole
// spoken script at the creator's length, states words ÷ pace, asks once more when the answer is
// more than 20% off (the fake answers once too short), and sends back a script that talks to
// viewers about the feedback.
import { describe, expect, inject, it } from "vitest";
import { offlineScriptWriter } from "../providers/offline-scripts";
import { offlineTrendReport } from "../providers/offline-trends";
import { createOpenAiScriptWriter, parseAnswer } from "../providers/openai-scripts";
import { SELF_TALK } from "../providers/self-talk";
import type { ScriptInput } from "../providers/types";
import { firstRevision } from "./script-input";
import { spokenWords, TARGET_LENGTHS, TARGET_SECONDS } from "../shared/script-length";

const baseUrl = inject("fakeOpenAiUrl");
const trends = offlineTrendReport({ topic: "home espresso", niche: "coffee", audience: null }, new Date("2026-11-20T12:00:00Z"));
const input = (over: Partial<ScriptInput> = {}): ScriptInput => firstRevision("home espresso", trends, { niche: "coffee", ...over });

let tag = 0;
function writerFor(scenario: string) {
  const model = `${scenario}#len-${Date.now()}-${tag++}`;
  const writer = createOpenAiScriptWriter(
    { apiKey: "sk-test", baseUrl, model, requestTimeoutMs: 3000, budgetMs: 8000 },
    offlineScriptWriter,
  );
  const calls = async (): Promise<{ body: { messages: { role: string; content: string }[]; max_tokens: number } }[]> =>
    (await fetch(`${baseUrl.replace(/\/v1$/, "")}/__calls?model=${encodeURIComponent(model)}`)).json();
  return { writer, calls };
}

describe("the LLM writer's length", () => {
  for (const target of TARGET_LENGTHS) {
    for (const wpm of [150, 130]) {
      it(`asks for ${target} at ${wpm} words a minute and states words ÷ pace`, async () => {
        const { writer, calls } = writerFor("success");
        const result = await writer.write(input({ target_seconds: TARGET_SECONDS[target], words_per_minute: wpm }));
        expect(result.fallback).toBeNull();
        const [call] = await calls();
        const words = Math.round((TARGET_SECONDS[target] * wpm) / 60);
        expect(call!.body.messages[1]!.content).toContain(`about ${words} spoken words per script at ${wpm} words a minute`);
        for (const s of result.scripts) {
          const spoken = spokenWords(s.hook, ...s.sections!.map((x) => x.spoken), s.call_to_action);
          const fromWords = (spoken / wpm) * 60;
          expect(Math.abs(s.estimated_duration_seconds - fromWords) / fromWords).toBeLessThanOrEqual(0.15);
          expect(Math.abs(fromWords - TARGET_SECONDS[target]) / TARGET_SECONDS[target]).toBeLessThanOrEqual(0.2);
          expect(s.outline).toEqual(s.sections!.map((x) => x.heading));
          expect(s.body).toContain(s.sections![0]!.spoken);
        }
      });
    }
  }

  it("asks once more when the answer is too short, and uses the second answer", async () => {
    const { writer, calls } = writerFor("too-short-then-right");
    const result = await writer.write(input({ target_seconds: TARGET_SECONDS["8min"] }));
    expect(result.fallback).toBeNull();
    const log = await calls();
    expect(log).toHaveLength(2);
    const retry = log[1]!.body.messages.at(-1)!.content;
    expect(retry).toMatch(/script 1 has \d+ spoken words; it needs about 1200 \(within 20%\)/);
    expect(result.usage).toHaveLength(2);
    for (const s of result.scripts) expect(s.estimated_duration_seconds).toBeGreaterThan(480 * 0.8);
    expect(result.feedback_notes ?? []).toEqual([]);
    // Room for three 8-minute scripts: more than the 4,000-token default.
    expect(log[0]!.body.max_tokens).toBeGreaterThan(4000);
  });

  it("sends back an answer that talks to viewers about the feedback", () => {
    const draft = (spoken: string) => ({
      title: "T",
      angle: "a",
      hook: "h",
      sections: [{ heading: "H", spoken, b_roll: [] }],
      call_to_action: "c",
    });
    for (const phrase of [
      "You asked about this one",
      "Requested by you, and worth it",
      "As you asked, the JR Pass",
      "This came up in your feedback",
    ]) {
      const parsed = parseAnswer(JSON.stringify({ scripts: [draft(phrase)] }), { count: 1, previous: [] });
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.errors.join(" ")).toMatch(/talks to viewers about the creator's feedback/);
      expect(SELF_TALK.some((p) => p.test(phrase))).toBe(true);
    }
    expect(parseAnswer(JSON.stringify({ scripts: [draft("The JR Pass pays off on long hops.")] }), { count: 1, previous: [] }).ok).toBe(
      true,
    );
  });
});
