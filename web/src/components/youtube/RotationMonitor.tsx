// The monitor of a rotation on the creator's own video: the video, the rotation's state (with
// "needs reconnecting" and "waiting for YouTube's data" spelled out), the calendar, daily CTR and
// watch time per impression per variant, the swap log, the quota, and the restore at the end.
import type { ThumbnailStyle } from "../../api/types";
import type { RotationStatus } from "../../../../worker/shared/contract";
import { useWorkflow } from "../../models/context";
import { int, pct } from "../../models/format";
import { dailyColumns, hasPoints, rotationHeadline, varied } from "../../models/rotation-view";
import type { Palette } from "../../models/theme";
import { Link, Loading, TableWrap } from "../ui";
import { DailyChart } from "./DailyChart";
import { RotationCalendar } from "./RotationCalendar";
import { useRestorePoll } from "./restore-poll";

const when = (iso: string) => new Date(iso).toLocaleString("en-GB", { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" });

/** "Viral 4.80% (3 days)" per variant: the chart's numbers in words. */
function chartSummary(data: (number | null)[][], labels: string[], unit: string, digits: number) {
  return labels
    .map((l, i) => {
      const vals = data[i + 1].filter((v): v is number => v != null);
      if (!vals.length) return `${l}: no day reported yet`;
      const mean = vals.reduce((s, v) => s + v, 0) / vals.length;
      return `${l} ${mean.toFixed(digits)}${unit} on average over ${vals.length} day${vals.length === 1 ? "" : "s"}`;
    })
    .join("; ");
}

function SwapLog({ r, labelOf }: { r: RotationStatus; labelOf: (id: string) => string }) {
  return (
    <details>
      <summary>Swap log ({r.swaps.length})</summary>
      {r.swaps.length === 0 ? (
        <p class="muted small">Nothing swapped yet; the first swap is at midnight Pacific.</p>
      ) : (
        <TableWrap label="Swap log">
          <table>
            <caption class="sr-only">Every swap and restore on your video</caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">For day</th>
                <th scope="col">Put on the video</th>
                <th scope="col">Outcome</th>
                <th scope="col">Units</th>
              </tr>
            </thead>
            <tbody>
              {r.swaps.map((s, i) => (
                <tr key={i} data-outcome={s.outcome}>
                  <td>{when(s.at)}</td>
                  <td>{s.date}</td>
                  <td>
                    {s.target === "original" ? "Your original" : labelOf(s.target)}
                    {s.kind === "restore" && " (restore)"}
                  </td>
                  <td>
                    {s.outcome}
                    {s.detail && <span class="muted small"> · {s.detail}</span>}
                  </td>
                  <td>{int(s.units)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </details>
  );
}

export function RotationMonitor({ palette }: { palette: Palette }) {
  const m = useWorkflow();
  const ab = m.ab.value!;
  const r = ab.rotation;
  useRestorePoll(m);
  if (!r) return <Loading label="Waiting for the rotation's calendar…" />;
  const head = rotationHeadline(r, m.labelOf, m.winner.value, ab.creator_pick_id);
  const ids = ab.variants.map((v) => v.thumbnail_id);
  const styleOf = (id: string): ThumbnailStyle => ab.variants.find((v) => v.thumbnail_id === id)?.style ?? "VIRAL";
  const series = ids.map((id) => ({ id, label: m.labelOf(id), style: styleOf(id) }));
  const labels = series.map((s) => s.label);
  const ctr = dailyColumns(r, ids, "ctr");
  const watch = dailyColumns(r, ids, "watch");
  return (
    <div class="rotation" data-rotation-state={r.state}>
      <div class={`rot-head ${head.tone}`} role="status">
        <p>
          <strong>{head.title}</strong>
        </p>
        {head.detail && <p class="small">{head.detail}</p>}
        {head.settings && (
          <p>
            <Link href="/settings">Reconnect your channel in Settings</Link>
          </p>
        )}
        {r.state === "running" && <p class="small muted">{r.data_note}</p>}
      </div>
      <div class="rot-video">
        {r.video.original_thumbnail_url && (
          <img
            src={r.video.original_thumbnail_url}
            alt=""
            width={160}
            height={90}
            onError={(e) => (e.currentTarget.style.display = "none")}
          />
        )}
        <p>
          <a href={r.video.url} target="_blank" rel="noopener noreferrer">
            {r.video.title}
          </a>
          <span class="muted small">
            {" "}
            · testing the {varied(r.vary)} · {r.days.length} days
            {r.next_swap_at && r.state === "running" && <> · next swap {when(r.next_swap_at)}</>}
          </span>
        </p>
      </div>
      {r.titles && (
        <ul class="small">
          {ids.map((id) => (
            <li key={id}>
              {m.labelOf(id)}: “{r.titles![id]}”
            </li>
          ))}
        </ul>
      )}
      <RotationCalendar now={m.now.value} rotation={r} labelOf={m.labelOf} colorOf={(id) => palette.series[styleOf(id)]} />
      {hasPoints(ctr) ? (
        <div class="rot-charts">
          <DailyChart
            metric="ctr"
            title="Daily click-through rate"
            series={series}
            data={ctr}
            unit="%"
            palette={palette}
            summary={chartSummary(ctr, labels, "%", 2)}
          />
          <DailyChart
            metric="watch"
            title="Watch time per impression (seconds)"
            series={series}
            data={watch}
            unit="s"
            palette={palette}
            summary={chartSummary(watch, labels, " s", 1)}
          />
        </div>
      ) : (
        <p class="empty">The daily charts appear once YouTube reports the first day, usually 2–3 days after it.</p>
      )}
      <p class="small">
        {r.blocks_analysed} of {r.blocks_planned} rounds analysed
        {r.watch_time_lift != null && (
          <>
            {" "}
            · watch time per impression, leader over runner-up: {r.watch_time_lift >= 0 ? "+" : ""}
            {pct(r.watch_time_lift, 1)}
          </>
        )}{" "}
        · YouTube Data API units: {int(r.quota.used_units)} used of about {int(r.quota.planned_units)} planned
      </p>
      <SwapLog r={r} labelOf={m.labelOf} />
    </div>
  );
}
