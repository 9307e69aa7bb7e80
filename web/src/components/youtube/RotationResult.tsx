// Results of a rotation on the creator's own video: what is on the video now (the winner or the
// original, the retry while putting it back, or that it could not be put back), with a link to the video.
import { useWorkflow } from "../../models/context";
import { restoreText } from "../../models/rotation-view";
import { useRestorePoll } from "./restore-poll";

export function RotationResult() {
  const m = useWorkflow();
  useRestorePoll(m);
  const ab = m.ab.value;
  const r = ab?.rotation;
  if (!ab || !r) return null;
  const [tone, restore] = r.state === "restored" ? ["ok", "done"] : r.state === "abandoned" ? ["bad", "abandoned"] : ["wait", "pending"];
  return (
    <p class={`rot-head ${tone}`} role="status" data-restore={restore}>
      <strong>{restoreText(r, m.labelOf, m.winner.value, ab.creator_pick_id)}</strong>{" "}
      <a href={r.video.url} target="_blank" rel="noopener noreferrer">
        {r.video.title}
      </a>
    </p>
  );
}
