// One workflow: loads it, keeps it live, and shows the screen for the gate it is waiting at.
import { useModel } from "@preact/signals";
import { useEffect } from "preact/hooks";
import type { WorkflowStatus } from "../../../worker/shared/contract";
import { useApp, WorkflowContext } from "../models/context";
import { WorkflowModel } from "../models/workflow";
import { lazyScreen } from "./lazy";
import { Results } from "./Results";
import { ScriptReview } from "./ScriptReview";
import { ThumbnailPick } from "./ThumbnailPick";
import { Alert, Link, Loading, StatusBadge, useTitle } from "./ui";

// uPlot and the monitor only load once a test is running.
const Monitor = lazyScreen(() => import("./Monitor").then((m) => m.Monitor), "Loading the test monitor…");

const STEPS: [string, WorkflowStatus[]][] = [
  ["Script", ["researching_trends", "generating_scripts", "awaiting_approval"]],
  ["Thumbnail", ["generating_thumbnails", "awaiting_thumbnail_selection"]],
  ["A/B test", ["ab_testing"]],
  ["Results", ["completed"]],
];

function Steps({ status }: { status: WorkflowStatus }) {
  const at = STEPS.findIndex(([, s]) => s.includes(status));
  return (
    <ol class="steps" aria-label="Progress">
      {STEPS.map(([label], i) => (
        <li key={label} class={i < at ? "done" : i === at ? "now" : ""} aria-current={i === at ? "step" : undefined}>
          {label}
        </li>
      ))}
    </ol>
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
  if (!wf) return <Loading label="Loading workflow…" />;

  const s = wf.status;
  let body;
  if (s === "awaiting_approval") body = <ScriptReview />;
  else if (s === "awaiting_thumbnail_selection") body = <ThumbnailPick />;
  else if (s === "ab_testing" || (s === "completed" && m.engineEnded.value)) body = <Monitor />;
  else if (s === "completed") body = <Results />;
  else if (s === "failed") body = <Alert>This workflow failed: {wf.error ?? "unknown error"}</Alert>;
  else body = <Loading label={`${s === "generating_thumbnails" ? "Making thumbnails" : "Working on your scripts"}…`} />;

  return (
    <WorkflowContext.Provider value={m}>
      <p class="crumb">
        <Link href="/">← All workflows</Link>
      </p>
      <div class="page-head">
        <h1 tabIndex={-1}>{wf.topic}</h1>
        <StatusBadge status={s} />
      </div>
      <Steps status={s} />
      {m.notice.value && <Alert tone="info">{m.notice.value}</Alert>}
      {(wf.notices ?? []).slice(-2).map((n, i) => (
        <Alert key={i} tone="info">
          {n}
        </Alert>
      ))}
      {body}
    </WorkflowContext.Provider>
  );
}
