// One thumbnail variant: the image at the chosen preview size, the pick, and what a creator
// can do with it: draw it again, replace it with their own image, download the 1280×720 PNG.
import { useSignal } from "@preact/signals";
import { apiAsset } from "../../api/client";
import type { Thumbnail } from "../../api/types";
import { useWorkflow } from "../../models/context";
import { legibilityLine, previewSrc, type PreviewWidth } from "../../models/previews";

const MAX_UPLOAD = 2 * 1024 * 1024;

interface Props {
  t: Thumbnail;
  label: string;
  width: number | null;
  picked: boolean;
  onPick: () => void;
}

export function ThumbnailCard({ t, label, width, picked, onPick }: Props) {
  const m = useWorkflow();
  const tooBig = useSignal(false);
  const useFace = useSignal(false);
  const busy = m.busy.value;
  const upload = (e: Event) => {
    const input = e.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    input.value = "";
    tooBig.value = !!file && file.size > MAX_UPLOAD;
    if (file && !tooBig.value) void m.uploadThumbnail(t.id, file);
  };
  return (
    <div class={`card thumb${picked ? " chosen" : ""}`} style={width ? { width: `calc(${width}px + 2rem + 2px)` } : undefined}>
      <img
        src={apiAsset(previewSrc(t.png_url ?? t.url, (width as PreviewWidth | null) ?? 1280))}
        data-preview-width={width ?? 1280}
        width={1280}
        height={720}
        alt={`${label} thumbnail${t.headline ? `, headline “${t.headline}”` : ""}`}
      />
      <label class="choose">
        <input type="radio" name="thumbnail" value={t.id} checked={picked} onChange={onPick} />
        <span>
          <strong>{label}</strong>
          {t.headline && <span class="muted"> · “{t.headline}”</span>}
        </span>
      </label>
      <div class="thumb-actions">
        {m.canEdit.value && (
          <>
            <button
              type="button"
              class="small"
              disabled={!!busy}
              onClick={() => m.regenerateThumbnail(t.id, useFace.value)}
              aria-label={`Regenerate ${label}`}
            >
              {busy === `regenerate:${t.id}` ? "Drawing…" : "Regenerate"}
            </button>
            <label class="button small upload">
              {busy === `upload:${t.id}` ? "Uploading…" : "Upload my own"}
              <input
                type="file"
                class="sr-only"
                accept="image/png,image/jpeg"
                disabled={!!busy}
                onChange={upload}
                aria-label={`Upload your own image for ${label}`}
              />
            </label>
            {t.style !== "FACE_FOCUSED" && (
              <label class="choose small" title="Send your Settings → My face photos to the image model for this variant">
                <input type="checkbox" checked={useFace.value} onChange={(e) => (useFace.value = e.currentTarget.checked)} />
                Use my face
              </label>
            )}
          </>
        )}
        {t.png_url && (
          <a class="button small" href={apiAsset(t.png_url)} download={`${label.toLowerCase().replace(/\W+/g, "-")}-1280x720.png`}>
            PNG 1280×720
          </a>
        )}
      </div>
      {t.note && <p class="small notice">{t.note}</p>}
      {t.legibility ? (
        <p class={`small${t.legibility.passes ? " muted" : " error"}`} data-legibility>
          {legibilityLine(t.legibility)}
        </p>
      ) : (
        t.source === "upload" && (
          <p class="small muted" data-legibility>
            Your own image: check its text reads at 168 px and keeps clear of the bottom-right corner, where YouTube shows the duration.
          </p>
        )
      )}
      {tooBig.value && <p class="error small">That image is over 2 MB; YouTube's limit is 2 MB too.</p>}
      <details class="small">
        <summary>AI prompt</summary>
        <p class="muted">{t.prompt}</p>
      </details>
    </div>
  );
}
