// The creator's speaking pace, kept on this device: every new workflow's scripts are written and
// timed at it (150 words a minute when never set). Settings changes it.
import { signal } from "@preact/signals";
import { DEFAULT_WORDS_PER_MINUTE, MAX_WORDS_PER_MINUTE, MIN_WORDS_PER_MINUTE } from "../../../worker/shared/script-length";

const KEY = "cat.words_per_minute";

function read(): number {
  try {
    const n = Number(globalThis.localStorage?.getItem(KEY));
    return Number.isInteger(n) && n >= MIN_WORDS_PER_MINUTE && n <= MAX_WORDS_PER_MINUTE ? n : DEFAULT_WORDS_PER_MINUTE;
  } catch {
    return DEFAULT_WORDS_PER_MINUTE;
  }
}

export const speakingPace = signal(read());

/** A pace inside the allowed range is kept and used from now on; anything else is refused. */
export function setSpeakingPace(n: number): boolean {
  if (!Number.isInteger(n) || n < MIN_WORDS_PER_MINUTE || n > MAX_WORDS_PER_MINUTE) return false;
  speakingPace.value = n;
  globalThis.localStorage?.setItem(KEY, String(n));
  return true;
}
