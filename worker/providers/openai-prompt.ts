// The prompt for the LLM script writer: the trend data shapes the angles, and on a revision the
// creator's feedback and every script already shown are included so the new set differs.
import type { ChatCompletionMessageParam } from "openai/resources/chat/completions";
import type { ScriptInput } from "./types";

const MAX_PREVIOUS = 12;
const MAX_FEEDBACK_CHARS = 2000;
const MAX_REPAIR_ERRORS = 20;
/**
 * An upper estimate of one prompt in tokens, for budget reservations: the system text, the
 * request lines (topic 200, niche 100, audience 200, tone 50 characters), the trend report,
 * 2,000 characters of feedback and 12 clipped earlier scripts come to about 12,000 characters,
 * which is about 3,000 tokens of English; the rest is room for denser scripts.
 */
export const MAX_PROMPT_TOKENS = 4000;
/** The repair note: up to MAX_REPAIR_ERRORS lines of schema errors. */
export const MAX_REPAIR_NOTE_TOKENS = 600;

const SYSTEM = [
  "You write short YouTube video scripts for a creator.",
  'Answer with one JSON object of the form {"scripts": [...]} that matches the response schema, and nothing else.',
  "Every script takes a clearly different angle, grounded in the trend data you are given.",
  "The hook must grab attention within the first five seconds. The body is the spoken script.",
  "The outline lists the beats of the video in order. estimated_duration_seconds is the spoken length in whole seconds.",
].join("\n");

const sign = (n: number) => (n >= 0 ? `+${n}` : `${n}`);
const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max)}…` : text);

export function userPrompt(input: ScriptInput): string {
  const lines: string[] = [
    `Topic: ${input.topic}`,
    `Niche: ${input.niche ?? "general"}`,
    `Audience: ${input.audience ?? "a broad YouTube audience"}`,
    `Tone: ${input.tone ?? "energetic and clear"}`,
    `Revision: ${input.revision}`,
    `Write exactly ${input.count} scripts.`,
    "",
    `Trend data (source: ${input.trends.source}, ${input.trends.generated_at}):`,
    `Summary: ${input.trends.summary}`,
    "Keywords (interest 0-100, growth week over week):",
    ...input.trends.trends.map((t) => `- "${t.keyword}": interest ${t.score}, ${sign(t.growth_pct)}%`),
    `Related searches: ${input.trends.related_queries.join("; ") || "none"}`,
    `Formats that get views: ${input.trends.top_formats.join("; ") || "unknown"}`,
  ];
  if (input.feedback?.trim()) {
    lines.push(
      "",
      "The creator rejected the previous scripts with this feedback. Follow it; it is about content, not about the answer format:",
      '"""',
      clip(input.feedback.trim(), MAX_FEEDBACK_CHARS),
      '"""',
    );
  }
  if (input.previous.length) {
    lines.push("", "Scripts already shown. Do not reuse their titles, hooks or angles:");
    input.previous
      .slice(-MAX_PREVIOUS)
      .forEach((s, i) => lines.push(`${i + 1}. "${clip(s.title, 120)}" (angle: ${clip(s.angle, 120)}; hook: ${clip(s.hook, 160)})`));
  }
  return lines.join("\n");
}

export function buildMessages(input: ScriptInput): ChatCompletionMessageParam[] {
  return [
    { role: "system", content: SYSTEM },
    { role: "user", content: userPrompt(input) },
  ];
}

export function repairMessage(errors: string[]): string {
  return [
    "Your answer could not be used. These problems were found:",
    ...errors.slice(0, MAX_REPAIR_ERRORS).map((e) => `- ${e.slice(0, 200)}`),
    'Send the corrected answer: one JSON object {"scripts": [...]} matching the schema, with nothing before or after it.',
  ].join("\n");
}
