// The numbers behind the status line, folded away: ranges, the difference from your pick, the
// engine's own sentence, and every update as a CSV file. "Chance to be best" appears only as an
// early estimate that does not decide, and only where it agrees with the deciding number.
import { useSignal } from "@preact/signals";
import { errorText } from "../../api/client";
import { ctrRangeText, earlyEstimate, intervalLevelOf, liftText } from "../../models/ab-view";
import { useWorkflow } from "../../models/context";
import { pct } from "../../models/format";
import { saveFile, TableWrap } from "../ui";

export function AbDetails() {
  const m = useWorkflow();
  const ab = m.ab.value!;
  const csvNote = useSignal<string | null>(null);
  const level = pct(intervalLevelOf(ab), 0);
  // Lift ranges are only shown once the server states one level for every range.
  const liftRanges = ab.interval_level != null;
  const early = earlyEstimate(ab);
  const csv = async () => {
    csvNote.value = "Preparing the file…";
    try {
      const f = await m.fetchHistoryCsv();
      saveFile(f.name, f.text, f.type);
      csvNote.value = `Downloaded ${f.name}.`;
    } catch (e) {
      csvNote.value = `The full history could not be downloaded: ${errorText(e)}`;
    }
  };
  return (
    <details class="card ab-details">
      <summary>Details: ranges and the difference from your pick</summary>
      <TableWrap label="Per-variant statistics">
        <table>
          <caption class="sr-only">Per-variant statistics</caption>
          <thead>
            <tr>
              <th scope="col">Thumbnail</th>
              <th scope="col">CTR</th>
              <th scope="col">{level} range</th>
              <th scope="col">Compared with your pick</th>
            </tr>
          </thead>
          <tbody>
            {ab.variants.map((v) => {
              return (
                <tr key={v.thumbnail_id}>
                  <th scope="row">{m.labelOf(v.thumbnail_id)}</th>
                  <td>{v.impressions ? pct(v.ctr, 2) : "–"}</td>
                  <td>{v.impressions ? ctrRangeText(v, (x) => pct(x)) : "–"}</td>
                  <td>
                    {v.thumbnail_id === ab.creator_pick_id
                      ? "your pick"
                      : liftRanges
                        ? liftText(v, (x) => pct(x, 0))
                        : v.lift_vs_pick
                          ? `${v.lift_vs_pick.estimate >= 0 ? "+" : ""}${pct(v.lift_vs_pick.estimate, 0)}`
                          : "–"}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableWrap>
      <p class="small">
        A winner is called at {pct(m.threshold.value, 0)}, and that stays true however often you look. A range reads “too early for a range”
        until there are enough impressions to size it.
      </p>
      {early && (
        <p class="small muted" data-testid="early-estimate">
          Early estimate, does not decide: chance to be best {early}.
        </p>
      )}
      {ab.explanation && <p class="muted small">{ab.explanation}</p>}
      <p class="actions wrap">
        <button type="button" class="small" onClick={csv}>
          Download every update (CSV)
        </button>
        <span role="status" class="small muted">
          {csvNote.value}
        </span>
      </p>
    </details>
  );
}
