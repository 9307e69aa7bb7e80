// Thumbnail selection: the three rendered images, the creator's pick, then the A/B test starts.
import { useSignal } from "@preact/signals";
import { apiAsset, fieldErrors } from "../api/client";
import { useWorkflow } from "../models/context";
import { STYLE_LABEL } from "../models/derive";
import { Alert } from "./ui";

export function ThumbnailPick() {
  const m = useWorkflow();
  const wf = m.workflow.value!;
  const pick = useSignal("");
  const script = wf.scripts.find((s) => s.id === wf.approved_script_id);
  const errs = fieldErrors(m.actionError.value, ["thumbnail_id"]);
  const chosen = wf.thumbnails.find((t) => t.id === pick.value);
  return (
    <form
      aria-labelledby="thumbs-title"
      onSubmit={(e) => {
        e.preventDefault();
        if (chosen) void m.selectThumbnail(chosen.id);
      }}
    >
      <h2 id="thumbs-title">Pick your thumbnail</h2>
      {script && <p class="muted">For the approved script “{script.title}”. All three run in the A/B test; your pick is the baseline.</p>}
      <fieldset class="thumbs">
        <legend class="sr-only">Thumbnails</legend>
        {wf.thumbnails.map((t) => (
          <label key={t.id} class={`card thumb${pick.value === t.id ? " chosen" : ""}`}>
            <img src={apiAsset(t.url)} width={1280} height={720} alt={`${STYLE_LABEL[t.style]} thumbnail: ${t.prompt}`} />
            <span class="choose">
              <input type="radio" name="thumbnail" value={t.id} checked={pick.value === t.id} onChange={() => (pick.value = t.id)} />
              <strong>{STYLE_LABEL[t.style]}</strong>
            </span>
            <small class="muted">{t.prompt}</small>
          </label>
        ))}
      </fieldset>
      {(errs.fields.thumbnail_id || errs.form) && <Alert>{errs.fields.thumbnail_id ?? errs.form}</Alert>}
      <button class="primary" type="submit" disabled={!chosen || !!m.busy.value}>
        {m.busy.value === "select"
          ? "Starting the test…"
          : chosen
            ? `Start A/B test with ${STYLE_LABEL[chosen.style]} as my pick`
            : "Pick a thumbnail to start"}
      </button>
    </form>
  );
}
