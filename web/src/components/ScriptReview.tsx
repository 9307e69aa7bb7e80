// Script review: the variants side by side; approve one, or reject with feedback for a rewrite.
import { useSignal } from "@preact/signals";
import type { Script, ScriptRevision, UsageTotals } from "../../../worker/shared/contract";
import { fieldErrors } from "../api/client";
import { useWorkflow } from "../models/context";
import { duration } from "../models/derive";
import { Alert, Field } from "./ui";

function ScriptCard({
  script,
  choosable,
  chosen,
  onChoose,
}: {
  script: Script;
  choosable: boolean;
  chosen: boolean;
  onChoose: () => void;
}) {
  const titleId = `s-${script.id}`;
  return (
    <article class={`card script${chosen ? " chosen" : ""}`} aria-labelledby={titleId}>
      <h3 id={titleId}>{script.title}</h3>
      {script.angle && <p class="angle">{script.angle}</p>}
      <dl>
        <dt>Hook</dt>
        <dd class="hook">{script.hook}</dd>
        <dt>Body</dt>
        <dd>{script.body ? script.body.split(/\n{2,}/).map((p, i) => <p key={i}>{p}</p>) : null}</dd>
        {script.outline.length > 0 && (
          <>
            <dt>Outline</dt>
            <dd>
              <ol>
                {script.outline.map((o, i) => (
                  <li key={i}>{o}</li>
                ))}
              </ol>
            </dd>
          </>
        )}
        <dt>Call to action</dt>
        <dd>{script.call_to_action}</dd>
        <dt>Duration</dt>
        <dd>about {duration(script.estimated_duration_seconds)}</dd>
      </dl>
      {choosable && (
        <label class="choose">
          <input type="radio" name="script" value={script.id} checked={chosen} onChange={onChoose} />
          Choose this script
        </label>
      )}
    </article>
  );
}

/** Who wrote the scripts and what the LLM cost, so a fallback or a bill is never a surprise. */
function sourceLine(rev: ScriptRevision, total: UsageTotals | undefined): string {
  const writer = rev.fallback_reason ? `the offline writer (the LLM failed: ${rev.fallback_reason})` : rev.source;
  if (!total || total.calls === 0) return `Written by ${writer}.`;
  const tokens = (total.prompt_tokens + total.completion_tokens).toLocaleString("en-US");
  return `Written by ${writer}. LLM use so far: ${total.calls} call${total.calls === 1 ? "" : "s"}, ${tokens} tokens, about $${total.estimated_cost_usd.toFixed(4)}.`;
}

/** Earlier revisions are those whose scripts are not the ones currently on offer. */
function earlierRevisions(revisions: ScriptRevision[], current: Script[]) {
  const ids = new Set(current.map((s) => s.id));
  return revisions.filter((r) => !r.scripts.some((s) => ids.has(s.id))).sort((a, b) => b.revision - a.revision);
}

export function ScriptReview() {
  const m = useWorkflow();
  const wf = m.workflow.value!;
  const choice = useSignal("");
  const viewing = useSignal<number | null>(null);
  const feedback = useSignal("");
  const earlier = earlierRevisions(wf.script_revisions, wf.scripts);
  const currentRev = wf.script_revisions.find((r) => r.scripts.some((s) => s.id === wf.scripts[0]?.id));
  const shown = viewing.value === null ? null : earlier.find((r) => r.revision === viewing.value);
  const busy = m.busy.value;
  const errs = fieldErrors(m.actionError.value, ["feedback", "script_id"]);
  const chosen = wf.scripts.find((s) => s.id === choice.value);

  return (
    <section aria-labelledby="review-title">
      <h2 id="review-title">Review the scripts</h2>
      {wf.trends && <p class="muted">{wf.trends.summary}</p>}
      {earlier.length > 0 && (
        <div class="tabs" role="group" aria-label="Revisions">
          <button type="button" aria-pressed={viewing.value === null} onClick={() => (viewing.value = null)}>
            Current{currentRev ? ` (revision ${currentRev.revision})` : ""}
          </button>
          {earlier.map((r) => (
            <button key={r.revision} type="button" aria-pressed={viewing.value === r.revision} onClick={() => (viewing.value = r.revision)}>
              Revision {r.revision}
            </button>
          ))}
        </div>
      )}
      {currentRev?.feedback && !shown && <p class="muted">Rewritten after your feedback: “{currentRev.feedback}”</p>}
      {currentRev && !shown && <p class="muted small">{sourceLine(currentRev, wf.usage)}</p>}
      {shown ? (
        <>
          <Alert tone="info">
            You are looking at revision {shown.revision}, which you rejected. Only the current scripts can be approved.
            {shown.feedback && ` It was written after your feedback: “${shown.feedback}”.`}
          </Alert>
          <div class="scripts">
            {shown.scripts.map((s) => (
              <ScriptCard key={s.id} script={s} choosable={false} chosen={false} onChoose={() => {}} />
            ))}
          </div>
        </>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (chosen) void m.approve(chosen.id);
          }}
        >
          <fieldset class="scripts">
            <legend class="sr-only">Choose one script</legend>
            {wf.scripts.map((s) => (
              <ScriptCard key={s.id} script={s} choosable chosen={choice.value === s.id} onChoose={() => (choice.value = s.id)} />
            ))}
          </fieldset>
          {errs.fields.script_id && <Alert>{errs.fields.script_id}</Alert>}
          <button class="primary" type="submit" disabled={!chosen || !!busy}>
            {busy === "approve" ? "Approving and making thumbnails…" : chosen ? `Approve “${chosen.title}”` : "Choose a script to approve"}
          </button>
        </form>
      )}
      {!shown && (
        <form
          class="card reject"
          onSubmit={(e) => {
            e.preventDefault();
            void m.reject(feedback.value).then((ok) => {
              if (ok) {
                feedback.value = "";
                choice.value = "";
              }
            });
          }}
        >
          <h3>None of these?</h3>
          <Field
            as="textarea"
            label="What should change?"
            name="feedback"
            rows={3}
            maxLength={2000}
            value={feedback.value}
            onInput={(e: Event) => (feedback.value = (e.currentTarget as HTMLTextAreaElement).value)}
            hint="Optional. For example: shorter hook, more humour, aim at beginners."
            error={errs.fields.feedback}
          />
          <button type="submit" disabled={!!busy}>
            {busy === "reject" ? "Writing new scripts…" : "Reject and rewrite"}
          </button>
        </form>
      )}
      {errs.form && <Alert>{errs.form}</Alert>}
    </section>
  );
}
