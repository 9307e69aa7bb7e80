// "My face": 1–4 photos of the creator that an image model uses for the face-focused thumbnail.
// Each photo is decoded and re-encoded by the server (no EXIF or location is kept); the list shows
// the server's 168 px preview of what is actually stored.
import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { api, apiAsset, apiFetch, errorText } from "../../api/client";
import { previewSrc } from "../../models/previews";
import type { FacePhoto, FacePhotoList } from "../../../../worker/shared/faces";
import { Alert } from "../ui";

export function MyFace() {
  const list = useSignal<FacePhotoList | null>(null);
  const busy = useSignal<string | null>(null);
  const error = useSignal<string | null>(null);
  const load = async () => {
    try {
      list.value = await api<FacePhotoList>("GET", "/account/faces");
    } catch (err) {
      error.value = errorText(err);
    }
  };
  useEffect(() => void load(), []);
  const send = async (what: string, method: "POST" | "PUT", path: string, file: File) => {
    busy.value = what;
    error.value = null;
    try {
      await apiFetch(path, { method, body: file, headers: { "Content-Type": file.type } });
      await load();
    } catch (err) {
      error.value = errorText(err);
    } finally {
      busy.value = null;
    }
  };
  const remove = async (p: FacePhoto) => {
    busy.value = `delete:${p.id}`;
    error.value = null;
    try {
      await api("DELETE", `/account/faces/${p.id}`);
      await load();
    } catch (err) {
      error.value = errorText(err);
    } finally {
      busy.value = null;
    }
  };
  const picked = (e: Event, then: (file: File) => void) => {
    const input = e.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    input.value = "";
    if (file) then(file);
  };
  const photos = list.value?.photos ?? [];
  const room = photos.length < (list.value?.max ?? 4);
  return (
    <section class="card" aria-labelledby="my-face-title" data-section="my-face">
      <h2 id="my-face-title">My face</h2>
      <p class="muted">
        Up to {list.value?.max ?? 4} photos of yourself. With an image model configured, the face-focused thumbnail shows you, the same
        across videos. We keep a re-encoded copy (at most 1024 px) without EXIF or location data.
      </p>
      {error.value && <Alert>{error.value}</Alert>}
      {photos.length > 0 && (
        <ul class="face-photos">
          {photos.map((p) => (
            <li key={p.id} data-photo={p.id}>
              <img
                src={apiAsset(previewSrc(p.preview_url, 168))}
                alt="Your photo"
                width={168}
                height={Math.round((168 * p.height) / p.width)}
              />
              <label class="button small">
                {busy.value === `replace:${p.id}` ? "Replacing…" : "Replace"}
                <input
                  type="file"
                  class="sr-only"
                  accept="image/png,image/jpeg"
                  disabled={!!busy.value}
                  onChange={(e) => picked(e, (f) => void send(`replace:${p.id}`, "PUT", `/account/faces/${p.id}`, f))}
                  aria-label="Replace this photo"
                />
              </label>
              <button type="button" class="small" disabled={!!busy.value} onClick={() => void remove(p)} aria-label="Delete this photo">
                {busy.value === `delete:${p.id}` ? "Deleting…" : "Delete"}
              </button>
            </li>
          ))}
        </ul>
      )}
      {room && (
        <label class="button">
          {busy.value === "add" ? "Uploading…" : "Add a photo"}
          <input
            type="file"
            class="sr-only"
            accept="image/png,image/jpeg"
            disabled={!!busy.value}
            onChange={(e) => picked(e, (f) => void send("add", "POST", "/account/faces", f))}
            aria-label="Add a photo of yourself"
          />
        </label>
      )}
    </section>
  );
}
