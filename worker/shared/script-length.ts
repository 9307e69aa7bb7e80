// How long a script runs, from its spoken words at a stated pace. One module for the writers, the
// creator's edits, the Studio chapters and the web app (no runtime dependency), so a duration
// shown anywhere is words ÷ pace and nothing else.

/** The lengths a creator picks at the start: a Short (under 60 s), or about 3, 8 or 12 minutes. */
export const TARGET_LENGTHS = ["short", "3min", "8min", "12min"] as const;
export type TargetLength = (typeof TARGET_LENGTHS)[number];

/** The spoken length each target aims at; a Short aims below YouTube's 60 s limit. */
export const TARGET_SECONDS: Record<TargetLength, number> = { short: 50, "3min": 180, "8min": 480, "12min": 720 };

export const TARGET_LABELS: Record<TargetLength, string> = {
  short: "A Short (under 60 s)",
  "3min": "About 3 minutes",
  "8min": "About 8 minutes",
  "12min": "About 12 minutes",
};

export const DEFAULT_TARGET: TargetLength = "3min";
/** A conversational presenter speaks about 150 words a minute. */
export const DEFAULT_WORDS_PER_MINUTE = 150;
export const MIN_WORDS_PER_MINUTE = 90;
export const MAX_WORDS_PER_MINUTE = 220;
/** The writer asks the model once more when its script is further than this from the target. */
export const LENGTH_TOLERANCE = 0.2;

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** ASCII letters and digits without a regular expression (the hot path); anything else by Unicode class. */
function isWordChar(ch: string): boolean {
  const c = ch.charCodeAt(0);
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return LETTER_OR_DIGIT.test(ch);
}

/** What is said aloud: stage notes in [brackets] are directions, not speech. A word holds a letter or digit. */
export function spokenWords(...texts: readonly string[]): number {
  let words = 0;
  for (const text of texts) {
    let depth = 0;
    let inWord = false;
    let counted = false;
    for (let i = 0; i < text.length; i++) {
      const ch = text[i]!;
      if (ch === "[") depth++;
      else if (ch === "]") depth = Math.max(0, depth - 1);
      const space = depth > 0 || ch === "]" || ch === " " || ch === "\n" || ch === "\t" || ch === "\r";
      if (space) {
        inWord = false;
        continue;
      }
      if (!inWord) {
        inWord = true;
        counted = false;
      }
      if (!counted && isWordChar(ch)) {
        counted = true;
        words++;
      }
    }
  }
  return words;
}

/** Seconds for that many words at that pace. */
export function secondsFor(words: number, wordsPerMinute: number): number {
  return Math.max(1, Math.round((words / wordsPerMinute) * 60));
}

/** Words that fill that many seconds at that pace. */
export function wordsFor(seconds: number, wordsPerMinute: number): number {
  return Math.round((seconds * wordsPerMinute) / 60);
}

/** How far a length is from its target, as a share of the target (0.25 = 25% off either way). */
export function offBy(seconds: number, targetSeconds: number): number {
  return Math.abs(seconds - targetSeconds) / targetSeconds;
}
