// What a creator pastes into YouTube Studio: title options (the winner's first), a description
// with chapters and the call to action, tags, and chapter timestamps from the outline. Pure.
import type { Script, TrendReport } from "../shared/contract";
import { timestamp } from "../shared/words";

export interface StudioPackage {
  title_options: string[];
  description: string;
  tags: string[];
  chapters: { start_seconds: number; title: string }[];
}

/** YouTube's limits: titles 100 characters, all tags together 500, a chapter at least 10 s. */
const TITLE_MAX = 100;
const TAGS_MAX_CHARS = 500;
const MIN_CHAPTER_SECONDS = 10;

/** Chapters spread over the script's length; YouTube needs the first at 0:00, three or more, each ≥ 10 s. */
export function chaptersOf(script: Script): StudioPackage["chapters"] {
  const items = script.outline.filter((o) => o.trim()).slice(0, Math.floor(script.estimated_duration_seconds / MIN_CHAPTER_SECONDS));
  if (items.length < 3) return [];
  const step = script.estimated_duration_seconds / items.length;
  return items.map((title, i) => ({ start_seconds: Math.round(i * step), title: title.replace(/\s+/g, " ").trim().slice(0, 100) }));
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
}): StudioPackage {
  const { winner } = input;
  const titles = [winner.title, ...input.others.map((s) => s.title)]
    .map((t) => t.trim().slice(0, TITLE_MAX))
    .filter((t, i, all) => t && all.indexOf(t) === i)
    .slice(0, 5);
  const chapters = chaptersOf(winner);
  const tags = tagsOf(input.topic, input.niche, input.trends);
  const description = [
    winner.hook,
    "",
    ...(chapters.length ? ["Chapters", ...chapters.map((c) => `${timestamp(c.start_seconds)} ${c.title}`), ""] : []),
    winner.call_to_action,
    "",
    tags
      .slice(0, 3)
      .map((t) => `#${t.replace(/[^\p{L}\p{N}]+/gu, "")}`)
      .join(" "),
  ]
    .join("\n")
    .trim();
  return { title_options: titles, description, tags, chapters };
}
