// Text with what changed marked: added words highlighted, removed words struck through.
import { changedShare, diffWords } from "../../models/diff";

export function Diff({ before, after }: { before: string | undefined; after: string }) {
  if (before === undefined || before === after) return <>{after}</>;
  const parts = diffWords(before, after);
  // Mostly rewritten: mark it new as a whole; word-level marks would only be noise.
  if (changedShare(parts) > 0.5)
    return (
      <ins class="rewritten">
        <span class="sr-only">rewritten: </span>
        {after}
      </ins>
    );
  return (
    <>
      {parts.map((p, i) =>
        p.kind === "same" ? (
          p.text
        ) : p.kind === "add" ? (
          <ins key={i}>
            <span class="sr-only">added: </span>
            {p.text}
          </ins>
        ) : (
          <del key={i}>
            <span class="sr-only">removed: </span>
            {p.text}
          </del>
        ),
      )}
    </>
  );
}
