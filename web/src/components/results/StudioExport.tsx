// Everything to paste into YouTube Studio, field by field, each with its own copy button.
import { apiAsset } from "../../api/client";
import type { StudioPackage } from "../../api/types";
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
      <p>
        <a class="button primary" href={apiAsset(studio.thumbnail_png_url)} download>
          Download the thumbnail (PNG, 1280×720)
        </a>
      </p>
    </section>
  );
}
