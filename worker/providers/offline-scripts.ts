// The offline script writer (no LLM): three scripts from different angle families, with outlines
// that fit the topic's kind, shaped by the creator's feedback. It reports what it applied and,
// honestly, what it could not.
import { hashString, shuffled } from "../domain/seed";
import { mulberry32 } from "../domain/stats";
import type { Script } from "../shared/contract";
import { ANGLES_BY_KIND, type Angle, type AngleContext } from "./angles";
import { readFeedback, type FeedbackRequest, type Tone } from "./feedback";
import { composeBody, estimateSeconds, toneHook } from "./script-body";
import { topicProfile, type TopicKind } from "./topic-kind";
import type { ScriptInput, ScriptResult, ScriptWriter } from "./types";
import { capFirst, inSentence, listing, minutes, titleCase } from "./wording";

const DEFAULT_AUDIENCE: Record<TopicKind, string> = {
  place: "first-time visitors",
  recipe: "home cooks",
  product: "buyers",
  skill: "beginners",
  general: "viewers",
};

/** A section for each item the creator asked about, worded for the kind of video. */
const ITEM_LINE_FOR: Record<TopicKind, (item: string) => string> = {
  place: (i) => `${capFirst(i)}: what to expect, what it costs, and the catch`,
  recipe: (i) => `${capFirst(i)}: how it fits in, and what to use instead`,
  product: (i) => `${capFirst(i)}: tested, with a straight answer`,
  skill: (i) => `${capFirst(i)}: a drill you can do today`,
  general: (i) => `${capFirst(i)}: what it is and why it matters here`,
};

/** "the JR Pass" → "JR Pass: …" as a heading; prose keeps the creator's article. */
function itemLine(kind: TopicKind, item: string): string {
  return ITEM_LINE_FOR[kind](item.replace(/^the\s+/i, ""));
}

const EXTRAS: Record<TopicKind, string[]> = {
  place: ["Going deeper: a day-by-day route with timings", "Your questions: safety, staying connected and packing"],
  recipe: ["Going deeper: variations (vegetarian, spicy, kid-friendly)", "Troubleshooting: rescuing it when it goes wrong"],
  product: ["Going deeper: battery, durability and software updates", "Alternatives: what else to consider at each price"],
  skill: ["Going deeper: one worked example from start to finish", "Troubleshooting: when progress stalls, and what to change"],
  general: ["Going deeper: one worked example from start to finish", "Edge cases: where the usual advice breaks down"],
};

const TONE_APPLIED: Record<Tone, string> = {
  funny: "Funnier: a lighter delivery, a joke on each hook and asides through the script",
  serious: "More serious: measured delivery, no jokes or hype",
  calm: "Calmer: an unhurried delivery, slow cuts and no zooms or sound effects",
  energetic: "More energy: quick cuts and on-screen text on every beat",
  data: "More evidence: each section puts its figure and source on screen",
  beginner: "Simpler: no jargon, every new term explained on screen",
  personal: "More personal: a first-person story beat in every script",
};

export interface OfflineRevision {
  scripts: Script[];
  /** What the creator's feedback changed, one sentence each. */
  applied: string[];
  /** Feedback the writer could not act on, one sentence each. */
  feedback_notes: string[];
}

/** Three angles from different families, fresh ones first, so the variants differ in approach. */
function pickAngles(library: Angle[], used: Set<string>, count: number, rand: () => number): Angle[] {
  const ordered = [
    ...shuffled(
      library.filter((a) => !used.has(a.name)),
      rand,
    ),
    ...shuffled(
      library.filter((a) => used.has(a.name)),
      rand,
    ),
  ];
  const picked: Angle[] = [];
  for (const angle of ordered) if (picked.length < count && !picked.some((p) => p.family === angle.family)) picked.push(angle);
  for (const angle of ordered) if (picked.length < count && !picked.includes(angle)) picked.push(angle);
  return picked;
}

function mentions(line: string, term: string): boolean {
  const stem = term.toLowerCase().replace(/s$/, "");
  return line.toLowerCase().includes(stem);
}

function sectionsFor(angle: Angle, c: AngleContext, request: FeedbackRequest, itemLines: string[]): string[] {
  let base = angle.outline(c).filter((line) => !request.exclude.some((x) => mentions(line, x)));
  if (request.length === "shorter") base = base.slice(0, itemLines.length ? 2 : 3);
  if (request.length === "longer") base = [...base.slice(0, -1), ...EXTRAS[c.kind], ...base.slice(-1)];
  // The requested items go before the closing section (usually the verdict or the recap).
  return base.length > 1 ? [...base.slice(0, -1), ...itemLines, base.at(-1)!] : [...base, ...itemLines];
}

function writeOne(angle: Angle, variant: number, c: AngleContext, request: FeedbackRequest, rand: () => number): Script {
  const itemLines = request.include.map((item) => itemLine(c.kind, item));
  let outline = sectionsFor(angle, c, request, itemLines);
  const short = request.length === "shorter";
  let hook = toneHook(angle.hook(c), request.tones, c.kind, variant);
  if (request.include.length) hook += ` I'll also cover ${listing(request.include)}.`;
  const cta = angle.cta(c);
  const style = {
    kind: c.kind,
    tones: request.tones,
    short,
    audience: c.audience,
    subject: c.subject,
    itemLines: new Set(itemLines),
    production: request.production,
  };
  let body = composeBody(outline, cta, style, rand);
  let seconds = estimateSeconds(hook, body, outline.length, short);
  // A time limit ("under 3 minutes") drops sections from the middle, never the requested ones.
  while (request.targetSeconds && seconds > request.targetSeconds && outline.length > 2) {
    const drop = outline.findLastIndex((line, i) => i < outline.length - 1 && !itemLines.includes(line));
    if (drop < 0) break;
    outline = outline.filter((_, i) => i !== drop);
    body = composeBody(outline, cta, { ...style, short: true }, rand);
    seconds = estimateSeconds(hook, body, outline.length, true);
  }
  return {
    id: crypto.randomUUID(),
    title: capFirst(angle.title(c)),
    angle: angle.name,
    hook,
    body,
    outline,
    call_to_action: cta,
    estimated_duration_seconds: seconds,
  };
}

function average(scripts: readonly Script[]): number {
  return scripts.reduce((sum, s) => sum + s.estimated_duration_seconds, 0) / Math.max(1, scripts.length);
}

function report(input: ScriptInput, request: FeedbackRequest, scripts: Script[], angles: Angle[], c: AngleContext) {
  const applied: string[] = [];
  const notes: string[] = [];
  if (request.include.length) applied.push(`Covers ${listing(request.include)}: a section each in every script, named in every hook`);
  for (const term of request.exclude) {
    const had = angles.some((a) => a.outline(c).some((line) => mentions(line, term)));
    if (had) applied.push(`Leaves out ${term}`);
    else notes.push(`No script had a section on ${term}, so there was nothing to leave out`);
  }
  for (const tone of request.tones) applied.push(TONE_APPLIED[tone]);
  if (request.production.length) applied.push(`Production notes for ${listing(request.production)} in every script`);
  const before = input.previous.slice(-input.count);
  const now = average(scripts);
  if (request.length) {
    const change = request.length === "shorter" ? "Shorter" : "Longer";
    applied.push(
      before.length ? `${change}: about ${minutes(now)} instead of ${minutes(average(before))}` : `${change}: about ${minutes(now)}`,
    );
  }
  if (request.targetSeconds) {
    const over = scripts.filter((s) => s.estimated_duration_seconds > request.targetSeconds!).length;
    if (over) notes.push(`${over} of the scripts still run over ${minutes(request.targetSeconds)} even with the fewest sections`);
    else applied.push(`Every script fits in ${minutes(request.targetSeconds)}`);
  }
  if (request.freshWording) applied.push("New titles and hooks: each script takes an angle not shown before where one is left");
  for (const clause of request.unhandled)
    notes.push(`The built-in offline writer could not act on “${clause}”; connect an AI model for free-form requests`);
  return { applied, notes };
}

export function writeOfflineRevision(input: ScriptInput): OfflineRevision {
  const profile = topicProfile(input.topic, input.niche);
  const request = readFeedback(input.feedback, input.earlier_feedback ?? [], input.tone);
  const c: AngleContext = {
    kind: profile.kind,
    topic: inSentence(profile.topic),
    Topic: titleCase(profile.topic),
    subject: inSentence(profile.subject),
    // "the Balkans" keeps a small "the" mid-title; a title that starts with it gets a capital below.
    Subject: titleCase(profile.subject).replace(/^The /, "the "),
    audience: input.audience?.trim() || DEFAULT_AUDIENCE[profile.kind],
  };
  const rand = mulberry32(hashString(`${input.topic}|${input.revision}|${input.feedback ?? ""}`));
  const angles = pickAngles(ANGLES_BY_KIND[profile.kind], new Set(input.previous.map((s) => s.angle)), input.count, rand);
  const scripts = angles.map((angle, i) => writeOne(angle, i, c, request, rand));
  // The workflow's own tone setting is not feedback: report only when the creator gave some.
  const gaveFeedback = Boolean(input.feedback?.trim()) || (input.earlier_feedback ?? []).some((f) => f.trim());
  const { applied, notes } = gaveFeedback ? report(input, request, scripts, angles, c) : { applied: [], notes: [] };
  return { scripts, applied, feedback_notes: notes };
}

export function writeOfflineScripts(input: ScriptInput): Script[] {
  return writeOfflineRevision(input).scripts;
}

export const offlineScriptWriter: ScriptWriter = {
  name: "offline",
  write: async (input): Promise<ScriptResult> => {
    const { scripts, applied, feedback_notes } = writeOfflineRevision(input);
    return { scripts, source: "offline", usage: [], fallback: null, applied, feedback_notes };
  },
};
