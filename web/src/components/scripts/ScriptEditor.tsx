// Edit a script by hand before approving it. Saving makes a new revision (the history keeps
// both), which can then be approved like any other.
import type { Script } from "../../api/types";
import { fieldErrors, focusFirstInvalid } from "../../api/client";
import { useWorkflow } from "../../models/context";
import { Alert, Field } from "../ui";

const FIELDS = ["title", "hook", "body", "outline", "call_to_action"] as const;

export function ScriptEditor({ script, onDone }: { script: Script; onDone: () => void }) {
  const m = useWorkflow();
  const errs = fieldErrors(m.busy.value === null ? m.actionError.value : null, FIELDS);
  const onSubmit = async (e: SubmitEvent) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const text = (k: string) => String(data.get(k) ?? "").trim();
    const outline = text("outline")
      .split("\n")
      .map((l) => l.trim())
      .filter(Boolean);
    const ok = await m.editScript(script.id, {
      title: text("title"),
      hook: text("hook"),
      body: text("body"),
      outline,
      call_to_action: text("call_to_action"),
    });
    if (ok) onDone();
    else focusFirstInvalid(form);
  };
  return (
    <form class="card script editor" onSubmit={onSubmit} aria-labelledby={`edit-${script.id}`} noValidate>
      <h3 id={`edit-${script.id}`}>Edit “{script.title}”</h3>
      <Field label="Title" name="title" defaultValue={script.title} maxLength={200} required error={errs.fields.title} autoFocus />
      <Field as="textarea" label="Hook" name="hook" defaultValue={script.hook} rows={2} error={errs.fields.hook} />
      <Field as="textarea" label="Script" name="body" defaultValue={script.body} rows={10} error={errs.fields.body} />
      <Field
        as="textarea"
        label="Outline"
        name="outline"
        defaultValue={script.outline.join("\n")}
        rows={5}
        hint="One point per line; they become the video's chapters."
        error={errs.fields.outline}
      />
      <Field
        as="textarea"
        label="Call to action"
        name="call_to_action"
        defaultValue={script.call_to_action}
        rows={2}
        error={errs.fields.call_to_action}
      />
      {errs.form && <Alert>{errs.form}</Alert>}
      <div class="actions">
        <button type="button" onClick={onDone}>
          Cancel
        </button>
        <button class="primary" type="submit" disabled={!!m.busy.value}>
          {m.busy.value === "edit" ? "Saving…" : "Save as a new revision"}
        </button>
      </div>
    </form>
  );
}
