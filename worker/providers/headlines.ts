// Thumbnail headlines: at most four words that read at 168 px, and a different message per
// style, so an A/B test compares messages, not only art:
// - FACE_FOCUSED: the creator's reaction, first person ("I WASN'T READY");
// - PRODUCT_DEMO: the concrete promise, naming the subject ("JAPAN ON A BUDGET");
// - VIRAL: curiosity or a warning ("DON'T BOOK YET").
import type { Script, ThumbnailStyle } from "../shared/contract";
import { ANGLES_BY_KIND, type AngleFamily } from "./angles";
import { drawableInPng, graphemes } from "./svg-text";
import type { TopicKind, TopicProfile } from "./topic-kind";

export const MAX_HEADLINE_WORDS = 4;
/** Longer than this and the type gets too small to read at 168 px. */
export const MAX_HEADLINE_CHARS = 22;
/** A title kept whole may run to five short words ("JAPAN ON $50 A DAY"). */
const MAX_TITLE_WORDS = 5;

type Templates = Record<AngleFamily, string[]>;

const FACE: Templates = {
  guide: ["START HERE", "I'D DO THIS", "EASIER THAN YOU THINK"],
  list: ["I MADE THESE", "BIG MISTAKE", "DON'T DO THIS"],
  story: ["IT WENT WRONG", "{D} DAYS LATER…", "I WASN'T READY"],
  versus: ["WORTH IT?", "I PICKED THIS", "NOT WHAT I EXPECTED"],
  money: ["ONLY {M}?!", "SO CHEAP?!", "I SPENT HOW MUCH?", "WORTH EVERY CENT"],
  insider: ["I WISH I KNEW", "GAME CHANGER", "NOBODY SAID THIS"],
};

const DEMO: Templates = {
  guide: ["{S} MADE EASY", "{S}: STEP BY STEP", "{S} IN 5 STEPS", "STEP BY STEP"],
  list: ["{N} {S} {NOUN}", "{N} {NOUN}", "{S} CHECKLIST", "THE CHECKLIST"],
  story: ["{D} DAYS OF {S}", "MY {S} RESULTS", "{S}: THE RESULTS", "MY RESULTS"],
  versus: ["{S}: CHEAP VS PRO", "CHEAP VS PRO", "{S} TESTED", "TESTED SIDE BY SIDE"],
  money: ["{S} ON {M}", "{S} ON A BUDGET", "REAL {S} COSTS", "{S} FOR LESS", "THE CHEAP WAY"],
  insider: ["{N} {S} {NOUN}", "{S} PRO TIPS", "{S} LIKE A PRO", "PRO TIPS"],
};

const VIRAL: Templates = {
  guide: ["{WATCH_FIRST}", "THE RIGHT WAY", "DO THIS FIRST"],
  list: ["STOP DOING THIS", "99% GET THIS WRONG", "AVOID THIS"],
  story: ["IT ALMOST BROKE ME", "NOBODY WARNED ME", "I DIDN'T EXPECT THIS"],
  versus: ["ONE CLEAR WINNER", "THE WINNER IS…", "DON'T PICK WRONG"],
  money: ["DON'T OVERPAY", "STOP OVERPAYING", "THE HIDDEN COST"],
  insider: ["NOBODY TELLS YOU THIS", "{INSIDERS} DO THIS", "THE REAL SECRET"],
};

const WATCH_FIRST: Record<TopicKind, string> = {
  place: "WATCH BEFORE YOU GO",
  product: "DON'T BUY YET",
  recipe: "YOU'RE DOING IT WRONG",
  skill: "DON'T START YET",
  general: "WATCH THIS FIRST",
};

const INSIDERS: Record<TopicKind, string> = { place: "LOCALS", product: "PROS", recipe: "CHEFS", skill: "PROS", general: "EXPERTS" };

const BY_STYLE: Record<ThumbnailStyle, Templates> = { FACE_FOCUSED: FACE, PRODUCT_DEMO: DEMO, VIRAL };

/** The angle family of a script: from the offline library by name, else from its title's words. */
export function familyOf(script: Script): AngleFamily {
  for (const angles of Object.values(ANGLES_BY_KIND)) {
    const known = angles.find((a) => a.name === script.angle);
    if (known) return known.family;
  }
  const t = `${script.title} ${script.angle}`.toLowerCase();
  if (/\b(mistakes?|avoid|wrong|errors?)\b/.test(t)) return "list";
  if (/\b(vs\.?|versus|compared?|or the)\b/.test(t)) return "versus";
  if (/\b(i tried|days|weeks?|months?|experiment|challenge|my)\b/.test(t)) return "story";
  if (/\b(cost|costs|budget|cheap|price|deal|money|\$|€|£)/.test(t)) return "money";
  if (/\b(tips|secrets?|tricks|myths?|locals|nobody|settings)\b/.test(t)) return "insider";
  return "guide";
}

/** The list noun of a "7 Mistakes…" title, so the headline keeps the video's promise. */
function listNoun(title: string): string {
  return (
    /\b(mistakes|myths|tips|things|tricks|secrets|ways|rules|habits|hacks|steps|settings|lessons)\b/i.exec(title)?.[1] ?? "SECRETS"
  ).toUpperCase();
}

/** A count ("7 Mistakes"), never a price or a share: "$50" and "50%" are not 50 things. */
function numberIn(title: string): string | null {
  const n = /(?<![$€£¥\d.,])\b(\d{1,3})\b(?![%\d]|[.,]\d)/.exec(title)?.[1];
  return n && Number(n) > 1 ? n : null;
}

/** "30 days" in the title, for the templates that promise a number of days. */
function daysIn(title: string): string | null {
  return /(?<![$€£¥\d])\b(\d{1,3})\s+days?\b/i.exec(title)?.[1] ?? null;
}

/** A price as the title writes it ("$50", "€1,200", "£5k"). */
function moneyIn(title: string): string | null {
  return /[$€£¥]\s?\d[\d,.]*\s?[kKmM]?\b/.exec(title)?.[0]?.replace(/\s/g, "").toUpperCase() ?? null;
}

/** The title itself, when it is short enough to be the headline: its own words and numbers. */
function titleAsHeadline(title: string): string | null {
  const text = title
    .replace(/\s+/g, " ")
    .replace(/[.:;,]+$/, "")
    .trim()
    .toUpperCase();
  const words = text.split(" ").length;
  return words <= MAX_TITLE_WORDS && graphemes(text).length <= MAX_HEADLINE_CHARS && drawableInPng(text) ? text : null;
}

function fits(headline: string): boolean {
  return headline.split(/\s+/).length <= MAX_HEADLINE_WORDS && graphemes(headline).length <= MAX_HEADLINE_CHARS;
}

/**
 * Headline candidates for one style, best first; `variation` rotates through them (regenerate).
 * A subject the PNG fonts cannot draw (say, Japanese) is left out rather than shown as blanks.
 */
export function headlineCandidates(script: Script, profile: TopicProfile, style: ThumbnailStyle): string[] {
  const subject = profile.subject.toUpperCase();
  // A long word ("PRODUCTIVITY") would shrink the type below what reads at 168 px.
  const useSubject =
    graphemes(subject).length <= 14 && subject.split(" ").every((w) => graphemes(w).length <= 10) && drawableInPng(subject);
  const n = numberIn(script.title);
  const days = daysIn(script.title);
  const money = moneyIn(script.title);
  const out: string[] = [];
  // The promise is the title's own words when they fit; templates only paraphrase longer ones.
  const own = style === "PRODUCT_DEMO" ? titleAsHeadline(script.title) : null;
  if (own) out.push(own);
  const family = familyOf(script);
  const families = [family, ...(Object.keys(FACE) as AngleFamily[]).filter((f) => f !== family)];
  for (const f of families) {
    for (const template of BY_STYLE[style][f]) {
      if ((template.includes("{S}") && !useSubject) || (template.includes("{N}") && !n)) continue;
      if ((template.includes("{D}") && !days) || (template.includes("{M}") && !money)) continue;
      const text = template
        .replace("{WATCH_FIRST}", WATCH_FIRST[profile.kind])
        .replace("{INSIDERS}", INSIDERS[profile.kind])
        .replace("{S}", subject)
        .replace("{N}", n ?? "")
        .replace("{D}", days ?? "")
        .replace("{M}", money ?? "")
        .replace("{NOUN}", listNoun(script.title));
      if (fits(text) && !out.includes(text)) out.push(text);
    }
  }
  return out;
}

export function pickHeadline(script: Script, profile: TopicProfile, style: ThumbnailStyle, variation = 0): string {
  const candidates = headlineCandidates(script, profile, style);
  // The script's family comes first; a regenerate moves through the whole list, then wraps.
  return candidates[Math.max(0, Math.floor(variation)) % candidates.length] ?? "WATCH THIS";
}
