// Results of a rotation on the creator's own video: what is on the video now (the winner or the
// original, or the retry while putting it back), with a link to the video.
import { useWorkflow } from "../../models/context";
import { restoreText } from "../../models/rotation-view";
import { useRestorePoll } from "./restore-poll";

export function RotationResult() {
  const m = useWorkflow();
  useRestorePoll(m);
  const ab = m.ab.value;
  const r = ab?.rotation;
  if (!ab || !r) return null;
  const done = r.state === "restored";
  return (
    <p class={`rot-head ${done ? "ok" : "wait"}`} role="status" data-restore={done ? "done" : "pending"}>
      <strong>{restoreText(r, m.labelOf, m.winner.value, ab.creator_pick_id)}</strong>{" "}
      <a href={r.video.url} target="_blank" rel="noopener noreferrer">
        {r.video.title}
      </a>
    </p>
  );
}
