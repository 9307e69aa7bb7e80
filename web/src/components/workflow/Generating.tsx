// While the agent works: which step is running, how long it usually takes, and how long so far.
import type { WorkflowStatus } from "../../api/types";
import { useWorkflow } from "../../models/context";
import { clock, roughly } from "../../models/format";

const STEPS: { status: WorkflowStatus; name: string }[] = [
  { status: "researching_trends", name: "finding trends" },
  { status: "generating_scripts", name: "writing scripts" },
  { status: "generating_thumbnails", name: "drawing thumbnails" },
];
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function Generating() {
  const m = useWorkflow();
  const wf = m.workflow.value!;
  const thumbs = wf.status === "generating_thumbnails";
  const steps = thumbs ? STEPS.slice(2) : STEPS.slice(0, 2);
  const at = steps.findIndex((s) => s.status === wf.status);
  const running = wf.step?.name ?? steps[Math.max(0, at)].name;
  const since = (m.now.value - Date.parse(wf.updated_at)) / 1000;
  const typical = wf.step?.typical_seconds;
  return (
    <section class="card generating" aria-labelledby="gen-title">
      <h2 id="gen-title">{cap(running)}…</h2>
      <ol class="gen-steps">
        {steps.map((s, i) => (
          <li key={s.status} class={i < at ? "done" : i === at ? "now" : ""} aria-current={i === at ? "step" : undefined}>
            {i === at && <span class="spinner" aria-hidden="true" />}
            {cap(s.name)}
            {i < at && " (done)"}
          </li>
        ))}
      </ol>
      <p role="status">
        {typical ? `This step usually takes ${roughly(typical)}` : "This usually takes under a minute"}; {clock(since)} so far.
      </p>
      <p class="muted small">You can leave this page: the work carries on, and your dashboard shows when it needs you.</p>
    </section>
  );
}
