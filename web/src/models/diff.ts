// A small word diff for "what changed between revisions": longest common subsequence over
// words (whitespace kept with the word before it), merged into runs. Long texts fall back to
// lines so the table stays small (a script body is a few hundred words).
export type Part = { kind: "same" | "add" | "del"; text: string };

const MAX_CELLS = 400_000;

function tokens(text: string, byLine: boolean) {
  return byLine ? text.split(/(?<=\n)/) : (text.match(/\S+\s*|\s+/g) ?? []);
}

export function diffWords(before: string, after: string): Part[] {
  if (before === after) return before ? [{ kind: "same", text: before }] : [];
  let a = tokens(before, false);
  let b = tokens(after, false);
  if (a.length * b.length > MAX_CELLS) [a, b] = [tokens(before, true), tokens(after, true)];
  // Compare words without their trailing whitespace, so a reflowed line is not a change.
  const key = (s: string) => s.trim();
  const n = a.length;
  const m = b.length;
  const lcs = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--) lcs[i][j] = key(a[i]) === key(b[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  const parts: Part[] = [];
  const push = (kind: Part["kind"], text: string) => {
    const last = parts.at(-1);
    if (last?.kind === kind) last.text += text;
    else parts.push({ kind, text });
  };
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (key(a[i]) === key(b[j])) {
      push("same", b[j]);
      i++;
      j++;
    } else if (lcs[i + 1][j] >= lcs[i][j + 1]) push("del", a[i++]);
    else push("add", b[j++]);
  }
  while (i < n) push("del", a[i++]);
  while (j < m) push("add", b[j++]);
  return parts;
}

/** Share of the new text that is new, 0..1: lets the view say "mostly rewritten". */
export function changedShare(parts: Part[]) {
  const added = parts.filter((p) => p.kind === "add").reduce((s, p) => s + p.text.length, 0);
  const kept = parts.filter((p) => p.kind === "same").reduce((s, p) => s + p.text.length, 0);
  return added + kept ? added / (added + kept) : 0;
}
