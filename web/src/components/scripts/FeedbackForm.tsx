// "None of these?": ask the writer for a new revision, in your own words.
import { useSignal } from "@preact/signals";
import { fieldErrors } from "../../api/client";
import { useWorkflow } from "../../models/context";
import { Field } from "../ui";

export function FeedbackForm({ onDone }: { onDone: () => void }) {
  const m = useWorkflow();
  const feedback = useSignal("");
  const busy = m.busy.value;
  const errs = fieldErrors(busy === null ? m.actionError.value : null, ["feedback"]);
  return (
    <form
      class="card reject"
      onSubmit={(e) => {
        e.preventDefault();
        void m.reject(feedback.value).then((ok) => {
          if (!ok) return;
          feedback.value = "";
          onDone();
        });
      }}
    >
      <h3>None of these?</h3>
      <Field
        as="textarea"
        label="What should change?"
        name="feedback"
        rows={3}
        maxLength={2000}
        value={feedback.value}
        onInput={(e: Event) => (feedback.value = (e.currentTarget as HTMLTextAreaElement).value)}
        hint="For example: mention the JR Pass and hostels, shorter hook, aim at beginners. The writer says below what it applied."
        error={errs.fields.feedback}
      />
      <button type="submit" disabled={!!busy}>
        {busy === "reject" ? "Writing a new revision…" : "Ask for a new revision"}
      </button>
    </form>
  );
}
