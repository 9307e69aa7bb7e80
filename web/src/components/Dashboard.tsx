// Dashboard: API health, a new workflow, and the creator's workflows with filter and paging.
import { useModel, useSignal } from "@preact/signals";
import { createContext } from "preact";
import { useContext, useEffect } from "preact/hooks";
import type { WorkflowStatus } from "../../../worker/shared/contract";
import { fieldErrors, focusFirstInvalid } from "../api/client";
import { useApp } from "../models/context";
import { DashboardModel, type Dashboard as DashboardT } from "../models/dashboard";
import { ALL_STATUSES, needsYou, STATUS_LABEL } from "../models/derive";
import { Alert, Field, Link, Loading, StatusBadge, useTitle } from "./ui";

const FIELDS = ["topic", "niche", "audience", "tone"] as const;
const DashboardContext = createContext<DashboardT>(null!);
const useDashboard = () => useContext(DashboardContext);

function Health() {
  const m = useDashboard();
  const h = m.health.value;
  const err = m.healthError.value;
  return (
    <p class="health" role="status">
      <span class={`dot ${h?.status === "ok" ? "ok" : err ? "bad" : ""}`} aria-hidden="true" />
      {h ? `API ${h.status === "ok" ? "healthy" : String(h.status)}` : err ? `API unreachable: ${err}` : "Checking API…"}
      {err && (
        <button class="link" type="button" onClick={() => m.loadHealth()}>
          Retry
        </button>
      )}
    </p>
  );
}

function NewWorkflow() {
  const m = useDashboard();
  const topicError = useSignal<string | undefined>(undefined);
  const onSubmit = (e: SubmitEvent) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const v = (k: string) => String(data.get(k) ?? "").trim();
    topicError.value = v("topic").length < 3 ? "Give a topic of at least 3 characters." : undefined;
    if (topicError.value) return focusFirstInvalid(form);
    const opt = (k: string) => (v(k) ? { [k]: v(k) } : {});
    void m.create({ topic: v("topic"), ...opt("niche"), ...opt("audience"), ...opt("tone") }).then(() => focusFirstInvalid(form));
  };
  const errs = fieldErrors(m.createError.value, FIELDS);
  return (
    <form class="card new-wf" onSubmit={onSubmit} noValidate aria-labelledby="new-wf-title">
      <h2 id="new-wf-title">New workflow</h2>
      <Field
        label="Topic"
        name="topic"
        required
        maxLength={200}
        error={topicError.value ?? errs.fields.topic}
        hint="What the video is about, e.g. “budget travel in Japan”."
      />
      <div class="row3">
        <Field label="Niche (optional)" name="niche" maxLength={100} error={errs.fields.niche} />
        <Field label="Audience (optional)" name="audience" maxLength={200} error={errs.fields.audience} />
        <Field label="Tone (optional)" name="tone" maxLength={50} list="tones" error={errs.fields.tone} />
      </div>
      <datalist id="tones">
        {["friendly", "energetic", "calm", "funny", "expert"].map((t) => (
          <option key={t} value={t} />
        ))}
      </datalist>
      {errs.form && <Alert>{errs.form}</Alert>}
      <button class="primary" type="submit" disabled={m.creating.value}>
        {m.creating.value ? "Researching trends and writing scripts…" : "Start workflow"}
      </button>
    </form>
  );
}

function WorkflowList() {
  const m = useDashboard();
  const list = m.list.value;
  return (
    <section class="card" aria-labelledby="wf-title" aria-busy={m.listLoading.value}>
      <div class="list-head">
        <h2 id="wf-title">Your workflows</h2>
        <label>
          Status{" "}
          <select value={m.filter.value} onChange={(e) => m.setFilter(e.currentTarget.value as WorkflowStatus | "")}>
            <option value="">All</option>
            {ALL_STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABEL[s]}
              </option>
            ))}
          </select>
        </label>
      </div>
      {m.listError.value && (
        <Alert>
          {m.listError.value}{" "}
          <button class="link" type="button" onClick={() => m.loadList()}>
            Try again
          </button>
        </Alert>
      )}
      {!list && !m.listError.value && <Loading label="Loading your workflows…" />}
      {list && list.items.length === 0 && (
        <p class="empty">{m.filter.value ? "No workflows with this status." : "No workflows yet. Start one above."}</p>
      )}
      {list && list.items.length > 0 && (
        <ul class="wf-list">
          {list.items.map((w) => (
            <li key={w.id}>
              <Link href={`/workflows/${w.id}`}>{w.topic}</Link>
              <span class="meta">
                <StatusBadge status={w.status} />
                {needsYou(w.requires_action) && <span class="badge needs">Needs you</span>}
                <time dateTime={w.updated_at}>{new Date(w.updated_at).toLocaleString()}</time>
              </span>
            </li>
          ))}
        </ul>
      )}
      <nav class="pager" aria-label="Pages">
        <button type="button" disabled={!m.cursors.value.length || m.listLoading.value} onClick={() => m.prevPage()}>
          ← Previous
        </button>
        <button type="button" disabled={!list?.next_cursor || m.listLoading.value} onClick={() => m.nextPage()}>
          Next →
        </button>
      </nav>
    </section>
  );
}

export function Dashboard() {
  const { router } = useApp();
  const m = useModel(() => new DashboardModel(router));
  useTitle("Dashboard");
  useEffect(() => {
    void m.loadHealth();
    void m.loadList();
  }, []);
  return (
    <DashboardContext.Provider value={m}>
      <div class="page-head">
        <h1 tabIndex={-1}>Dashboard</h1>
        <Health />
      </div>
      <NewWorkflow />
      <WorkflowList />
    </DashboardContext.Provider>
  );
}
