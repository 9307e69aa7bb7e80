// Reads a creator's feedback into requests the offline writer can act on: things to cover,
// things to drop, a tone, a length. Whatever matches no rule is kept as "not understood", so the
// writer can say so instead of claiming it listened.
import { DEFAULT_WORDS_PER_MINUTE, wordsFor } from "../shared/script-length";

export type Tone = "funny" | "serious" | "calm" | "energetic" | "data" | "beginner" | "personal";

export interface FeedbackRequest {
  /** Topics or items to cover, in the creator's words and casing ("JR Pass", "hostels"). */
  include: string[];
  /** Topics to leave out. */
  exclude: string[];
  /** Shots, music or editing asked for ("a drone shot"): added as production notes. */
  production: string[];
  tones: Tone[];
  length: "shorter" | "longer" | null;
  /** "under 5 minutes" → 300. */
  targetSeconds: number | null;
  /** Asked for new titles or hooks; every revision has new ones, so this is met by construction. */
  freshWording: boolean;
  /** Parts of the feedback that no rule understood, as the creator wrote them. */
  unhandled: string[];
}

const TONE_RULES: { tone: Tone; pattern: RegExp }[] = [
  { tone: "funny", pattern: /\b(funn(y|ier)|humou?r(ous)?|jokes?|playful|witty|lighter|more fun|entertaining|silly|goofy)\b/i },
  { tone: "serious", pattern: /\b(serious|professional|formal|credible|sober|grown-up|trustworthy)\b/i },
  { tone: "calm", pattern: /\b(calm(er)?|relaxed|chill(er)?|gentler|gentle|soothing|cosy|cozy|slower|quieter)\b/i },
  {
    tone: "energetic",
    pattern: /\b(energ(y|etic)|hype|hyped|exciting|punchier|punchy|upbeat|dynamic|faster[- ]paced|excitement|shouty|loud|intense)\b/i,
  },
  { tone: "data", pattern: /\b(data|numbers|stats|statistics|evidence|research|facts|sources|figures)\b/i },
  { tone: "beginner", pattern: /\b(beginners?|simpler|simple|easier|newbies?|basics|plain (english|language))\b/i },
  { tone: "personal", pattern: /\b(personal|my (own )?(story|experience)|storytelling|first[- ]person|relatable|vlog)\b/i },
];
const OPPOSITES: Partial<Record<Tone, Tone>> = { funny: "serious", serious: "funny", calm: "energetic", energetic: "calm" };

// Words that name what the creator wants less of, and the tone that asks for.
const LESS_OF: { tone: Tone; pattern: RegExp }[] = [
  { tone: "serious", pattern: /\b(clickbait|clickbaity|cringe|cringy|cheesy|salesy|sensational|exaggerat\w*)\b/i },
  { tone: "beginner", pattern: /\b(jargon|technical|complicated|complex|acronyms)\b/i },
];
const NEGATION = /\b(?:less|no|not(?: so| too)?|without|fewer|stop(?: the| being)?|don'?t be|nothing)\s+((?:\w+[- ])?\w+)/gi;

const SHORTER = /\b(shorter|too long|more concise|concise|tighter|trim|cut it down|brief(er)?|quicker|less (long|rambling))\b/i;
const LONGER = /\b(longer|too short|more (detail|depth)|in[- ]depth|deeper|go deeper|more thorough|expand)\b/i;
const TARGET = /\b(?:under|below|max(?:imum)?|at most|about|around)?\s*(\d{1,2})\s*(?:-|\s)?(min(?:ute)?s?)\b/i;
const FRESH = /\b(titles?|hooks?|intros?|openings?|headlines?)\b/i;

const INCLUDE =
  /\b(?:more (?:about|on)|talk(?:ing)? about|cover(?:ing)?|include|including|mention(?:ing)?|add(?:ing)?(?: (?:a )?(?:section|part|bit|segment)s? (?:on|about))?|focus(?:ing)? on|what about|explain(?:ing)?|feature|show(?:ing)?|asking for|ask(?:ed)? for|want(?:ed)?|needs?|missing|forgot|tips (?:on|for)|compare)\s+(.+)/i;
const EXCLUDE =
  /\b(?:less (?:about|on)|no more|drop|remove|cut|skip|without|leave out|don'?t (?:mention|talk about|include|cover)|avoid|not about|no)\s+(.+)/i;

const PRODUCTION =
  /\b(shots?|b-?roll|music|sound(track)?|sfx|transitions?|effects?|captions?|subtitles?|voice-?over|footage|montage|cutaways?|close-?ups?|time-?lapse|slow-?mo(tion)?|animation|graphics?)\b/i;

// A piece that is itself an instruction ("make it funnier"), not an item to cover.
const NOT_AN_ITEM = /^(make|keep|be|it|more|less|please|also|and|the video|this|that|them|something|stuff|things|everything)\b/i;
const FILLER = /\b(please|too|as well|also|in (it|the video|there)|more|some|pls|thanks|thank you)\b/gi;

function items(list: string): string[] {
  return list
    .split(/,|;|\s+(?:and|&|plus|as well as|or)\s+/i)
    .map((piece) =>
      piece
        .replace(FILLER, " ")
        .replace(/^\s*((a|an|some|any|my|our|about|on|of)\s+)+/i, "")
        .replace(/[.!?"“”]+/g, "")
        .replace(/\s+/g, " ")
        .trim(),
    )
    .filter((piece) => piece.length >= 2 && piece.split(" ").length <= 6 && !NOT_AN_ITEM.test(piece))
    .filter((piece) => !TONE_RULES.some((r) => r.pattern.test(piece)) && !LESS_OF.some((l) => l.pattern.test(piece)))
    .filter((piece) => !SHORTER.test(piece) && !LONGER.test(piece));
}

function pushUnique(list: string[], values: string[]) {
  for (const v of values) if (!list.some((x) => x.toLowerCase() === v.toLowerCase())) list.push(v);
}

function readOne(feedback: string, into: FeedbackRequest) {
  const clauses = feedback
    .split(/(?<=[.!?;])\s+|\n+/)
    .map((c) => c.trim())
    .filter(Boolean);
  for (const clause of clauses) {
    let understood = false;
    // "less hype", "not so serious", "no jokes": the word names a tone the creator wants less of.
    const negated = [...clause.matchAll(NEGATION)].map((m) => m[1]!);
    const positive = clause.replace(NEGATION, " ");
    const wanted = TONE_RULES.filter((r) => r.pattern.test(positive)).map((r) => r.tone);
    for (const word of negated) {
      const means = LESS_OF.find((l) => l.pattern.test(word))?.tone;
      if (means) {
        understood = true;
        if (!wanted.includes(means)) wanted.push(means);
        continue;
      }
      const tone = TONE_RULES.find((r) => r.pattern.test(word))?.tone;
      const opposite = tone && OPPOSITES[tone];
      if (tone) understood = true;
      if (opposite && !wanted.includes(opposite)) wanted.push(opposite);
      if (tone) into.tones = into.tones.filter((t) => t !== tone);
    }
    for (const tone of wanted) {
      understood = true;
      const opposite = OPPOSITES[tone];
      into.tones = into.tones.filter((t) => t !== tone && t !== opposite).concat(tone);
    }
    const length = SHORTER.test(clause) ? "shorter" : LONGER.test(clause) ? "longer" : null;
    if (length) {
      into.length = length;
      understood = true;
    }
    const target = TARGET.exec(clause);
    if (target && /\b(under|below|max|at most|about|around|minutes? long|min video)\b/i.test(clause)) {
      into.targetSeconds = Number(target[1]) * 60;
      understood = true;
    }
    const drop = EXCLUDE.exec(clause);
    const dropped = drop ? items(drop[1]!) : [];
    if (dropped.length) {
      pushUnique(into.exclude, dropped);
      into.include = into.include.filter((i) => !dropped.some((d) => d.toLowerCase() === i.toLowerCase()));
      understood = true;
    }
    const add = INCLUDE.exec(drop ? clause.slice(0, drop.index) : clause);
    const added = add ? items(add[1]!) : [];
    if (added.length) {
      pushUnique(
        into.include,
        added.filter((i) => !PRODUCTION.test(i)),
      );
      pushUnique(
        into.production,
        added.filter((i) => PRODUCTION.test(i)),
      );
      understood = true;
    } else if (!understood && /[,&]|\band\b/.test(clause) && clause.split(/\s+/).length <= 14) {
      // A bare list ("JR Pass, hostels, konbini meals") names things to cover.
      const bare = items(clause);
      if (bare.length >= 2) {
        pushUnique(into.include, bare);
        understood = true;
      }
    }
    if (FRESH.test(clause)) {
      into.freshWording = true;
      understood = true;
    }
    if (!understood) into.unhandled.push(clause.replace(/[.;]+$/, ""));
  }
}

/**
 * Every feedback so far, oldest first: items accumulate, and on a conflict (funnier, then
 * more serious) the newest wins. Only the newest feedback reports what it did not understand.
 */
export function readFeedback(latest: string | null, earlier: readonly string[] = [], workflowTone: string | null = null): FeedbackRequest {
  const request: FeedbackRequest = {
    include: [],
    exclude: [],
    production: [],
    tones: [],
    length: null,
    targetSeconds: null,
    freshWording: false,
    unhandled: [],
  };
  if (workflowTone) readOne(workflowTone, request);
  for (const text of earlier) readOne(text, request);
  request.unhandled = [];
  request.freshWording = false;
  if (latest?.trim()) readOne(latest, request);
  return request;
}

/** The steps a "shorter" or "longer" moves between, in seconds (TARGET_SECONDS). */
const LENGTH_STEPS = [50, 180, 480, 720];

/**
 * The spoken length a revision is written for: the creator's chosen length, moved one step by
 * "shorter" or "longer", or the limit the feedback names ("under 5 minutes").
 */
export function targetAfterFeedback(input: { target_seconds?: number }, request: FeedbackRequest): number {
  const chosen = input.target_seconds ?? 180;
  if (request.targetSeconds) return Math.min(request.targetSeconds * 0.9, 20 * 60);
  if (!request.length) return chosen;
  const at = LENGTH_STEPS.findIndex((s) => s >= chosen);
  const here = at < 0 ? LENGTH_STEPS.length - 1 : at;
  const next = request.length === "shorter" ? Math.max(0, here - 1) : Math.min(LENGTH_STEPS.length - 1, here + 1);
  return next === here ? Math.round(chosen * (request.length === "shorter" ? 0.7 : 1.3)) : LENGTH_STEPS[next]!;
}

interface LengthInput {
  feedback: string | null;
  earlier_feedback?: string[];
  target_seconds?: number;
  words_per_minute?: number;
}

export interface LengthTarget {
  seconds: number;
  words: number;
  wordsPerMinute: number;
}

/** The spoken length this revision is for: the creator's choice, moved by "shorter", "longer" or a named limit. */
export function targetOf(input: LengthInput): LengthTarget {
  const wordsPerMinute = input.words_per_minute ?? DEFAULT_WORDS_PER_MINUTE;
  const seconds = targetAfterFeedback(input, readFeedback(input.feedback, input.earlier_feedback ?? []));
  return { seconds, words: wordsFor(seconds, wordsPerMinute), wordsPerMinute };
}
