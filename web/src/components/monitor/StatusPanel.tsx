// The monitor's one message: a plain status line, the proof in words with the one number that
// decides (how sure the test is), and progress toward a decision as a bar and a sentence.
import { proofLine } from "../../models/ab-view";
import { useWorkflow } from "../../models/context";

export function StatusPanel() {
  const m = useWorkflow();
  const summary = m.summary.value!;
  const p = m.progress.value!;
  const fraction = Math.max(0, Math.min(1, p.fraction));
  const proof = proofLine(m.ab.value!, m.labelOf);
  return (
    <div class={`status-panel st-${summary.state}`}>
      <p class="status-line" role="status" aria-live="polite">
        {summary.text}
      </p>
      {proof && (
        <p class="proof" data-testid="proof">
          {proof}
        </p>
      )}
      <div
        class="progress"
        role="progressbar"
        aria-label={p.estimated ? "Progress toward a decision" : "Time toward the deadline"}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(fraction * 100)}
        aria-valuetext={p.text}
      >
        <div style={{ width: `${fraction * 100}%` }} />
      </div>
      <p class="progress-text">{p.text}</p>
      {m.simulated.value && (
        <p class="small sim-note">
          <span class="badge sim">Simulated traffic</span> These impressions and clicks come from a simulation, not from real viewers. Use
          them to see how the test works.
        </p>
      )}
    </div>
  );
}
