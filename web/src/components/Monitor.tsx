// The A/B monitor (its own chunk, with uPlot): live chart, variant cards, confidence, and the end game.
import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import type { AbStatus, VariantStats } from "../../../worker/shared/contract";
import { apiAsset, errorText } from "../api/client";
import type { LiveState } from "../api/live";
import { useWorkflow } from "../models/context";
import { duration, int, intervalOf, leaderOf, pct, STYLE_COLOR, STYLE_LABEL } from "../models/derive";
import { CtrChart } from "./CtrChart";
import { Dialog } from "./Dialog";
import { Alert, Loading } from "./ui";

const LIVE_TEXT: Record<LiveState, string> = {
  connecting: "Connecting…",
  live: "Live",
  reconnecting: "Reconnecting…",
  polling: "Live updates unavailable, refreshing every 2 s",
  closed: "Test ended",
};
const THRESHOLD = 0.95;

function ConfidenceMeter({ ab }: { ab: AbStatus }) {
  const c = Math.max(0, Math.min(1, ab.current_confidence));
  return (
    <div class="confidence">
      <span id="conf-label">
        Confidence <strong>{pct(c, 0)}</strong>
      </span>
      <div
        class="meter"
        role="meter"
        aria-labelledby="conf-label"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(c * 100)}
        aria-valuetext={`${pct(c, 0)}; a winner is called at 95%`}
      >
        <div class={`fill${c >= THRESHOLD ? " met" : ""}`} style={{ width: `${c * 100}%` }} />
        <div class="mark" style={{ left: `${THRESHOLD * 100}%` }} aria-hidden="true">
          <span>95%</span>
        </div>
      </div>
      <small class="muted">
        {ab.can_declare_early ? "Confident enough to declare a winner early." : "A winner is called at 95% confidence."}
      </small>
    </div>
  );
}

function VariantCard({ v, ab, url }: { v: VariantStats; ab: AbStatus; url?: string }) {
  const ci = intervalOf(v);
  const leading = leaderOf(ab) === v.thumbnail_id;
  return (
    <li class={`card variant${leading ? " leading" : ""}`} style={{ borderTopColor: STYLE_COLOR[v.style] }}>
      {url && <img src={url} alt="" width={1280} height={720} />}
      <h3>
        {STYLE_LABEL[v.style]}
        {ab.winner_id === v.thumbnail_id ? <span class="badge win">Winner</span> : leading && <span class="badge lead">Leading</span>}
        {ab.creator_pick_id === v.thumbnail_id && <span class="badge">Your pick</span>}
      </h3>
      <dl class="nums">
        <div>
          <dt>Impressions</dt>
          <dd data-metric="impressions">{int(v.impressions)}</dd>
        </div>
        <div>
          <dt>Clicks</dt>
          <dd data-metric="clicks">{int(v.clicks)}</dd>
        </div>
        <div>
          <dt>CTR</dt>
          <dd data-metric="ctr">{pct(v.ctr, 2)}</dd>
        </div>
      </dl>
      <p class="muted small">
        {ci ? `95% ${v.ctr_interval ? "always-valid " : ""}interval ${pct(ci.lower)} – ${pct(ci.upper)}` : "No impressions yet"}
        {v.probability_best != null && ` · ${pct(v.probability_best, 0)} chance best`}
        {v.lift_vs_pick && v.thumbnail_id !== ab.creator_pick_id && ` · lift vs your pick ${pct(v.lift_vs_pick.estimate)}`}
      </p>
    </li>
  );
}

export function Monitor() {
  const m = useWorkflow();
  const wf = m.workflow.value!;
  const ab = m.ab.value;
  const now = useSignal(Date.now());
  const confirming = useSignal<"declare" | "stop" | null>(null);
  const pick = useSignal("");
  useEffect(() => {
    const t = setInterval(() => (now.value = Date.now()), 1000);
    return () => clearInterval(t);
  }, []);
  if (!ab) return <Loading label="Waiting for the first numbers…" />;

  const urls = new Map(wf.thumbnails.map((t) => [t.id, apiAsset(t.url)]));
  const styleOf = (id: string | null) => STYLE_LABEL[ab.variants.find((v) => v.thumbnail_id === id)?.style ?? "VIRAL"];
  const leader = leaderOf(ab);
  const started = Date.parse(ab.started_at);
  const end = ab.ended_at ? Date.parse(ab.ended_at) : now.value;
  const chart = m.chart.value;
  const busy = m.busy.value;
  const ended = m.engineEnded.value;
  const winner = ab.variants.find((v) => v.thumbnail_id === ab.winner_id);
  const close = () => {
    confirming.value = null;
    m.clearError();
  };
  const confirm = async () => {
    const ok = confirming.value === "declare" ? await m.declareWinner(pick.value || leader!) : await m.stopTest();
    if (ok) confirming.value = null;
  };

  return (
    <section aria-labelledby="mon-title" class="monitor">
      <div class="mon-head">
        <h2 id="mon-title">A/B test</h2>
        <span class={`live live-${m.live.value}`} role="status">
          {LIVE_TEXT[m.live.value]}
        </span>
      </div>
      <dl class="times">
        <div>
          <dt>Elapsed</dt>
          <dd>{duration((end - started) / 1000)}</dd>
        </div>
        <div>
          <dt>Time left</dt>
          <dd>{ab.is_running ? duration((Date.parse(ab.deadline_at) - now.value) / 1000) : "Ended"}</dd>
        </div>
        <div>
          <dt>Polls</dt>
          <dd>{ab.polls}</dd>
        </div>
      </dl>
      <ConfidenceMeter ab={ab} />
      {chart && chart.data[0].length > 0 ? (
        <CtrChart
          series={chart.series}
          data={chart.data}
          bands={chart.bands}
          label={`Click-through rate over time. ${ab.variants.map((v) => `${STYLE_LABEL[v.style]} ${pct(v.ctr)}`).join(", ")}.`}
        />
      ) : (
        <p class="empty">The chart appears after the first poll.</p>
      )}
      <p class="sr-only" aria-live="polite">
        {leader ? `${styleOf(leader)} is leading.` : ""}
      </p>
      <ul class="variants">
        {ab.variants.map((v) => (
          <VariantCard key={v.thumbnail_id} v={v} ab={ab} url={urls.get(v.thumbnail_id)} />
        ))}
      </ul>
      {ab.explanation && <p class="muted">{ab.explanation}</p>}
      {ab.is_running && (
        <div class="actions">
          <button
            class="primary"
            type="button"
            disabled={!!busy}
            onClick={() => {
              pick.value = leader ?? "";
              confirming.value = "declare";
            }}
          >
            Declare winner…
          </button>
          <button type="button" disabled={!!busy} onClick={() => (confirming.value = "stop")}>
            Stop test…
          </button>
        </div>
      )}

      <Dialog
        open={confirming.value === "declare"}
        title="Declare a winner"
        onClose={close}
        actions={
          <>
            <button type="button" onClick={close}>
              Cancel
            </button>
            <button class="primary" type="button" disabled={!!busy} onClick={confirm}>
              {busy === "declare" ? "Declaring…" : `Declare ${styleOf(pick.value || leader)} the winner`}
            </button>
          </>
        }
      >
        <p>This ends the test now, at {pct(ab.current_confidence, 0)} confidence. It cannot be undone.</p>
        <fieldset>
          <legend>Winner</legend>
          {ab.variants.map((v) => (
            <label key={v.thumbnail_id} class="choose">
              <input
                type="radio"
                name="winner"
                value={v.thumbnail_id}
                checked={(pick.value || leader) === v.thumbnail_id}
                onChange={() => (pick.value = v.thumbnail_id)}
              />
              {STYLE_LABEL[v.style]} ({pct(v.ctr, 2)} CTR{v.thumbnail_id === leader ? ", leading" : ""})
            </label>
          ))}
        </fieldset>
        {confirming.value === "declare" && m.actionError.value != null && <Alert>{errorText(m.actionError.value)}</Alert>}
      </Dialog>

      <Dialog
        open={confirming.value === "stop"}
        title="Stop the test?"
        onClose={close}
        actions={
          <>
            <button type="button" onClick={close}>
              Keep testing
            </button>
            <button class="danger" type="button" disabled={!!busy} onClick={confirm}>
              {busy === "stop" ? "Stopping…" : "Stop test"}
            </button>
          </>
        }
      >
        <p>Polling stops for good and the results use the numbers so far (leader: {styleOf(leader)}).</p>
        {confirming.value === "stop" && m.actionError.value != null && <Alert>{errorText(m.actionError.value)}</Alert>}
      </Dialog>

      <Dialog
        open={ended}
        title={ab.decision === "winner" ? "We have a winner" : "The test has ended"}
        onClose={() => m.dismissEngineEnded()}
        actions={
          <button class="primary" type="button" onClick={() => m.dismissEngineEnded()}>
            See results
          </button>
        }
      >
        {winner ? (
          <>
            {urls.get(winner.thumbnail_id) && (
              <img class="win-img" src={urls.get(winner.thumbnail_id)} alt={`${STYLE_LABEL[winner.style]} thumbnail`} />
            )}
            <p>
              <strong>{STYLE_LABEL[winner.style]}</strong> won with a {pct(winner.ctr, 2)} CTR
              {ab.decision === "timeout" ? " when time ran out" : ""} at {pct(ab.current_confidence, 0)} confidence.
            </p>
          </>
        ) : (
          <p>The test ended ({ab.decision ?? "stopped"}) without a clear winner.</p>
        )}
      </Dialog>
    </section>
  );
}
