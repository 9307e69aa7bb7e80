// Ending a test: declaring a winner (with what declaring now risks, in a sentence), stopping, and
// the dialog that appears when the engine ends the test by itself.
import type { Signal } from "@preact/signals";
import { useSignal } from "@preact/signals";
import { apiAsset, errorText } from "../../api/client";
import { riskOf } from "../../models/ab-view";
import { useWorkflow } from "../../models/context";
import { pct } from "../../models/format";
import { Dialog } from "../Dialog";
import { Alert, sentence } from "../ui";
import { previewSrc } from "../../models/previews";

export type Ending = "declare" | "stop" | null;

export function EndDialogs({ confirming }: { confirming: Signal<Ending> }) {
  const m = useWorkflow();
  const ab = m.ab.value!;
  const pick = useSignal("");
  const busy = m.busy.value;
  const chosen = pick.value || m.leader.value || ab.creator_pick_id;
  const risk = riskOf(ab, chosen, m.labelOf);
  const close = () => {
    confirming.value = null;
    pick.value = "";
    m.clearError();
  };
  const confirm = async () => {
    const ok = confirming.value === "declare" ? await m.declareWinner(chosen) : await m.stopTest();
    if (ok) confirming.value = null;
  };
  const winner = ab.winner_id;
  const won = m.workflow.value!.thumbnails.find((t) => t.id === winner);
  const winUrl = won && previewSrc(won.png_url ?? won.url, 360);
  const error = m.actionError.value != null && <Alert>{errorText(m.actionError.value)}</Alert>;

  return (
    <>
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
              {busy === "declare" ? "Declaring…" : `Declare ${m.labelOf(chosen)} the winner`}
            </button>
          </>
        }
      >
        <p>This ends the test now and cannot be undone.</p>
        <fieldset>
          <legend>Winner</legend>
          {ab.variants.map((v) => (
            <label key={v.thumbnail_id} class="choose">
              <input
                type="radio"
                name="winner"
                value={v.thumbnail_id}
                checked={chosen === v.thumbnail_id}
                onChange={() => (pick.value = v.thumbnail_id)}
              />
              {m.labelOf(v.thumbnail_id)} ({v.impressions ? `${pct(v.ctr, 2)} CTR` : "no impressions"}
              {v.thumbnail_id === m.leader.value ? ", ahead" : ""})
            </label>
          ))}
        </fieldset>
        <p class="risk" data-testid="risk">
          {risk}
          {!ab.can_declare_early && " Your result will say you picked it before the test proved a winner."}
        </p>
        {confirming.value === "declare" && error}
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
        <p>Updates stop for good and the result uses the numbers so far.</p>
        {confirming.value === "stop" && error}
      </Dialog>

      <Dialog
        open={m.engineEnded.value}
        title={ab.decision === "winner" ? "We have a winner" : "The test has ended"}
        onClose={() => m.dismissEngineEnded()}
        actions={
          <button class="primary" type="button" onClick={() => m.dismissEngineEnded()}>
            See results
          </button>
        }
      >
        {winUrl && !(ab.analytics_source === "youtube" && ab.decision !== "winner") && (
          <img class="win-img" src={apiAsset(winUrl)} alt={`${m.labelOf(winner)} thumbnail`} />
        )}
        <p>{sentence(m.summary.value?.text)}</p>
        {m.simulated.value && <p class="small">This test ran on simulated traffic, not real viewers.</p>}
      </Dialog>
    </>
  );
}
