// The new-workflow form: open on a first visit, folded behind one button once workflows exist.
import { useSignal } from "@preact/signals";
import { fieldErrors, focusFirstInvalid } from "../../api/client";
import { DEFAULT_TARGET, TARGET_LABELS, TARGET_LENGTHS, type TargetLength } from "../../../../worker/shared/script-length";
import { speakingPace } from "../../models/pace";
import { Alert, Field, Link, Loading } from "../ui";
import { useDashboard } from "./context";

const FIELDS = ["topic", "niche", "audience", "tone"] as const;

export function NewWorkflow() {
  const m = useDashboard();
  const topicError = useSignal<string | undefined>(undefined);
  if (!m.formOpen.value)
    return (
      <p class="new-wf-fold">
        <button class="primary" type="button" aria-expanded="false" aria-controls="new-wf" onClick={() => (m.formOpened.value = true)}>
          New workflow
        </button>
      </p>
    );
  const onSubmit = (e: SubmitEvent) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const v = (k: string) => String(data.get(k) ?? "").trim();
    topicError.value = v("topic").length < 3 ? "Give a topic of at least 3 characters." : undefined;
    if (topicError.value) return focusFirstInvalid(form);
    const opt = (k: string) => (v(k) ? { [k]: v(k) } : {});
    const length = (v("target_length") || DEFAULT_TARGET) as TargetLength;
    void m
      .create({
        topic: v("topic"),
        ...opt("niche"),
        ...opt("audience"),
        ...opt("tone"),
        target_length: length,
        words_per_minute: speakingPace.value,
      })
      .then(() => focusFirstInvalid(form));
  };
  const errs = fieldErrors(m.createError.value, FIELDS);
  return (
    <form id="new-wf" class="card new-wf" onSubmit={onSubmit} noValidate aria-labelledby="new-wf-title">
      <h2 id="new-wf-title">New workflow</h2>
      <Field
        label="Topic"
        name="topic"
        required
        maxLength={200}
        autoFocus={m.formOpened.value}
        error={topicError.value ?? errs.fields.topic}
        hint="What the video is about, e.g. “budget travel in Japan”."
      />
      <div class="row3">
        <Field label="Niche (optional)" name="niche" maxLength={100} error={errs.fields.niche} />
        <Field label="Audience (optional)" name="audience" maxLength={200} error={errs.fields.audience} />
        <Field label="Tone (optional)" name="tone" maxLength={50} list="tones" error={errs.fields.tone} />
      </div>
      <fieldset class="lengths">
        <legend>Video length</legend>
        {TARGET_LENGTHS.map((t) => (
          <label key={t} class="choose">
            <input type="radio" name="target_length" value={t} defaultChecked={t === DEFAULT_TARGET} />
            {TARGET_LABELS[t]}
          </label>
        ))}
        <p class="muted small">
          Timed at {speakingPace.value} spoken words a minute; change your pace in <Link href="/settings">Settings</Link>.
        </p>
      </fieldset>
      <datalist id="tones">
        {["friendly", "energetic", "calm", "funny", "expert"].map((t) => (
          <option key={t} value={t} />
        ))}
      </datalist>
      {errs.form && <Alert>{errs.form}</Alert>}
      {m.creating.value && <Loading label="Finding trends and writing three scripts; this usually takes under a minute." />}
      <div class="actions wrap">
        <button class="primary" type="submit" disabled={m.creating.value}>
          {m.creating.value ? "Starting…" : "Start workflow"}
        </button>
        {!m.firstVisit.value && !m.creating.value && (
          <button type="button" onClick={() => (m.formOpened.value = false)}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
