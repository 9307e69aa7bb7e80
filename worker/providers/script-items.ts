// How a section talks about an item the creator named: in the section where it belongs, each item
// in its own words (a different sentence shape per item within a script), and never as "you
// asked about this": the viewer never heard the feedback, so the script does not mention it.
import type { Thing } from "./topic-nouns";
import type { TopicKind } from "./topic-kind";
import { capFirst } from "./wording";

interface ItemStyle {
  kind: TopicKind;
  audience: string;
  subject: string;
}

// {i} the item, {t} the section's thing, {s} the subject, {a} the audience.
const BY_KIND: Record<TopicKind, string[]> = {
  place: [
    "This part of the plan is where {i} comes in: work out early whether it fits your route, because it changes {t} for the whole trip.",
    "Then, {i}. Plenty of {a} swear by this; the honest test is whether it still makes sense on day three, not just day one.",
  ],
  recipe: [
    "This is the stage for {i}: add a little at a time and taste as you go, because too much is hard to take back.",
    "If you can't get {i}, this is the step where a substitute matters least, so don't let it stop you.",
  ],
  product: [
    "I spent real time testing {i}: it matters more in daily use than on the spec sheet.",
    "On {i}: check it in the shop if you can, because reviews rarely mention how it feels after a month.",
  ],
  skill: [
    "Here's the drill for {i}: five minutes at the start of each session, slowly, before anything else.",
    "This is the moment for {i}: it only makes sense once {t} feels easy, so don't start it on day one.",
  ],
  general: [
    "Here's where {i} fits: it is the clearest example of {t} I know.",
    "This is also the place for {i}, because it is the part of {s} people tend to underestimate.",
  ],
};

const ANY_KIND = [
  "Here is where {i} fits. Before deciding, work out what it changes about {t}, and what it costs in time or money.",
  "This is also where {i} comes in: try it once, watch what happens to {t}, and keep it only if it makes {s} easier.",
  "Let's look at {i} properly: what it is good for, where it falls short, and the simple alternative if it is not for you.",
  "A word on {i}: keep it simple the first time, and build on it once the basics of {s} feel easy.",
  "It's worth a minute on {i} here, because it is the detail of {s} people tend to underestimate.",
  "Think of {i} as part of {t}: get that right, and {i} mostly takes care of itself.",
];

/** One sentence about `item`; `n` picks a different sentence shape for each item in a script. */
export function itemSentence(item: string, style: ItemStyle, thing: Thing, n: number): string {
  const shapes = [...BY_KIND[style.kind], ...ANY_KIND];
  const template = shapes[n % shapes.length]!;
  return capFirst(
    template
      .replace(/\{I\}/g, capFirst(item))
      .replace(/\{i\}/g, item)
      .replace(/\{t\}/g, thing.say)
      .replace(/\{s\}/g, style.subject)
      .replace(/\{a\}/g, style.audience),
  );
}

// Words that tell which section an item belongs in, by what the section is about.
const PLACES_FOR: { words: RegExp; fits: RegExp }[] = [
  {
    words: /\b(pass|train|rail|bus|metro|subway|flight|taxi|bike|ferry|shinkansen|card|transport|car)(e?s)?\b/i,
    fits: /\b(getting around|transport|route|train|travel|day|itinerary|move)/i,
  },
  {
    words: /\b(hostel|hotel|ryokan|capsule|airbnb|stay|sleep|camp|guesthouse)(e?s)?\b/i,
    fits: /\b(sleep|stay|hostel|hotel|night|lodging|bed)/i,
  },
  {
    words: /\b(food|meal|konbini|ramen|market|restaurant|eat|snack|street|drink|coffee|lunch|dinner)(e?s)?\b/i,
    fits: /\b(food|eat|meal|lunch|dinner|cook|taste)/i,
  },
  { words: /\b(cost|budget|price|yen|cash|money|cheap|free|ticket|fee)(e?s)?\b/i, fits: /\b(cost|budget|money|price|cheap|spend|free)/i },
];

/** The section an item belongs in: one whose words match the item's, else spread over the middle sections. */
export function placeItem(item: string, headings: readonly string[], n: number): number {
  const words = item
    .toLowerCase()
    .split(/\W+/)
    .filter((w) => w.length > 3);
  const direct = headings.findIndex((h) => words.some((w) => h.toLowerCase().includes(w.replace(/s$/, ""))));
  if (direct >= 0) return direct;
  for (const rule of PLACES_FOR) {
    if (!rule.words.test(item)) continue;
    const fit = headings.findIndex((h) => rule.fits.test(h));
    if (fit >= 0) return fit;
  }
  const middle = Math.max(1, headings.length - 2);
  return headings.length <= 2 ? 0 : 1 + (n % middle);
}
