// The rotation calendar: one cell per day with its date, weekday, the variant on the video that
// day and whether YouTube's numbers for it have arrived. Every state is written out, the variant's
// colour only repeats its name.
import type { RotationStatus } from "../../../../worker/shared/contract";
import { calendarCells, DAY_STATE_HELP, DAY_STATE_TEXT, dayCounts } from "../../models/rotation-view";

const MARK = { upcoming: "○", live: "●", waiting: "…", reported: "✓", lost: "✕" } as const;

export function RotationCalendar({
  rotation,
  labelOf,
  colorOf,
  now,
}: {
  now: number;
  rotation: RotationStatus;
  labelOf: (id: string) => string;
  colorOf: (id: string) => string;
}) {
  const cells = calendarCells(rotation, labelOf, now);
  const counts = dayCounts(rotation);
  return (
    <section aria-labelledby="cal-title">
      <h3 id="cal-title">Rotation calendar</h3>
      <p class="small">
        {counts.reported} of {cells.length} days reported
        {counts.waiting ? `, ${counts.waiting} waiting for YouTube` : ""}
        {counts.lost ? `, ${counts.lost} not counted` : ""}. Days start at midnight Pacific.
      </p>
      <ol class="rot-cal" aria-label="Rotation calendar, one entry per day">
        {cells.map((c) => (
          <li
            key={c.date}
            class={c.state}
            style={{ borderLeftColor: colorOf(c.variantId) }}
            data-state={c.state}
            data-variant={c.variantId}
            aria-current={c.state === "live" ? "date" : undefined}
          >
            <span class="d">
              Day {c.n} · {c.weekday}
            </span>
            <span class="d">{c.dateText}</span>
            <span class="v">{c.label}</span>
            <span class="st">
              <span aria-hidden="true">{MARK[c.state]} </span>
              {c.stateText}
            </span>
            {c.detail && <span class="d">{c.detail}</span>}
          </li>
        ))}
      </ol>
      <ul class="legend" aria-label="What the states mean">
        {(Object.keys(DAY_STATE_TEXT) as (keyof typeof DAY_STATE_TEXT)[]).map((s) => (
          <li key={s}>
            <span aria-hidden="true">{MARK[s]}</span> <strong>{DAY_STATE_TEXT[s]}</strong>: {DAY_STATE_HELP[s]}
          </li>
        ))}
      </ul>
    </section>
  );
}
