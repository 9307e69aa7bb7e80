// Casing and list wording for generated text. The creator's own casing wins ("JR Pass",
// "iPhone", "Elden Ring"); we only add capitals a title needs and drop a capital that was merely
// sentence-initial ("Budget travel Japan" reads "budget travel Japan" mid-sentence).
import { findPlace } from "./topic-kind";

const SMALL = new Set(["a", "an", "the", "and", "or", "but", "for", "of", "in", "on", "to", "with", "vs", "at", "by", "from", "per"]);

// Proper nouns a creator may type first in sentence case; these keep their capital.
const PROPER =
  /^(Python|JavaScript|TypeScript|Excel|Photoshop|Lightroom|Premiere|Minecraft|Fortnite|Roblox|Canva|Notion|YouTube|TikTok|Instagram|Spanish|French|Japanese|German|English|Italian|Korean|Chinese|Mandarin|Portuguese|Blender|Figma|Unity|React|Linux|Windows|Mac|Android|Apple|Google|Samsung|Sony|Nikon|Canon|Fujifilm|Tesla|Lego|IKEA|Airbnb|Dyson|Christmas|Easter|Ramadan|Thanksgiving|Halloween|I)$/;

/** Title Case that never lowers a capital the creator typed. */
export function titleCase(text: string): string {
  let first = true;
  return text.replace(/[\p{L}\p{N}][\p{L}\p{N}'’]*/gu, (word, offset: number) => {
    const afterHyphen = offset > 0 && text[offset - 1] === "-";
    const small = SMALL.has(word) && !first && !afterHyphen;
    first = false;
    if (small || word !== word.toLowerCase()) return word;
    return word.charAt(0).toUpperCase() + word.slice(1);
  });
}

/** The topic as it reads inside a sentence. */
export function inSentence(topic: string): string {
  const [firstWord = "", secondWord = ""] = topic.split(" ");
  const sentenceInitial =
    /^\p{Lu}[\p{Ll}'’]*$/u.test(firstWord) && /^\p{Ll}/u.test(secondWord) && !PROPER.test(firstWord) && !findPlace(firstWord);
  return sentenceInitial ? firstWord.charAt(0).toLowerCase() + topic.slice(1) : topic;
}

/** The first letter upper-cased, for text that opens a sentence. */
export function capFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "a", "a and b", "a, b and c". */
export function listing(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

/** 130 → "2:10". */
export function minutes(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}
