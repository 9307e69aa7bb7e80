// Chapters for YouTube: estimated from the script's sections (where each starts, from the spoken
// words before it at the script's pace) until the creator enters the real times after recording,
// typed one by one or pasted as the chapter list from their editor. Pure; YouTube's rules are
// checked here: the first at 0:00, at least three, in order, each at least 10 seconds long.
import type { Script } from "../shared/contract";
import { DEFAULT_WORDS_PER_MINUTE, secondsFor, spokenWords } from "../shared/script-length";

export interface Chapter {
  start_seconds: number;
  title: string;
}

export const MIN_CHAPTER_SECONDS = 10;
export const MIN_CHAPTERS = 3;
export const MAX_CHAPTERS = 100;
const TITLE_MAX = 100;

/** The words that say a chapter list is only an estimate, in the app and the export alike. */
export const ESTIMATED_NOTE = "estimated: set the real times after recording";

const clean = (title: string) => title.replace(/\s+/g, " ").trim().slice(0, TITLE_MAX);

/**
 * Where each section starts, from the spoken words before it; the hook belongs to the first
 * chapter, which starts at 0:00. Scripts from before sections spread the outline evenly.
 */
export function estimatedChapters(script: Script): Chapter[] {
  const pace = script.words_per_minute ?? DEFAULT_WORDS_PER_MINUTE;
  let starts: Chapter[];
  if (script.sections?.length) {
    let before = spokenWords(script.hook);
    starts = script.sections.map((s, i) => {
      const start = i === 0 ? 0 : secondsFor(before, pace);
      before += spokenWords(s.spoken);
      return { start_seconds: start, title: clean(s.heading) };
    });
  } else {
    const items = script.outline.filter((o) => o.trim());
    const step = script.estimated_duration_seconds / Math.max(1, items.length);
    starts = items.map((title, i) => ({ start_seconds: Math.round(i * step), title: clean(title) }));
  }
  // Too short for YouTube's rules (a Short, or sections under 10 s): no chapters rather than wrong ones.
  return chapterProblems(starts).length ? [] : starts;
}

/** What breaks YouTube's chapter rules, in words; empty when the list is usable. */
export function chapterProblems(chapters: readonly Chapter[]): string[] {
  const problems: string[] = [];
  if (chapters.length < MIN_CHAPTERS) problems.push(`YouTube needs at least ${MIN_CHAPTERS} chapters; there are ${chapters.length}`);
  if (chapters.length > MAX_CHAPTERS) problems.push(`At most ${MAX_CHAPTERS} chapters`);
  if (chapters.length && chapters[0]!.start_seconds !== 0) problems.push("The first chapter must start at 0:00");
  chapters.forEach((c, i) => {
    if (!c.title.trim()) problems.push(`Chapter ${i + 1} needs a title`);
    const next = chapters[i + 1];
    if (next && next.start_seconds - c.start_seconds < MIN_CHAPTER_SECONDS)
      problems.push(`Chapter ${i + 2} must start at least ${MIN_CHAPTER_SECONDS} seconds after chapter ${i + 1}`);
  });
  return problems;
}

/** "1:02:05" / "12:30" / "0:00" → seconds, or null. */
export function parseTimestamp(text: string): number | null {
  const m = /^(?:(\d{1,2}):)?(\d{1,3}):([0-5]\d)$/.exec(text.trim());
  if (!m) return null;
  const [, h, mm, ss] = m;
  if (h !== undefined && Number(mm) > 59) return null;
  return Number(h ?? 0) * 3600 + Number(mm) * 60 + Number(ss);
}

/** A pasted chapter list, one "0:00 Title" (or "Title 0:00", "0:00 - Title") per line; blank lines skipped. */
export function parseChapterList(text: string): { chapters: Chapter[]; problems: string[] } {
  const chapters: Chapter[] = [];
  const problems: string[] = [];
  text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .forEach((line, i) => {
      const lead = /^(\d{1,2}(?::\d{1,3})?:\d{2})\s*[-–—:|]?\s*(.*)$/.exec(line);
      const tail = /^(.*?)\s*[-–—|]?\s*(\d{1,2}(?::\d{1,3})?:\d{2})$/.exec(line);
      const [stamp, title] = lead ? [lead[1]!, lead[2]!] : tail ? [tail[2]!, tail[1]!] : [null, line];
      const seconds = stamp === null ? null : parseTimestamp(stamp);
      if (seconds === null) problems.push(`Line ${i + 1} (“${line.slice(0, 40)}”) has no time such as 1:15`);
      else chapters.push({ start_seconds: seconds, title: clean(title) });
    });
  return { chapters, problems: problems.length ? problems : chapterProblems(chapters) };
}
