// One workflow: loads it, keeps it live, and shows the screen for the step it is at.
import { useModel } from "@preact/signals";
import { useEffect } from "preact/hooks";
import type { WorkflowStatus } from "../api/types";
import { useApp, WorkflowContext } from "../models/context";
import { WorkflowModel } from "../models/workflow";
import { Results } from "./results/Results";
import { ScriptReview } from "./scripts/ScriptReview";
import { ThumbnailPick } from "./thumbnails/ThumbnailPick";
import { Alert, lazyScreen, Link, Loading, StatusBadge, useTitle } from "./ui";
import { Generating } from "./workflow/Generating";

import { Monitor } from "./monitor/Monitor";

// Who did what comes with the teams chunk, once there is something in it.
const Activity = lazyScreen(() => import("./teams/teams-screens").then((m) => m.Activity), "");

const STEPS: [string, WorkflowStatus[]][] = [
  ["Script", ["researching_trends", "generating_scripts", "awaiting_approval"]],
  ["Thumbnail", ["generating_thumbnails", "awaiting_thumbnail_selection"]],
  ["A/B test", ["ab_testing"]],
  ["Results", ["completed"]],
];

/** Four labelled steps on a wide screen; "Step 2 of 4: Thumbnail" on a phone. */
function Steps({ status }: { status: WorkflowStatus }) {
  const at = STEPS.findIndex(([, s]) => s.includes(status));
  if (at < 0) return null;
  return (
    <>
      <p class="steps-compact">
        Step {at + 1} of {STEPS.length}: <strong>{STEPS[at][0]}</strong>
      </p>
      <ol class="steps" aria-label="Progress">
        {STEPS.map(([label], i) => (
          <li key={label} class={i < at ? "done" : i === at ? "now" : ""} aria-current={i === at ? "step" : undefined}>
            {label}
          </li>
        ))}
      </ol>
    </>
  );
}

/** Keyed by id in App, so a different workflow always gets a fresh model and live channel. */
export function WorkflowPage({ id }: { id: string }) {
  const { session } = useApp();
  const m = useModel(() => new WorkflowModel(id, session));
  useEffect(() => {
    void m.load();
  }, []);
  const wf = m.workflow.value;
  useTitle(wf?.topic ?? "Workflow");
  // The heading appears once the workflow has loaded: that is where focus belongs (after creating one, too).
  useEffect(() => {
    if (wf) document.querySelector<HTMLElement>("main h1")?.focus({ preventScroll: true });
  }, [!!wf]);

  if (m.notFound.value)
    return (
      <section>
        <h1 tabIndex={-1}>Workflow not found</h1>
        <p>It may have been removed, or it belongs to another account.</p>
        <Link href="/">Back to your workflows</Link>
      </section>
    );
  if (m.loadError.value)
    return (
      <Alert>
        {m.loadError.value}{" "}
        <button class="link" type="button" onClick={() => m.load()}>
          Try again
        </button>
      </Alert>
    );
  if (!wf) return <Loading label="Opening the workflow…" />;

  const s = wf.status;
  let body;
  if (s === "awaiting_approval") body = <ScriptReview />;
  else if (s === "awaiting_thumbnail_selection") body = <ThumbnailPick />;
  else if (s === "ab_testing" || (s === "completed" && m.engineEnded.value)) body = <Monitor />;
  else if (s === "completed") body = <Results />;
  else if (s === "failed") body = <Alert>This workflow failed: {wf.error ?? "unknown error"}</Alert>;
  else body = <Generating />;

  return (
    <WorkflowContext.Provider value={m}>
      <p class="crumb">
        <Link href="/" class="back">
          ← All workflows
        </Link>
      </p>
      <div class="page-head">
        <h1 tabIndex={-1}>{wf.topic}</h1>
        <StatusBadge status={s} />
      </div>
      <Steps status={s} />
      {m.notice.value && <Alert tone="info">{m.notice.value}</Alert>}
      {!m.canEdit.value && <Alert tone="info">You are a viewer in this team: you follow this workflow, editors act on it.</Alert>}
      {(wf.notices ?? []).slice(-2).map((n, i) => (
        <Alert key={i} tone="info">
          {n}
        </Alert>
      ))}
      {body}
      {wf.activity.length > 0 && <Activity wf={wf} now={m.now.value} />}
    </WorkflowContext.Provider>
  );
}
