// Thumbnail selection, second half: who sees the thumbnails (simulated viewers, numbers pushed
// by the creator's tools, or the creator's own YouTube video), the rotation's settings, and Start.
import { useModel } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { fieldErrors } from "../../api/client";
import { useWorkflow } from "../../models/context";
import { TestSetupModel, type TestSource } from "../../models/test-setup";
import { GOOGLE_OAUTH_GUIDE, YouTubeModel, youtubeSetupWords } from "../../models/youtube";
import { Alert, Link } from "../ui";
import { RotationOptions } from "./RotationOptions";
import { VideoPicker } from "./VideoPicker";

const SOURCES: [TestSource, string, string][] = [
  ["simulated", "Simulated viewers", "A simulation that ends in minutes: see how the test works before you use it for real."],
  [
    "external",
    "Pushed by my tools",
    "Your own analytics pipeline sends impressions and clicks to the API (an API key with metrics:write).",
  ],
  [
    "youtube",
    "My YouTube video",
    "The variants take turns on your published video, one per day at midnight Pacific, and YouTube's own daily numbers decide.",
  ],
];

export function TestStart({ pickId }: { pickId: string }) {
  const m = useWorkflow();
  const wf = m.workflow.value!;
  const setup = useModel(() => new TestSetupModel(() => m.workflow.value!));
  const yt = useModel(() => new YouTubeModel());
  useEffect(() => void yt.load(), []);
  useEffect(() => {
    setup.choosePick(pickId);
  }, [pickId]);
  const source = setup.source.value;
  const connected = yt.connected.value;
  useEffect(() => {
    if (source === "youtube" && !setup.uploads.peek()) void setup.loadUploads();
  }, [source]);

  const busy = m.busy.value;
  const thumbIds = wf.thumbnails.map((t) => t.id);
  const errs = fieldErrors(busy === null ? m.actionError.value : null, ["thumbnail_id", "video", "vary", "variants", "days", ...thumbIds]);
  const label = pickId ? m.labelOf(pickId) : "";
  const blocked = setup.blocked.value;
  const start = () => pickId && void m.selectThumbnail(pickId, setup.body.value);
  const ytNote = yt.loadError.value ? (
    `Your YouTube connection could not be read: ${yt.loadError.value}`
  ) : !yt.connection.value ? (
    "Checking your YouTube connection…"
  ) : !yt.connection.value.configured ? (
    <>
      {youtubeSetupWords(yt.connection.value.you_host === true)}{" "}
      <a href={GOOGLE_OAUTH_GUIDE} target="_blank" rel="noopener">
        Google's guide to the OAuth client
      </a>
      .
    </>
  ) : connected ? (
    `On ${yt.connection.value.channel?.title ?? "your channel"}.`
  ) : (
    <>
      {yt.connection.value.status === "needs_reconnect" ? "Your channel needs reconnecting: " : "Connect your channel first: "}
      <Link href="/settings">YouTube channel in Settings</Link>.
    </>
  );

  return (
    <>
      <fieldset class="sources">
        <legend>Who sees the thumbnails</legend>
        {SOURCES.map(([id, name, why]) => {
          const off = id === "youtube" && !connected;
          return (
            <label key={id}>
              <input
                type="radio"
                name="source"
                value={id}
                checked={source === id}
                disabled={off}
                onChange={() => (setup.source.value = id)}
                aria-describedby={`src-${id}`}
              />
              <span>
                {name}
                <span class="why" id={`src-${id}`}>
                  {why} {id === "youtube" && ytNote}
                </span>
              </span>
            </label>
          );
        })}
      </fieldset>
      {source === "youtube" && (
        <>
          <VideoPicker setup={setup} error={errs.fields.video} />
          <RotationOptions setup={setup} errors={errs.fields} />
        </>
      )}
      {(errs.fields.thumbnail_id || errs.form) && <Alert>{errs.fields.thumbnail_id ?? errs.form}</Alert>}
      <div class="approve-bar" role="region" aria-label="Start the test">
        <p>
          {!pickId ? "Pick one thumbnail above." : source === "youtube" && blocked.length ? blocked.join(" ") : <strong>{label}</strong>}
        </p>
        <button class="primary" type="button" disabled={!pickId || !!busy || blocked.length > 0} onClick={start}>
          {busy === "select"
            ? "Starting the test…"
            : !pickId
              ? "Start A/B test"
              : source === "youtube"
                ? `Start rotation with ${label} as my pick`
                : `Start A/B test with ${label} as my pick`}
        </button>
      </div>
    </>
  );
}
