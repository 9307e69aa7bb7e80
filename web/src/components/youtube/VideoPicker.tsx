// The video a rotation runs on: one of the channel's recent uploads, or a pasted URL or id. Each
// choice is checked by the server (on this channel, public or scheduled, how old), and its
// problems block the start while its warnings only inform.
import type { TestSetup, Upload } from "../../models/test-setup";
import { Alert, Field, Loading } from "../ui";

const day = (iso: string) => new Date(iso).toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric" });

function privacy(u: Pick<Upload, "privacy_status" | "publish_at">) {
  if (u.publish_at) return `scheduled for ${day(u.publish_at)}`;
  return u.privacy_status;
}

/** YouTube's image, or nothing: a blocked or missing image must not leave a broken icon. */
const Still = ({ src }: { src: string | null }) =>
  src ? <img src={src} alt="" width={96} height={54} loading="lazy" onError={(e) => (e.currentTarget.style.display = "none")} /> : null;

export function VideoPicker({ setup, error }: { setup: TestSetup; error?: string }) {
  const uploads = setup.uploads.value;
  const chosen = setup.video.value;
  const check = setup.check.value;
  const checkErr = setup.checkError.value;
  return (
    <fieldset>
      <legend>Your video</legend>
      {setup.uploadsError.value && <Alert>{setup.uploadsError.value}</Alert>}
      {!uploads && !setup.uploadsError.value && <Loading label="Loading your recent uploads…" />}
      {uploads && uploads.length === 0 && <p class="muted small">No uploads found on this channel. Paste a video's URL or id below.</p>}
      {uploads && uploads.length > 0 && (
        <div class="videos" role="radiogroup" aria-label="Your recent uploads">
          {uploads.map((u) => (
            <label key={u.id}>
              <input type="radio" name="upload" value={u.id} checked={chosen === u.id} onChange={() => setup.checkVideo(u.id)} />
              <Still src={u.thumbnail_url} />
              <span>
                {u.title}
                <span class="meta">
                  {day(u.published_at)} · {privacy(u)}
                </span>
              </span>
            </label>
          ))}
        </div>
      )}
      <form
        class="paste"
        onSubmit={(e) => {
          e.preventDefault();
          void setup.checkVideo();
        }}
      >
        <Field
          label="Or paste the video's URL or id"
          name="video"
          value={chosen}
          maxLength={300}
          placeholder="https://youtu.be/…"
          error={error ?? (checkErr ? String((checkErr as Error).message) : undefined)}
          onInput={(e) => (setup.video.value = e.currentTarget.value)}
        />
        <button type="submit" disabled={!chosen.trim() || setup.checking.value}>
          Check this video
        </button>
      </form>
      <div aria-live="polite">
        {setup.checking.value && <Loading label="Checking the video…" />}
        {check && check.ref === chosen.trim() && !setup.checking.value && (
          <div class="check" data-check={check.result.ok ? "ok" : "blocked"}>
            {check.result.ok && <p class="check-ok">✓ “{check.result.video.title}” can be used.</p>}
            {check.result.problems.map((p) => (
              <Alert key={p}>{p}</Alert>
            ))}
            {check.result.warnings.map((w) => (
              <Alert key={w} tone="info">
                {w}
              </Alert>
            ))}
          </div>
        )}
      </div>
    </fieldset>
  );
}
