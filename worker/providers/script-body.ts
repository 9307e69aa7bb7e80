// Turns an angle's outline into a spoken script body with stage directions, shaped by the tone
// and length the creator asked for. The hook is said first and is not repeated here.
import { shuffled } from "../domain/seed";
import type { Tone } from "./feedback";
import type { TopicKind } from "./topic-kind";
import { capFirst } from "./wording";

export interface BodyStyle {
  kind: TopicKind;
  tones: readonly Tone[];
  short: boolean;
  audience: string;
  subject: string;
  /** Outline lines that cover the creator's requested items, by their line text. */
  itemLines: ReadonlySet<string>;
  /** Shots or editing the creator asked for. */
  production: readonly string[];
}

// Said on a section the creator asked for, so they can find it.
const ASKED = [
  "You asked about this one, so here's what {audience} should know before deciding.",
  "This came up in your feedback: the short version first, then the details.",
  "Requested by you, and worth the time: here's how it actually plays out.",
];

// One per variant, so the three hooks don't share a joke.
const HOOK_QUIPS: Record<TopicKind, string[]> = {
  place: ["(My suitcase still hasn't forgiven me.)", "(Spoiler: I got lost. Twice.)", "(My step counter filed a complaint.)"],
  recipe: ["(The smoke alarm and I are on speaking terms again.)", "(No pans were harmed. Mostly.)", "(Yes, I ate all the test batches.)"],
  product: ["(My wallet would like a word.)", "(The box is still in my hallway.)", "(I read the manual so you don't have to.)"],
  skill: ["(My neighbours deserve an award.)", "(Day-one me was not a pretty sight.)", "(My cat left the room. Twice.)"],
  general: ["(I learned this the embarrassing way.)", "(Past me was very confident. Past me was wrong.)", "(Cue the dramatic zoom.)"],
};

const DELIVERY: Record<Tone, string> = {
  funny: "light and playful, with a running joke and a few self-deprecating asides",
  serious: "measured and factual; no gags, no hype",
  calm: "calm and unhurried; soft music, slow cuts, no zooms or sound effects",
  energetic: "high energy; quick cuts and on-screen text on every beat",
  data: "evidence first; every figure on screen with its source",
  beginner: "no jargon; each term explained the first time it comes up",
  personal: "first person; your own story carries the video",
};

const B_ROLL: Record<TopicKind, string[]> = {
  place: [
    "[B-roll: street scenes, then the route drawn on a map.]",
    "[On screen: the price of each option, side by side.]",
    "[Walk-and-talk shot on location.]",
    "[B-roll: a station, a queue, a ticket machine: the real moment, not a stock shot.]",
  ],
  recipe: [
    "[Overhead shot of the board and the pan.]",
    "[Close-up: the texture you're looking for.]",
    "[On screen: quantities and timings.]",
    "[Split screen: right way against wrong way.]",
  ],
  product: [
    "[Macro close-up of the detail you're talking about.]",
    "[On screen: the spec, and what it means in practice.]",
    "[Hands-on shot, real use, no studio tricks.]",
    "[Side-by-side comparison shot.]",
  ],
  skill: [
    "[Split screen: the wrong way against the right way.]",
    "[Slow-motion replay of the key movement.]",
    "[On screen: the one rule to remember.]",
    "[Screen or over-the-shoulder recording of the exercise.]",
  ],
  general: [
    "[On screen: the one sentence to remember.]",
    "[Quick before-and-after.]",
    "[Cut to a real example.]",
    "[On screen: the key number in big type.]",
  ],
};

const ASIDES: Record<TopicKind, string[]> = {
  place: [
    "Yes, I packed three jackets for a summer trip. Learn from me.",
    "Pro tip: comfortable shoes. Trust me on this one.",
    "I got lost here twice. With a map. Open in my hand.",
  ],
  recipe: [
    "Smoke alarm check: still on my side. For now.",
    "If it looks like mine did on day one, order pizza and try again tomorrow.",
    "I'm legally required to say 'season to taste'. Taste it. Actually taste it.",
  ],
  product: [
    "Cables I will never use: four. As tradition demands.",
    "I read the manual so you don't have to. Nobody reads the manual.",
    "My wallet would like a word.",
  ],
  skill: [
    "My neighbours have heard every wrong attempt, so you don't have to.",
    "I practised this in front of my cat. She was not impressed.",
    "Day-one me would like to apologise to everyone involved.",
  ],
  general: [
    "Yes, I learned this one the embarrassing way.",
    "Cue the dramatic zoom. It deserves it.",
    "Past me was very confident about this. Past me was wrong.",
  ],
};

const TRANSITIONS = ["First", "Next", "Then", "After that", "Now", "And", "Then", "Finally"];

function spoken(line: string): string {
  const [heading, ...rest] = line.split(": ");
  const text = rest.length ? `${heading}: ${rest.join(": ")}` : line;
  // Keep the line's own capitals after the first word ("JR Pass", "Japan").
  return /^\p{Lu}\p{Ll}/u.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}

/** The presenter's words and directions after the hook, one paragraph per outline section. */
export function composeBody(outline: readonly string[], cta: string, style: BodyStyle, rand: () => number): string {
  const has = (t: Tone) => style.tones.includes(t);
  const deliveries = style.tones.map((t) => DELIVERY[t]);
  const paragraphs = [`[Delivery: ${deliveries.length ? deliveries.join("; ") : "straight to camera, conversational"}.]`];
  const plan = outline.map((o) => o.split(":")[0]!.trim());
  paragraphs.push(`Here's what's coming: ${plan.map(spoken).join("; ")}.`);
  if (has("personal"))
    paragraphs.push(
      `[Personal beat] Tell the story of your own first time with ${style.subject}: what you expected, and what actually happened.`,
    );
  const asides = shuffled(ASIDES[style.kind], rand);
  const rolls = shuffled(B_ROLL[style.kind], rand);
  let asked = 0;
  outline.forEach((line, i) => {
    const word = i === outline.length - 1 && i > 0 ? "Finally" : TRANSITIONS[i % (TRANSITIONS.length - 1)]!;
    const parts = [`${word}, ${spoken(line)}.`];
    if (style.itemLines.has(line)) parts.push(ASKED[asked++ % ASKED.length]!.replace("{audience}", style.audience));
    const shot = style.production[i];
    if (shot) parts.push(`[Production note: ${shot}${i === outline.length - 1 ? "" : " here"}, as you asked.]`);
    if (!style.short) {
      if (has("data")) parts.push("[On screen: the figure that backs this up, with its source.]");
      else if (!(has("calm") && /zoom|big type/.test(rolls[i % rolls.length]!))) parts.push(rolls[i % rolls.length]!);
      if (has("energetic") && i % 2 === 1) parts.push("[Quick cut, on-screen text, keep it moving.]");
    }
    if (has("funny") && !has("serious") && i % 2 === 0) parts.push(asides[(i / 2) % asides.length]!);
    if (has("beginner") && i === 0) parts.push("If a term is new to you, it's on screen with a one-line explanation.");
    paragraphs.push(parts.join(" "));
  });
  paragraphs.push(`[Close.] ${capFirst(cta)}`);
  return paragraphs.join("\n\n");
}

/** Tone on the hook: a joke tag, a calmer opening, or more punch. Serious hooks lose exclamation marks. */
export function toneHook(hook: string, tones: readonly Tone[], kind: TopicKind, variant: number): string {
  let out = hook;
  if (tones.includes("serious")) out = out.replace(/!/g, ".");
  if (tones.includes("funny")) out += ` ${HOOK_QUIPS[kind][variant % HOOK_QUIPS[kind].length]}`;
  if (tones.includes("calm")) out = `No rush. ${out}`;
  if (tones.includes("energetic")) out += " Let's go.";
  if (tones.includes("personal")) out = `This one's personal. ${out}`;
  return out;
}

/** About 150 spoken words a minute (stage directions excluded), plus the demonstration each section shows. */
export function estimateSeconds(hook: string, body: string, sections: number, short: boolean): number {
  const words = `${hook} ${body.replace(/\[[^\]]*\]/g, " ")}`.split(/\s+/).filter(Boolean).length;
  return Math.max(20, Math.round((words / 150) * 60 + sections * (short ? 10 : 30)));
}
