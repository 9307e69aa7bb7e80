// One script. On a phone it folds to its title and hook ("Read the full script"); with a
// baseline, every part shows what changed since that version.
import { useSignal } from "@preact/signals";
import type { Script } from "../../api/types";
import { duration } from "../../models/format";
import { DEFAULT_WORDS_PER_MINUTE, spokenWords } from "../../../../worker/shared/script-length";

/** "About 3 min: 452 spoken words at 150 words a minute": the duration and where it comes from. */
function lengthText(s: Script): string {
  const words = s.sections ? spokenWords(s.hook, ...s.sections.map((x) => x.spoken), s.call_to_action) : spokenWords(s.hook, s.body);
  return `About ${duration(s.estimated_duration_seconds)}: ${words} spoken words at ${s.words_per_minute ?? DEFAULT_WORDS_PER_MINUTE} words a minute`;
}
import { Diff } from "./Diff";

interface Props {
  script: Script;
  /** The version to compare with (the previous revision's script, or the one this edit started from). */
  before?: Script;
  chosen: boolean;
  /** Absent for a viewer, who follows the choice but cannot make it. */
  onChoose?: () => void;
  /** Absent for a viewer, who may not edit. */
  onEdit?: () => void;
}

export function ScriptCard({ script, before, chosen, onChoose, onEdit }: Props) {
  const open = useSignal(false);
  const titleId = `s-${script.id}`;
  const paragraphs = script.body.split(/\n{2,}/);
  const beforeParagraphs = before?.body.split(/\n{2,}/);
  return (
    <article class={`card script${chosen ? " chosen" : ""}${open.value ? " open" : ""}`} aria-labelledby={titleId}>
      <h3 id={titleId}>
        <Diff before={before?.title} after={script.title} />
      </h3>
      <p class="hook">
        <Diff before={before?.hook} after={script.hook} />
      </p>
      <button class="link more" type="button" aria-expanded={open.value} onClick={() => (open.value = !open.value)}>
        {open.value ? "Show less" : "Read the full script"}
      </button>
      <div class="full">
        {script.angle && <p class="angle">{script.angle}</p>}
        {paragraphs.map((p, i) => (
          <p key={i}>
            <Diff before={beforeParagraphs ? (beforeParagraphs[i] ?? "") : undefined} after={p} />
          </p>
        ))}
        {script.outline.length > 0 && (
          <>
            <h4>Outline</h4>
            <ol>
              {script.outline.map((o, i) => (
                <li key={i}>
                  <Diff before={before ? (before.outline[i] ?? "") : undefined} after={o} />
                </li>
              ))}
            </ol>
          </>
        )}
        <p>
          <strong>Call to action:</strong> <Diff before={before?.call_to_action} after={script.call_to_action} />
        </p>
        <p class="muted small" data-testid="script-length">
          {lengthText(script)}
        </p>
      </div>
      <div class="card-actions">
        {onChoose && (
          <label class="choose">
            <input type="radio" name="script" value={script.id} checked={chosen} onChange={onChoose} />
            Choose this script
          </label>
        )}
        {onEdit && (
          <button type="button" class="small" onClick={onEdit} aria-label={`Edit “${script.title}”`}>
            Edit
          </button>
        )}
      </div>
    </article>
  );
}
