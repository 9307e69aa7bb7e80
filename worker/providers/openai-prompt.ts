// The prompt for the LLM script writer: the trend data shapes the angles, and on a revision the
// creator's feedback and every script already shown are included so the new set differs.
import type { ChatCompletionMessageParam } from "openai/resources/chat/completions";
import { targetOf } from "./feedback";
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
  "You write complete YouTube video scripts for a creator to record: every word the presenter says.",
  'Answer with one JSON object of the form {"scripts": [...]} that matches the response schema, and nothing else.',
  "Every script takes a clearly different angle, grounded in the trend data you are given.",
  "The hook must grab attention within the first five seconds.",
  "Each section has a heading (also its chapter title), its spoken text in full paragraphs, and its b-roll notes; never repeat a b-roll note within a script.",
  "Talk about the topic's own specifics (its equipment, places, ingredients, numbers) in every section, not generic advice.",
  "The call to action may only point to things the video description holds: its chapters and the video itself.",
  "The viewer never sees the creator's feedback: act on it, but never mention it, never say 'you asked' or 'as requested'.",
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
    lengthLine(input),
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

/** The length asked for, in spoken words, since that is what the model can count. */
function lengthLine(input: ScriptInput): string {
  const t = targetOf(input);
  const short = t.seconds <= 60 ? " (a YouTube Short: under 60 seconds)" : "";
  return `Length: about ${t.seconds} seconds spoken${short}, which is about ${t.words} spoken words per script at ${t.wordsPerMinute} words a minute, hook, sections and call to action together.`;
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

/** The length retry: which scripts missed, by how much, and what they need. */
export function lengthMessage(off: readonly { index: number; words: number }[], words: number): string {
  return [
    "The scripts are the wrong length:",
    ...off.map((p) => `- script ${p.index + 1} has ${p.words} spoken words; it needs about ${words} (within 20%)`),
    `Send all the scripts again with the same titles and structure, each about ${words} spoken words long: one JSON object {"scripts": [...]}.`,
  ].join("\n");
}
