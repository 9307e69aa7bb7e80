// About one revision: who wrote it, the feedback it answers, and what the writer did with it.
import type { ScriptRevision, UsageTotals } from "../../api/types";
import { writerName } from "../../models/labels";

function cost(total: UsageTotals | undefined) {
  if (!total || total.calls === 0) return "";
  const tokens = (total.prompt_tokens + total.completion_tokens).toLocaleString("en-US");
  return ` AI use so far: ${total.calls} call${total.calls === 1 ? "" : "s"}, ${tokens} tokens, about $${total.estimated_cost_usd.toFixed(4)}.`;
}

export function RevisionNotes({ rev, usage, editedFrom }: { rev: ScriptRevision; usage?: UsageTotals; editedFrom?: string }) {
  const applied = rev.feedback_applied ?? [];
  const notes = rev.feedback_notes ?? [];
  return (
    <div class="rev-notes">
      <p class="muted small">
        Written by {writerName(rev.source, rev.fallback_reason)}.{cost(usage)}
      </p>
      {editedFrom && <p class="small">Your edit of “{editedFrom}”.</p>}
      {rev.feedback && <p class="small">Your feedback: “{rev.feedback}”</p>}
      {applied.length + notes.length > 0 && (
        <div class="feedback-notes">
          <h3>What the writer did with your feedback</h3>
          <ul>
            {applied.map((n, i) => (
              <li key={`a${i}`}>{n}</li>
            ))}
            {notes.map((n, i) => (
              <li key={`n${i}`} class="not-applied">
                {n}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
