// The numbers behind the status line, folded away: intervals, chance to be best, lift, proof,
// the engine's own sentence, and every update as a CSV file.
import { useSignal } from "@preact/signals";
import { errorText } from "../../api/client";
import { intervalLevelOf } from "../../models/ab-view";
import { useWorkflow } from "../../models/context";
import { pct } from "../../models/format";
import { saveFile, TableWrap } from "../ui";

export function AbDetails() {
  const m = useWorkflow();
  const ab = m.ab.value!;
  const csvNote = useSignal<string | null>(null);
  const level = pct(intervalLevelOf(ab), 0);
  // Lift intervals are only shown once the server states one level for every interval.
  const liftIntervals = ab.interval_level != null;
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
      <summary>Details: intervals, chance to be best, lift</summary>
      <TableWrap label="Per-variant statistics">
        <table>
          <caption class="sr-only">Per-variant statistics</caption>
          <thead>
            <tr>
              <th scope="col">Thumbnail</th>
              <th scope="col">CTR</th>
              <th scope="col">{level} interval</th>
              <th scope="col">Chance to be best</th>
              <th scope="col">Lift vs your pick</th>
            </tr>
          </thead>
          <tbody>
            {ab.variants.map((v) => {
              const ci = v.ctr_interval;
              const lift = v.lift_vs_pick;
              return (
                <tr key={v.thumbnail_id}>
                  <th scope="row">{m.labelOf(v.thumbnail_id)}</th>
                  <td>{v.impressions ? pct(v.ctr, 2) : "–"}</td>
                  <td>{ci ? `${pct(ci.lower)} – ${pct(ci.upper)}` : "–"}</td>
                  <td>{v.probability_best != null ? pct(v.probability_best, 0) : "–"}</td>
                  <td>
                    {v.thumbnail_id === ab.creator_pick_id
                      ? "your pick"
                      : lift
                        ? `${lift.estimate >= 0 ? "+" : ""}${pct(lift.estimate, 0)}${liftIntervals ? ` (${pct(lift.interval.lower, 0)} to ${pct(lift.interval.upper, 0)})` : ""}`
                        : "–"}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableWrap>
      <p class="small">
        Proof against the closest rival: {pct(ab.current_confidence, 0)}. The test calls a winner at {pct(m.threshold.value, 0)}. “Chance to
        be best” is an estimate that moves early; the proof is what decides, and it stays valid however often you look.
      </p>
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
