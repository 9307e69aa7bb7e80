// The offline script writer (no LLM): three scripts from different angle families, each written
// out in full at the length the creator chose, about the topic's own things, shaped by the
// creator's feedback. A revision keeps the earlier titles and sections unless the feedback asks
// for new ones. It reports what it applied and, honestly, what it could not.
import { hashString, shuffled } from "../domain/seed";
import { mulberry32 } from "../domain/stats";
import type { Script } from "../shared/contract";
import { DEFAULT_WORDS_PER_MINUTE, secondsFor, spokenWords, wordsFor } from "../shared/script-length";
import { ANGLES_BY_KIND, type Angle, type AngleContext } from "./angles";
import { readFeedback, targetAfterFeedback, type FeedbackRequest, type Tone } from "./feedback";
import { bodyOf, type SectionPlan, splitLine, toneHook, writeSections } from "./script-body";
import { placeItem } from "./script-items";
import { topicProfile, type TopicKind } from "./topic-kind";
import { thingsOf } from "./topic-nouns";
import type { ScriptInput, ScriptResult, ScriptWriter } from "./types";
import { capFirst, inSentence, listing, minutes, titleCase } from "./wording";

const DEFAULT_AUDIENCE: Record<TopicKind, string> = {
  place: "first-time visitors",
  recipe: "home cooks",
  product: "buyers",
  skill: "beginners",
  general: "viewers",
};

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

/** How many sections a script of that length holds: a Short has three beats, a 12-minute video seven. */
function sectionCount(seconds: number): number {
  return seconds <= 60 ? 3 : seconds <= 240 ? 5 : seconds <= 540 ? 6 : 7;
}

function outlineFor(angle: Angle, c: AngleContext, request: FeedbackRequest, seconds: number): string[] {
  const base = angle.outline(c).filter((line) => !request.exclude.some((x) => mentions(line, x)));
  const count = sectionCount(seconds);
  if (base.length >= count) return [...base.slice(0, count - 1), base.at(-1)!];
  // Longer videos go deeper before the closing section (usually the verdict or the recap).
  const extras = EXTRAS[c.kind].slice(0, count - base.length);
  return base.length > 1 ? [...base.slice(0, -1), ...extras, base.at(-1)!] : [...base, ...extras];
}

interface Target {
  seconds: number;
  wordsPerMinute: number;
}

function writeOne(
  angle: Angle,
  variant: number,
  c: AngleContext,
  request: FeedbackRequest,
  target: Target,
  rand: () => number,
  keepTitle?: string,
): Script {
  const outline = outlineFor(angle, c, request, target.seconds);
  // Items are placed by what a section is about: its heading and what it covers.
  const headings = outline.map((line) => line.replace(": ", " "));
  const plans: SectionPlan[] = outline.map((line, i) => ({ ...splitLine(line), items: [], shot: request.production[i] ?? null }));
  request.include.forEach((item, n) => plans[placeItem(item, headings, n + variant)]!.items.push(item));
  const hook = toneHook(angle.hook(c), request.tones, c.kind, variant);
  // A Short has room for one closing sentence only.
  const cta = target.seconds <= 60 ? angle.cta(c).split(/(?<=[.!?])\s+/)[0]! : angle.cta(c);
  const goal = wordsFor(target.seconds, target.wordsPerMinute);
  const style = {
    kind: c.kind,
    tones: request.tones,
    audience: c.audience,
    subject: c.subject,
    things: thingsOf(c.topic, c.kind),
    wordsPerSection: Math.max(8, Math.round((goal - spokenWords(hook, cta)) / plans.length)),
    variant,
  };
  let sections = writeSections(plans, style, rand);
  let words = spokenWords(hook, ...sections.map((s) => s.spoken), cta);
  // Whole sentences overshoot a little; trim the share per section until the script fits its length.
  const tooLong = (n: number) => n > goal * 1.1 || (target.seconds <= 60 && secondsFor(n, target.wordsPerMinute) >= 59);
  for (let tries = 0; tooLong(words) && tries < 4; tries++) {
    style.wordsPerSection = Math.max(4, style.wordsPerSection - Math.ceil((words - goal) / plans.length));
    sections = writeSections(plans, style, rand);
    words = spokenWords(hook, ...sections.map((s) => s.spoken), cta);
  }
  return {
    id: crypto.randomUUID(),
    title: keepTitle ?? capFirst(angle.title(c)),
    angle: angle.name,
    hook,
    body: bodyOf(sections, request.tones),
    outline: sections.map((s) => s.heading),
    call_to_action: cta,
    estimated_duration_seconds: secondsFor(words, target.wordsPerMinute),
    sections,
    words_per_minute: target.wordsPerMinute,
  };
}

function average(scripts: readonly Script[]): number {
  return scripts.reduce((sum, s) => sum + s.estimated_duration_seconds, 0) / Math.max(1, scripts.length);
}

function report(input: ScriptInput, request: FeedbackRequest, scripts: Script[], angles: Angle[], c: AngleContext, kept: boolean) {
  const applied: string[] = [];
  const notes: string[] = [];
  for (const item of request.include) {
    const where = [
      ...new Set(scripts.flatMap((s) => (s.sections ?? []).filter((x) => x.spoken.includes(item)).map((x) => `“${x.heading}”`))),
    ];
    applied.push(`${capFirst(item)}: worked into ${listing(where.slice(0, 3))}${where.length > 3 ? " and more" : ""}`);
  }
  for (const term of request.exclude) {
    const had = angles.some((a) => a.outline(c).some((line) => mentions(line, term)));
    if (had) applied.push(`Leaves out ${term}`);
    else notes.push(`No script had a section on ${term}, so there was nothing to leave out`);
  }
  for (const tone of request.tones) applied.push(TONE_APPLIED[tone]);
  if (request.production.length) applied.push(`Shots for ${listing(request.production)} in every script`);
  const before = input.previous.slice(-input.count);
  const now = average(scripts);
  if (request.length || request.targetSeconds) {
    const was = before.length ? ` instead of ${minutes(average(before))}` : "";
    applied.push(
      `${request.length === "shorter" ? "Shorter" : request.length === "longer" ? "Longer" : "Length"}: about ${minutes(now)}${was}, from the spoken words at ${scripts[0]?.words_per_minute ?? DEFAULT_WORDS_PER_MINUTE} words a minute`,
    );
  }
  if (request.freshWording) applied.push("New titles and hooks: each script takes an angle not shown before where one is left");
  else if (kept) applied.push("Titles and sections kept from the previous revision");
  for (const clause of request.unhandled)
    notes.push(`The built-in offline writer could not act on “${clause}”; connect an AI model for free-form requests`);
  return { applied, notes };
}

/** The previous revision's angles, in order, when the feedback does not ask for new titles. */
function keptAngles(input: ScriptInput, library: Angle[], request: FeedbackRequest): { angle: Angle; title: string }[] | null {
  if (request.freshWording || input.revision < 2) return null;
  const last = input.previous.slice(-input.count);
  const kept = last.map((s) => ({ angle: library.find((a) => a.name === s.angle), title: s.title }));
  return kept.length === input.count && kept.every((k) => k.angle) ? (kept as { angle: Angle; title: string }[]) : null;
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
  const target = { seconds: targetAfterFeedback(input, request), wordsPerMinute: input.words_per_minute ?? DEFAULT_WORDS_PER_MINUTE };
  const rand = mulberry32(hashString(`${input.topic}|${input.revision}|${input.feedback ?? ""}`));
  const library = ANGLES_BY_KIND[profile.kind];
  const kept = keptAngles(input, library, request);
  const chosen =
    kept ??
    pickAngles(library, new Set(input.previous.map((s) => s.angle)), input.count, rand).map((angle) => ({ angle, title: undefined }));
  const scripts = chosen.map(({ angle, title }, i) => writeOne(angle, i, c, request, target, rand, title));
  // The workflow's own tone setting is not feedback: report only when the creator gave some.
  const gaveFeedback = Boolean(input.feedback?.trim()) || (input.earlier_feedback ?? []).some((f) => f.trim());
  const angles = chosen.map((x) => x.angle);
  const { applied, notes } = gaveFeedback ? report(input, request, scripts, angles, c, kept !== null) : { applied: [], notes: [] };
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
