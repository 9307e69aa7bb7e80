// Settings: the creator's YouTube channel. Its state in words, today's Data API quota, connect or
// reconnect (through Google's consent page and back here), and disconnect.
import { useModel, useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { useApp } from "../../models/context";
import { int } from "../../models/format";
import { callbackOutcome, YouTubeModel } from "../../models/youtube";
import { Alert, Confirm, Loading } from "../ui";

export function ChannelPanel() {
  const { router } = useApp();
  const yt = useModel(() => new YouTubeModel());
  // Google sends the browser back with ?youtube=…: keep the message, drop it from the address bar.
  const outcome = useSignal(callbackOutcome(router.query.peek()));
  useEffect(() => {
    void yt.load();
    if (outcome.value) router.navigate(location.pathname, true);
  }, []);
  const c = yt.connection.value;
  const v = yt.view.value;
  const busy = !!yt.busy.value;
  return (
    <section class="card" aria-labelledby="yt-title">
      <h2 id="yt-title">YouTube channel</h2>
      <p class="muted small">Connect your channel to test thumbnails and titles on your own published video, with YouTube's own numbers.</p>
      {outcome.value && <Alert tone={outcome.value.ok ? "info" : "error"}>{outcome.value.text}</Alert>}
      {yt.loadError.value && <Alert>{yt.loadError.value}</Alert>}
      {!c && !yt.loadError.value && <Loading label="Loading your channel…" />}
      {c && v && (
        <>
          <p class={`yt-state ${v.state}`} data-youtube={v.state}>
            {v.title}
          </p>
          {v.detail && <p class="small">{v.detail}</p>}
          {c.configured && (
            <div>
              <span id="yt-quota" class="small">
                YouTube Data API units used today: <strong>{int(c.quota.used_units)}</strong> of {int(c.quota.budget_units)}
                {c.quota.your_units !== c.quota.used_units && <> ({int(c.quota.your_units)} by your tests)</>}. Google's quota starts again
                at midnight Pacific.
              </span>
              <div
                class={`progress${c.quota.used_units >= 0.9 * c.quota.budget_units ? " high" : ""}`}
                role="progressbar"
                aria-labelledby="yt-quota"
                aria-valuemin={0}
                aria-valuemax={c.quota.budget_units}
                aria-valuenow={c.quota.used_units}
              >
                <div style={{ width: `${Math.min(100, (100 * c.quota.used_units) / Math.max(1, c.quota.budget_units))}%` }} />
              </div>
            </div>
          )}
          <div class="actions wrap">
            {v.connectLabel && (
              <button class="primary" type="button" disabled={busy} onClick={() => yt.connect("/settings")}>
                {yt.busy.value === "connect" ? "Opening Google…" : v.connectLabel}
              </button>
            )}
            {c.status !== "not_connected" && (
              <Confirm label="Disconnect…" sure="Disconnect now" disabled={busy} onConfirm={() => yt.disconnect()} />
            )}
          </div>
          {c.status !== "not_connected" && (
            <p class="muted small">
              Disconnecting ends a running rotation: the original goes back on the video first, then the app revokes its access at Google.
            </p>
          )}
        </>
      )}
      {yt.actionError.value && <Alert>{yt.actionError.value}</Alert>}
      {yt.notice.value && <Alert tone="info">{yt.notice.value}</Alert>}
    </section>
  );
}
