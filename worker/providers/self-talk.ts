// Sentences that talk to viewers about the creator's feedback. The viewer never saw the feedback,
// so a script that says "you asked about this" or "requested by you" reads as a mistake. The
// offline writer never writes them; an LLM answer with one is sent back for repair.

/** Forbidden phrasings, as the tests and the LLM answer check read them. */
export const SELF_TALK: readonly RegExp[] = [
  /\byou asked\b/i,
  /\brequested by you\b/i,
  /\byour (feedback|request|requests)\b/i,
  /\bas you (asked|requested|wanted)\b/i,
  /\bcame up in (your|the) feedback\b/i,
  /\byou wanted (me|us) to\b/i,
  /\bby (popular )?request\b/i,
  /\bi'?ll also cover\b/i,
  /\bfeedback\b/i,
];

/** The first forbidden phrasing in `text`, as written there, or null. */
export function selfTalk(text: string): string | null {
  for (const pattern of SELF_TALK) {
    const found = pattern.exec(text);
    if (found) return found[0];
  }
  return null;
}
