// Who approved, edited, picked, declared…: the workflow's record of its gates, newest first.
import { activityText } from "../../../../worker/shared/activity-words";
import type { WorkflowState } from "../../api/types";
import { relativeTime } from "../../models/format";

export function Activity({ wf, now }: { wf: WorkflowState; now: number }) {
  return (
    <section class="card activity" aria-labelledby="activity-title">
      <h2 id="activity-title">Who did what</h2>
      <ol>
        {[...wf.activity].reverse().map((e) => (
          <li key={e.at + e.action}>
            {activityText(e)}{" "}
            <time class="muted" dateTime={e.at}>
              {relativeTime(e.at, now)}
            </time>
          </li>
        ))}
      </ol>
    </section>
  );
}
