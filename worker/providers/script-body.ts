// Writes an angle's sections as spoken paragraphs, at the length the creator chose: each section
// opens on its heading, talks about the topic's own things (topic-nouns.ts) with a fact or a
// check a viewer can use, weaves in the items the creator named where they belong, and carries
// its own shots. No stage note repeats within a script, and nothing talks about the feedback.
import { shuffled } from "../domain/seed";
import type { ScriptSection } from "../shared/contract";
import { spokenWords } from "../shared/script-length";
import type { Tone } from "./feedback";
import { itemSentence } from "./script-items";
import type { TopicKind } from "./topic-kind";
import type { Thing } from "./topic-nouns";
import { capFirst } from "./wording";

export interface SectionPlan {
  heading: string;
  /** What the section covers, mid-sentence ("the ten minutes that save the dish"). */
  focus: string;
  /** Items the creator named that belong in this section, in their words. */
  items: string[];
  /** A shot the creator asked for, placed in this section. */
  shot: string | null;
}

export interface BodyStyle {
  kind: TopicKind;
  tones: readonly Tone[];
  audience: string;
  subject: string;
  things: readonly Thing[];
  /** The spoken words each section should come to. */
  wordsPerSection: number;
  /** 0, 1, 2: the script's place in its set, so the three do not open the same way. */
  variant: number;
}

const DELIVERY: Record<Tone, string> = {
  funny: "light and playful, with a running joke and a few self-deprecating asides",
  serious: "measured and factual; no gags, no hype",
  calm: "calm and unhurried; soft music, slow cuts, no zooms or sound effects",
  energetic: "high energy; quick cuts and on-screen text on every beat",
  data: "evidence first; every figure on screen with its source",
  beginner: "no jargon; each term explained the first time it comes up",
  personal: "first person; your own story carries the video",
};

// One per variant, so the three hooks don't share a joke.
const HOOK_QUIPS: Record<TopicKind, string[]> = {
  place: ["(My suitcase still hasn't forgiven me.)", "(Spoiler: I got lost. Twice.)", "(My step counter filed a complaint.)"],
  recipe: ["(The smoke alarm and I are on speaking terms again.)", "(No pans were harmed. Mostly.)", "(Yes, I ate all the test batches.)"],
  product: ["(My wallet would like a word.)", "(The box is still in my hallway.)", "(I read the manual so you don't have to.)"],
  skill: ["(My neighbours deserve an award.)", "(Day-one me was not a pretty sight.)", "(My cat left the room. Twice.)"],
  general: ["(I learned this the embarrassing way.)", "(Past me was very confident. Past me was wrong.)", "(Cue the dramatic zoom.)"],
};

const ASIDES = [
  "Yes, I learned this one the embarrassing way.",
  "I'd love to say I got this right first time. I did not.",
  "Past me was very confident about this. Past me was wrong.",
  "If yours looks like my first attempt, that's fine; mine was worse.",
];

// Shots per kind; {thing} is the section's thing, so each note is about what is said over it.
const SHOTS: Record<TopicKind, string[]> = {
  place: [
    "B-roll: {thing}, filmed on the day, not a stock shot",
    "On screen: what {thing} cost, item by item",
    "Walk-and-talk shot about {thing}",
    "Map: where {thing} fits on the route",
  ],
  recipe: [
    "Overhead shot: {thing}",
    "Close-up: {thing}, the texture to look for",
    "On screen: the quantities and timings for {thing}",
    "Split screen: {thing} done right against done wrong",
  ],
  product: [
    "Macro close-up: {thing}",
    "On screen: the figure for {thing}, and what it means in practice",
    "Hands-on shot of {thing} in real use",
    "Side by side: {thing} against the alternative",
  ],
  skill: [
    "Close-up: {thing}, done slowly",
    "Split screen: {thing} the wrong way against the right way",
    "On screen: the one rule for {thing}",
    "Slow-motion replay: {thing}",
  ],
  general: [
    "On screen: the one sentence about {thing}",
    "Cut to a real example of {thing}",
    "On screen: the key number for {thing}",
    "Quick before-and-after: {thing}",
  ],
};

const OPENERS = ["First", "Next", "Then", "Now", "After that", "Moving on", "Next up", "And then"];

// Sentences about one thing; {t} the thing, {s} the subject, {a} the audience. Each fact and check is said once.
const ABOUT: string[] = [
  "Start with {t}: {fact}.",
  "A check you can do for {t}: {check}.",
  "If you only change one thing at this step, make it {t}.",
  "Most {a} rush {t}, and that is usually why {s} goes wrong later.",
  "Keep {t} in mind here, because the rest of {s} builds on it.",
  "I'll show you {t} on camera, so you can see what right looks like before you try it.",
  "Don't chase perfect with {t}; get it roughly right, then change one thing at a time.",
  "Note what you did with {t} each time, so you know what made the difference when {s} turns out better.",
  "Nobody gets {t} right the first time, and you don't need to.",
  "The difference {t} can make is easy to see once you compare two attempts side by side.",
  "Spend your effort on {t} before anything fancier; it pays back every time you come back to {s}.",
  "If {t} feels confusing, slow down: it is simpler than it looks.",
  "This step is where {t} matters most, and where most of the improvement comes from.",
  "Ask yourself what {t} is doing for you right now; if you can't say, that's the part to fix.",
  "Give {t} two honest tries before you decide it isn't for you.",
  "I used to skip {t} entirely, and it cost me more than I'd like to admit.",
  "Watch {t} closely the next time, because small changes there show up straight away.",
  "There's a lot of conflicting advice about {t}; ignore most of it and trust what you can see and taste for yourself.",
  "Once {t} is under control, everything else about {s} gets noticeably easier.",
  "If something feels off, {t} is the first place I'd look.",
  "You don't need expensive gear for {t}; attention does more than money here.",
  "Come back to {t} after a week and you'll notice things you missed the first time.",
];

/** "Prep: the ten minutes that save the dish" → heading "Prep", focus "the ten minutes…". */
export function splitLine(line: string): { heading: string; focus: string } {
  const [heading, ...rest] = line.split(": ");
  const focus = rest.length ? rest.join(": ") : line;
  return { heading: heading!.trim(), focus: /^\p{Lu}\p{Ll}/u.test(focus) ? focus.charAt(0).toLowerCase() + focus.slice(1) : focus };
}

function fill(template: string, thing: Thing, style: BodyStyle): string {
  return capFirst(
    template
      .replace("{fact}", thing.fact)
      .replace("{check}", thing.check)
      .replace(/\{t\}/g, thing.say)
      .replace(/\{s\}/g, style.subject)
      .replace(/\{a\}/g, style.audience),
  );
}

/** The sections as spoken paragraphs with their own shots, each near the words it should come to. */
export function writeSections(plans: readonly SectionPlan[], style: BodyStyle, rand: () => number): ScriptSection[] {
  const has = (t: Tone) => style.tones.includes(t);
  const said = new Set<string>();
  const notes = new Set<string>();
  const asides = shuffled(ASIDES, rand);
  const shots = SHOTS[style.kind];
  let itemCount = 0;
  const note = (text: string, heading: string) => {
    const unique = notes.has(text) ? `${text} (${heading.toLowerCase()})` : text;
    notes.add(unique);
    return unique;
  };
  return plans.map((plan, i) => {
    const last = i === plans.length - 1 && i > 0;
    const opener = last ? "Finally" : OPENERS[(i + style.variant) % OPENERS.length]!;
    const lines = [
      `${opener}, ${plan.heading.charAt(0).toLowerCase() + plan.heading.slice(1)}${plan.heading.toLowerCase() === plan.focus.toLowerCase() ? "" : `: ${plan.focus}`}.`,
    ];
    const thingAt = (k: number) => style.things[(i * 2 + k + style.variant) % style.things.length]!;
    for (const item of plan.items) lines.push(itemSentence(item, style, thingAt(0), style.variant + itemCount++));
    // Sentences about the topic's things until the section reaches its words; none said twice,
    // and none that would take the section well past its share (a Short must stay under 60 s).
    let count = spokenWords(...lines);
    for (let k = 0; count < style.wordsPerSection - 4 && k < ABOUT.length * style.things.length; k++) {
      const thing = thingAt(k % style.things.length);
      const at = (k + i * 3 + style.variant * 5) % ABOUT.length;
      // One template with one thing is one sentence: skip it before writing it out.
      const key = `${at}|${thing.say}`;
      if (said.has(key)) continue;
      const sentence = fill(ABOUT[at]!, thing, style);
      const words = spokenWords(sentence);
      if (count + words > style.wordsPerSection + 10) continue;
      said.add(key);
      lines.push(sentence);
      count += words;
    }
    if (has("personal") && i === 0)
      lines.push(`When I first tried ${style.subject}, I got ${thingAt(0).say} wrong, and this is what I'd tell that version of me.`);
    if (has("beginner") && i === 0) lines.push("If a term is new to you, it's on screen with a one-line explanation.");
    if (has("funny") && !has("serious") && i % 2 === 0 && asides[i / 2]) lines.push(asides[i / 2]!);
    const thing = thingAt(0).say;
    const b_roll = [note(shots[(i + style.variant) % shots.length]!.replace("{thing}", thing), plan.heading)];
    if (plan.shot) b_roll.push(note(`Shot: ${plan.shot}`, plan.heading));
    if (has("data")) b_roll.push(note(`On screen: the figure behind ${thing}, with its source`, plan.heading));
    if (has("energetic") && i % 2 === 1) b_roll.push(note(`Quick cut, on-screen text: ${plan.heading}`, plan.heading));
    if (has("calm")) b_roll.splice(0, b_roll.length, ...b_roll.filter((b) => !/zoom|quick cut/i.test(b)));
    return { heading: plan.heading, spoken: lines.join(" "), b_roll };
  });
}

/** The body as the app and the export show it: the delivery note, then each section with its shots. */
export function bodyOf(sections: readonly ScriptSection[], tones: readonly Tone[]): string {
  const deliveries = tones.map((t) => DELIVERY[t]);
  const delivery = `[Delivery: ${deliveries.length ? deliveries.join("; ") : "straight to camera, conversational"}.]`;
  return [delivery, ...sections.map((s) => [s.spoken, ...s.b_roll.map((b) => `[${b}.]`)].join(" "))].join("\n\n");
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
