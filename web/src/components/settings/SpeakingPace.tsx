// How fast the creator speaks: script durations are the spoken words at this pace.
import { useSignal } from "@preact/signals";
import { MAX_WORDS_PER_MINUTE, MIN_WORDS_PER_MINUTE } from "../../../../worker/shared/script-length";
import { setSpeakingPace, speakingPace } from "../../models/pace";

export function SpeakingPace() {
  const value = useSignal(String(speakingPace.value));
  const note = useSignal<string | null>(null);
  const save = (e: SubmitEvent) => {
    e.preventDefault();
    note.value = setSpeakingPace(Number(value.value))
      ? `New scripts are timed at ${value.value} words a minute.`
      : `Give a whole number from ${MIN_WORDS_PER_MINUTE} to ${MAX_WORDS_PER_MINUTE}.`;
  };
  return (
    <section class="card" aria-labelledby="pace-title">
      <h2 id="pace-title">Speaking pace</h2>
      <p class="muted small">
        Scripts are written to the length you choose and timed from their spoken words at this pace. Most presenters speak about 150 words a
        minute; read a script aloud with a timer to find yours.
      </p>
      <form class="actions wrap" onSubmit={save}>
        <label for="pace">Words a minute</label>
        <input
          id="pace"
          name="pace"
          type="number"
          inputMode="numeric"
          min={MIN_WORDS_PER_MINUTE}
          max={MAX_WORDS_PER_MINUTE}
          value={value.value}
          onInput={(e) => (value.value = (e.target as HTMLInputElement).value)}
        />
        <button type="submit">Save pace</button>
        <span role="status" class="small">
          {note.value}
        </span>
      </form>
    </section>
  );
}
