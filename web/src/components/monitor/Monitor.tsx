// The A/B monitor (its own chunk, with uPlot): one status line with progress, the chart, the
// variants, the details behind a disclosure, and the ways to end the test.
import { useModel, useSignal } from "@preact/signals";
import type { LiveState } from "../../api/live";
import { intervalLevelOf } from "../../models/ab-view";
import { useWorkflow } from "../../models/context";
import { clock, duration, pct } from "../../models/format";
import { ThemeModel } from "../../models/theme";
import { lazyScreen, Loading } from "../ui";
import { AbDetails } from "./AbDetails";
import { CtrChart } from "./CtrChart";
import { EndDialogs, type Ending } from "./EndDialogs";
import { StatusPanel } from "./StatusPanel";
import { VariantCard } from "./VariantCard";

// A rotation on the creator's own video has its own calendar and daily charts (YouTube chunk).
const RotationMonitor = lazyScreen(() => import("../youtube-screens").then((m) => m.RotationMonitor), "Loading the rotation…");

const LIVE_TEXT: Record<LiveState, string> = {
  connecting: "Connecting…",
  live: "Updating live",
  reconnecting: "Reconnecting…",
  polling: "Live updates unavailable, refreshing every 2 s",
  closed: "Test ended",
};

export function Monitor() {
  const m = useWorkflow();
  const ab = m.ab.value;
  const theme = useModel(() => new ThemeModel());
  const confirming = useSignal<Ending>(null);
  if (!ab) return <Loading label="Waiting for the first numbers…" />;

  const palette = theme.palette.value;
  const now = m.now.value;
  const started = Date.parse(ab.started_at);
  const end = ab.ended_at ? Date.parse(ab.ended_at) : now;
  const chart = m.chart.value;
  const busy = m.busy.value;
  const every = ab.poll_interval_seconds;

  return (
    <section aria-labelledby="mon-title" class="monitor">
      <div class="mon-head">
        <h2 id="mon-title">A/B test</h2>
        <span class={`live live-${m.live.value}`} role="status">
          {LIVE_TEXT[m.live.value]}
        </span>
      </div>
      <StatusPanel />
      {ab.analytics_source === "youtube" ? (
        <RotationMonitor palette={palette} />
      ) : (
        <>
          <dl class="times">
            <div>
              <dt>Elapsed</dt>
              <dd>{clock((end - started) / 1000)}</dd>
            </div>
            <div>
              <dt>Time left</dt>
              <dd>{ab.is_running ? clock((Date.parse(ab.deadline_at) - now) / 1000) : "Ended"}</dd>
            </div>
            <div>
              <dt>Updates</dt>
              <dd>
                {ab.polls}
                {ab.analytics_source === "simulated" && every ? <span class="muted small"> (every {duration(every)})</span> : null}
              </dd>
            </div>
          </dl>
          {chart && chart.data[0].length > 0 ? (
            <CtrChart
              series={chart.series}
              data={chart.data}
              yRange={chart.yRange}
              palette={palette}
              caption={`Click-through rate over time; shaded: the test's ${pct(intervalLevelOf(ab), 0)} range`}
              label={`Click-through rate over time. ${ab.variants.map((v) => `${m.labelOf(v.thumbnail_id)} ${pct(v.ctr)}`).join(", ")}.`}
            />
          ) : (
            <p class="empty">The chart appears after the first update.</p>
          )}
        </>
      )}
      <ul class="variants">
        {ab.variants.map((v) => (
          <VariantCard key={v.thumbnail_id} v={v} color={palette.series[v.style]} />
        ))}
      </ul>
      <AbDetails />
      {ab.is_running && m.canEdit.value && (
        <div class="actions">
          <button type="button" disabled={!!busy} onClick={() => (confirming.value = "stop")}>
            Stop test…
          </button>
          <button
            class={ab.can_declare_early ? "primary" : ""}
            type="button"
            disabled={!!busy}
            onClick={() => (confirming.value = "declare")}
          >
            Declare winner…
          </button>
        </div>
      )}
      <EndDialogs confirming={confirming} />
    </section>
  );
}
