// Thumbnail selection: the three variants at YouTube's sizes, the creator's pick, then how the
// test runs and Start (TestStart, in the YouTube chunk: it offers the creator's own video).
import { useSignal } from "@preact/signals";
import { useWorkflow } from "../../models/context";
import { lazyScreen } from "../ui";
import { ThumbnailCard } from "./ThumbnailCard";

const TestStart = lazyScreen(() => import("../youtube-screens").then((m) => m.TestStart), "Loading the test options…");
const FeedPreview = lazyScreen(() => import("../youtube-screens").then((m) => m.FeedPreview), "Loading the YouTube preview…");

/** YouTube's own sizes: suggested videos (168 px), home (246 px), search (360 px). */
const SIZES: [string, number | null][] = [
  ["Full", null],
  ["360 px (search)", 360],
  ["246 px (home)", 246],
  ["168 px (suggested)", 168],
];

export function ThumbnailPick() {
  const m = useWorkflow();
  const wf = m.workflow.value!;
  const pick = useSignal("");
  const size = useSignal<number | null>(null);
  const script =
    wf.scripts.find((s) => s.id === wf.approved_script_id) ??
    wf.script_revisions.flatMap((r) => r.scripts).find((s) => s.id === wf.approved_script_id);
  const label = (id: string) => m.labels.value[id] ?? "";
  const feedOpen = useSignal(false);
  return (
    <section aria-labelledby="thumbs-title">
      <h2 id="thumbs-title">Pick your thumbnail</h2>
      {script && (
        <p class="muted">
          For the approved script “{script.title}”. All three run in the A/B test (a YouTube rotation may take two); your pick is the
          baseline.
        </p>
      )}
      <fieldset class="sizes">
        <legend>Preview size</legend>
        {SIZES.map(([text, px]) => (
          <label key={text} class="choose">
            <input type="radio" name="size" checked={size.value === px} onChange={() => (size.value = px)} />
            {text}
          </label>
        ))}
      </fieldset>
      <fieldset class={`thumbs${size.value ? " sized" : ""}`}>
        <legend class="sr-only">Thumbnails</legend>
        {wf.thumbnails.map((t) => (
          <ThumbnailCard
            key={t.id}
            t={t}
            label={label(t.id)}
            width={size.value}
            picked={pick.value === t.id}
            onPick={() => (pick.value = t.id)}
          />
        ))}
      </fieldset>
      {script && (
        <details class="card feed" onToggle={(e) => (feedOpen.value = e.currentTarget.open)}>
          <summary>
            <h3>How it looks on YouTube</h3>
          </summary>
          {feedOpen.value && (
            <FeedPreview
              title={script.title}
              durationSec={script.estimated_duration_seconds}
              topic={wf.trends?.topic ?? script.title}
              thumbnails={wf.thumbnails.map((t) => ({ t, label: label(t.id) }))}
              neighbours={wf.trends?.videos ?? []}
            />
          )}
        </details>
      )}
      {m.canEdit.value && <TestStart pickId={wf.thumbnails.some((t) => t.id === pick.value) ? pick.value : ""} />}
    </section>
  );
}
