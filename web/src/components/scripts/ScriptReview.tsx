// Script review: every revision's scripts, what changed in each, editing, feedback, and one
// approve bar that stays in reach (sticky at the bottom, above all on a phone).
import { useSignal } from "@preact/signals";
import type { Script } from "../../api/types";
import { fieldErrors } from "../../api/client";
import { useWorkflow } from "../../models/context";
import { Alert } from "../ui";
import { FeedbackForm } from "./FeedbackForm";
import { RevisionNotes } from "./RevisionNotes";
import { ScriptCard } from "./ScriptCard";
import { ScriptEditor } from "./ScriptEditor";

export function ScriptReview() {
  const m = useWorkflow();
  const wf = m.workflow.value!;
  const viewing = useSignal<number | null>(null);
  const choice = useSignal("");
  const editing = useSignal<string | null>(null);
  const showChanges = useSignal(true);
  const revs = [...wf.script_revisions].sort((a, b) => a.revision - b.revision);
  const newest = revs.at(-1);
  const rev = revs.find((r) => r.revision === viewing.value) ?? newest;
  const all = revs.flatMap((r) => r.scripts);
  const editedFrom = rev?.edited_from ? all.find((s) => s.id === rev.edited_from) : undefined;
  const previous = rev && revs[revs.indexOf(rev) - 1];
  const baseline = (i: number): Script | undefined => (showChanges.value ? (editedFrom ?? previous?.scripts[i]) : undefined);
  const chosen = all.find((s) => s.id === choice.value);
  const chosenRev = revs.find((r) => r.scripts.some((s) => s.id === choice.value));
  const busy = m.busy.value;
  const errs = fieldErrors(busy === null ? m.actionError.value : null, ["script_id"]);
  const sample = !!wf.trends?.source.startsWith("offline");
  const latest = () => {
    viewing.value = null;
    editing.value = null;
  };

  return (
    <section aria-labelledby="review-title" class="review">
      <h2 id="review-title">Review the scripts</h2>
      {wf.trends && (
        <p class="muted">
          {sample && <span class="badge sim">Sample trend data</span>} {wf.trends.summary}
        </p>
      )}
      {revs.length > 1 && (
        <div class="tabs" role="group" aria-label="Revisions">
          {revs.map((r) => (
            <button key={r.revision} type="button" aria-pressed={r === rev} onClick={() => (viewing.value = r.revision)}>
              Revision {r.revision}
              {r === newest ? " (latest)" : ""}
            </button>
          ))}
        </div>
      )}
      {rev && <RevisionNotes rev={rev} usage={rev === newest ? wf.usage : undefined} editedFrom={editedFrom?.title} />}
      {(editedFrom || previous) && (
        <label class="choose small">
          <input type="checkbox" checked={showChanges.value} onChange={(e) => (showChanges.value = e.currentTarget.checked)} />
          Highlight what changed since {editedFrom ? "the original" : `revision ${previous!.revision}`}
        </label>
      )}
      <fieldset class="scripts">
        <legend class="sr-only">Choose one script</legend>
        {rev?.scripts.map((s, i) =>
          editing.value === s.id ? (
            <ScriptEditor
              key={s.id}
              script={s}
              onDone={() => {
                const before = newest?.revision;
                latest();
                const now = m.workflow.peek()!.script_revisions;
                const made = now.find((r) => r.revision > (before ?? 0));
                if (made) choice.value = made.scripts[0]?.id ?? "";
              }}
            />
          ) : (
            <ScriptCard
              key={s.id}
              script={s}
              before={baseline(i)}
              chosen={choice.value === s.id}
              onChoose={m.canEdit.value ? () => (choice.value = s.id) : undefined}
              onEdit={m.canEdit.value ? () => (editing.value = s.id) : undefined}
            />
          ),
        )}
      </fieldset>
      {m.canEdit.value && (
        <FeedbackForm
          onDone={() => {
            latest();
            choice.value = "";
          }}
        />
      )}
      {(errs.fields.script_id || errs.form) && <Alert>{errs.fields.script_id ?? errs.form}</Alert>}
      {m.canEdit.value ? (
        <div class="approve-bar" role="region" aria-label="Approve">
          <p>
            {chosen ? (
              <>
                <strong>“{chosen.title}”</strong>
                {chosenRev && chosenRev !== newest ? ` from revision ${chosenRev.revision}` : ""}
              </>
            ) : (
              "Choose one script above."
            )}
          </p>
          <button class="primary" type="button" disabled={!chosen || !!busy} onClick={() => chosen && m.approve(chosen.id)}>
            {busy === "approve" ? "Approving and drawing thumbnails…" : "Approve script"}
          </button>
        </div>
      ) : null}
    </section>
  );
}
