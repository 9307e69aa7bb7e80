// The creator's workflows: what needs them, and how each test is doing, newest first.
import { apiAsset } from "../../api/client";
import type { WorkflowStatus, WorkflowSummary } from "../../api/types";
import { duration, pct, relativeTime } from "../../models/format";
import { ALL_STATUSES, FILTER_LABEL, needsYou } from "../../models/labels";
import { previewSrc } from "../../models/previews";
import { Alert, Link, Loading, StatusBadge } from "../ui";
import { useDashboard } from "./context";

function Row({ w, now }: { w: WorkflowSummary; now: number }) {
  const p = w.preview;
  const facts = p && [
    p.status_text ?? (p.leader_label && `${p.leader_label} leads`),
    p.leader_ctr != null && `${pct(p.leader_ctr)} CTR`,
    p.time_to_result_seconds != null && `result in ${duration(p.time_to_result_seconds)}`,
    p.analytics_source === "simulated" && "simulated traffic",
  ];
  return (
    <li class="wf-row">
      {p?.thumbnail_url && <img src={apiAsset(previewSrc(p.thumbnail_url, 168))} alt="" width={120} height={68} loading="lazy" />}
      <div class="wf-main">
        <Link href={`/workflows/${w.id}`}>{w.topic}</Link>
        <span class="meta">
          <StatusBadge status={w.status} />
          {needsYou(w.requires_action) && <span class="badge needs">Needs you</span>}
          <time dateTime={w.updated_at} title={new Date(w.updated_at).toLocaleString()}>
            updated {relativeTime(w.updated_at, now)}
          </time>
        </span>
        {facts && <span class="facts">{facts.filter(Boolean).join(" · ")}</span>}
      </div>
    </li>
  );
}

export function WorkflowRows() {
  const m = useDashboard();
  const list = m.list.value;
  return (
    <section class="card" aria-labelledby="wf-title" aria-busy={m.listLoading.value}>
      <div class="list-head">
        <h2 id="wf-title">Your workflows</h2>
        <label>
          Show{" "}
          <select value={m.filter.value} onChange={(e) => m.setFilter(e.currentTarget.value as WorkflowStatus | "")}>
            <option value="">All workflows</option>
            {ALL_STATUSES.map((s) => (
              <option key={s} value={s}>
                {FILTER_LABEL[s]}
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
            <Row key={w.id} w={w} now={m.now.value} />
          ))}
        </ul>
      )}
      {(m.cursors.value.length > 0 || list?.next_cursor) && (
        <nav class="pager" aria-label="Pages">
          <button type="button" disabled={!m.cursors.value.length || m.listLoading.value} onClick={() => m.prevPage()}>
            ← Previous
          </button>
          <button type="button" disabled={!list?.next_cursor || m.listLoading.value} onClick={() => m.nextPage()}>
            Next →
          </button>
        </nav>
      )}
    </section>
  );
}
