// Everything to paste into YouTube Studio, field by field, each with its own copy button. The
// chapters say when their times are estimates, and take the real ones typed or pasted.
import { useSignal } from "@preact/signals";
import { apiAsset, errorText } from "../../api/client";
import type { StudioPackage } from "../../api/types";
import { ESTIMATED_NOTE } from "../../../../worker/domain/chapters";
import { useWorkflow } from "../../models/context";
import { timestamp } from "../../models/format";
import { CopyButton } from "../ui";

function FieldBlock({ id, label, text, rows }: { id: string; label: string; text: string; rows: number }) {
  return (
    <div class="studio-field">
      <div class="studio-head">
        <label for={id}>{label}</label>
        <CopyButton text={text} label={label.toLowerCase()} />
      </div>
      <textarea id={id} readOnly rows={rows} value={text} />
    </div>
  );
}

export function StudioExport({ studio, simulated }: { studio: StudioPackage; simulated: boolean }) {
  const chapters = studio.chapters.map((c) => `${timestamp(c.start_seconds)} ${c.title}`).join("\n");
  return (
    <section class="card studio" aria-labelledby="studio-title">
      <h2 id="studio-title">Ready for YouTube Studio</h2>
      {simulated && <p class="small">The thumbnail was chosen on simulated traffic; check it with real viewers before relying on it.</p>}
      <div class="studio-field">
        <h3 id="titles-label">Title options</h3>
        <ol aria-labelledby="titles-label" class="titles">
          {studio.title_options.map((t, i) => (
            <li key={i}>
              <span>{t}</span>
              <CopyButton text={t} label={`title option ${i + 1}`} />
            </li>
          ))}
        </ol>
      </div>
      <FieldBlock id="studio-description" label="Description" text={studio.description} rows={8} />
      <FieldBlock id="studio-tags" label="Tags" text={studio.tags.join(", ")} rows={2} />
      <FieldBlock id="studio-chapters" label="Chapters" text={chapters} rows={Math.min(10, studio.chapters.length + 1)} />
      <ChapterTimes estimated={studio.chapter_times !== "yours"} current={chapters} />
      <p>
        <a class="button primary" href={apiAsset(studio.thumbnail_png_url)} download>
          Download the thumbnail (PNG, 1280×720)
        </a>
      </p>
    </section>
  );
}

/** The real times after recording: type over the list or paste the one from the editor. */
function ChapterTimes({ estimated, current }: { estimated: boolean; current: string }) {
  const m = useWorkflow();
  const text = useSignal(current);
  const busy = m.busy.value === "chapters";
  if (!m.canEdit.value) return null;
  return (
    <div class="studio-field chapter-times">
      <p class="small" data-testid="chapter-times">
        {estimated ? (
          <>
            <strong>Chapter times are {ESTIMATED_NOTE}.</strong> They come from the script's words at your speaking pace.
          </>
        ) : (
          <>
            <strong>These are your chapter times.</strong> Clear the box and save to go back to the estimates.
          </>
        )}
      </p>
      <label for="chapter-edit">Your chapter times (one “0:00 Title” per line; paste the list from your editor)</label>
      <textarea id="chapter-edit" rows={6} value={text.value} onInput={(e) => (text.value = (e.target as HTMLTextAreaElement).value)} />
      <p class="actions wrap">
        <button type="button" class="primary" disabled={busy} onClick={() => void m.setChapters(text.value)}>
          {busy ? "Saving…" : "Save chapter times"}
        </button>
        <span role="status" class="small">
          {m.actionError.value != null && m.busy.value === null ? errorText(m.actionError.value) : (m.notice.value ?? "")}
        </span>
      </p>
    </div>
  );
}
