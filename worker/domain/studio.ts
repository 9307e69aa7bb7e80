// What a creator pastes into YouTube Studio: title options (the winner's first), a description
// with chapters and a call to action that points only at what the package holds, and tags. The
// chapters are the creator's real times once entered, else estimates that say so. Pure.
import type { Script, TrendReport } from "../shared/contract";
import { timestamp } from "../shared/words";
import { type Chapter, ESTIMATED_NOTE, estimatedChapters } from "./chapters";

export interface StudioPackage {
  title_options: string[];
  description: string;
  tags: string[];
  chapters: Chapter[];
  /** "estimated" until the creator enters the real times after recording. */
  chapter_times: "estimated" | "yours";
}

/** YouTube's limits: titles 100 characters, all tags together 500. */
const TITLE_MAX = 100;
const TAGS_MAX_CHARS = 500;

/** Chapter timestamps from the script's sections (estimated); kept for callers that want the list alone. */
export function chaptersOf(script: Script): Chapter[] {
  return estimatedChapters(script);
}

// A promise of something the package does not hold: a card, a list, a link, a download.
const PROMISES = /(in the description|linked|link (is )?below|download|printable|pinned (list|link)|the full (route|list|guide))/i;

/** The call to action without sentences that promise what the description does not hold (chapters it does). */
export function packageCallToAction(cta: string, hasChapters: boolean): string {
  const kept = cta
    .split(/(?<=[.!?])\s+/)
    .filter((sentence) => !PROMISES.test(sentence) || (hasChapters && /\bchapters?\b/i.test(sentence)));
  return kept.join(" ").trim() || "Tell me in the comments what you would like to see next.";
}

function tagsOf(topic: string, niche: string | null, trends: TrendReport | null): string[] {
  const candidates = [topic, niche ?? "", ...(trends?.trends.map((t) => t.keyword) ?? []), ...(trends?.related_queries ?? [])];
  const tags: string[] = [];
  let chars = 0;
  for (const raw of candidates) {
    // Tags may not hold angle brackets, and commas separate them.
    const tag = raw.replace(/[<>,]/g, " ").replace(/\s+/g, " ").trim().toLowerCase();
    if (!tag || tags.includes(tag) || chars + tag.length + 1 > TAGS_MAX_CHARS) continue;
    tags.push(tag);
    chars += tag.length + 1;
  }
  return tags.slice(0, 15);
}

export function studioPackage(input: {
  winner: Script;
  others: Script[];
  topic: string;
  niche: string | null;
  trends: TrendReport | null;
  /** The creator's real chapter times, once entered. */
  chapters?: Chapter[] | null;
}): StudioPackage {
  const { winner } = input;
  const titles = [winner.title, ...input.others.map((s) => s.title)]
    .map((t) => t.trim().slice(0, TITLE_MAX))
    .filter((t, i, all) => t && all.indexOf(t) === i)
    .slice(0, 5);
  const yours = input.chapters?.length ? input.chapters : null;
  const chapters = yours ?? estimatedChapters(winner);
  const tags = tagsOf(input.topic, input.niche, input.trends);
  const description = [
    winner.hook,
    "",
    ...(chapters.length
      ? [yours ? "Chapters" : `Chapters (${ESTIMATED_NOTE})`, ...chapters.map((c) => `${timestamp(c.start_seconds)} ${c.title}`), ""]
      : []),
    packageCallToAction(winner.call_to_action, chapters.length > 0),
    "",
    tags
      .slice(0, 3)
      .map((t) => `#${t.replace(/[^\p{L}\p{N}]+/gu, "")}`)
      .join(" "),
  ]
    .join("\n")
    .trim();
  return { title_options: titles, description, tags, chapters, chapter_times: yours ? "yours" : "estimated" };
}
