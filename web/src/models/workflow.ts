// One workflow on screen: its state, history and live channel, the rules the screens show
// (leader, winner, threshold, labels, status line, progress) as computed values, and the
// actions a creator takes on it (workflow-actions.ts).
import { computed, createModel, effect, signal } from "@preact/signals";
import { api, ApiError } from "../api/client";
import { openLive, type LiveState } from "../api/live";
import type { AbHistory, LiveMessage, Results, TeamRole, WorkflowState, WorkflowStatusView } from "../api/types";
import { leaderOf, progressOf, statusLine, thresholdOf, winnerOf } from "./ab-view";
import { chartColumns, withPoint } from "./derive";
import { isTerminal, STYLE_LABEL, variantLabel } from "./labels";
import type { Session } from "./session";
import { workflowActions } from "./workflow-actions";

/**
 * The server downsamples the history to a few hundred points (its default keeps the answer under
 * 64 KB) with the interval envelope and the last point exact; a page left open re-fetches it once
 * live points pile up to this many.
 */
const REFETCH_AT = 1000;

/** Keeps points that arrived live after the fetched history was cut, so none blink away. */
function mergeHistory(fetched: AbHistory, current: AbHistory | null): AbHistory {
  const last = fetched.points.at(-1)?.t ?? -Infinity;
  const newer = current?.points.filter((p) => p.t > last) ?? [];
  return newer.length ? { ...fetched, points: [...fetched.points, ...newer] } : fetched;
}

export const WorkflowModel = createModel((id: string, session: Session) => {
  const workflow = signal<WorkflowState | null>(null);
  const loadError = signal<string | null>(null);
  const notFound = signal(false);
  const history = signal<AbHistory | null>(null);
  const live = signal<LiveState>("connecting");
  /** Set when the engine (not the creator) ended the test while the page was open. */
  const engineEnded = signal(false);
  const results = signal<Results | null>(null);
  const resultsError = signal<string | null>(null);
  const now = signal(Date.now());
  const ending = { byCreator: false };
  /** The caller's role in the workflow's team (GET status says; actions and live pushes do not repeat it). */
  const role = signal<TeamRole>("owner");
  const canEdit = computed(() => role.value !== "viewer");

  const ab = computed(() => workflow.value?.ab_test ?? null);
  const active = computed(() => !!workflow.value && !isTerminal(workflow.value.status));
  /** Every thumbnail's label in words: the server's table when the test sends it, else the shared one. */
  const labels = computed(() => {
    const out: Record<string, string> = {};
    for (const t of workflow.value?.thumbnails ?? []) out[t.id] = variantLabel(ab.value, t.id, t.style) || STYLE_LABEL[t.style];
    return out;
  });
  const labelOf = (tid: string | null) => (tid ? (labels.value[tid] ?? variantLabel(ab.value, tid)) : "");
  const threshold = computed(() => (ab.value ? thresholdOf(ab.value) : 0.95));
  const leader = computed(() => (ab.value ? leaderOf(ab.value) : null));
  const winner = computed(() => (ab.value ? winnerOf(ab.value) : null));
  const summary = computed(() => (ab.value ? statusLine(ab.value) : null));
  const progress = computed(() => (ab.value ? progressOf(ab.value, now.value) : null));
  const simulated = computed(() => ab.value?.analytics_source === "simulated");
  const chart = computed(() => (history.value && ab.value ? chartColumns(history.value, ab.value, labelOf) : null));

  /** Applies a state unless it is older than what is shown: a slow fetch must not undo a live push. */
  const accept = (next: WorkflowState) => {
    const cur = workflow.peek();
    if (cur && Date.parse(next.updated_at) < Date.parse(cur.updated_at)) return;
    if (cur?.status === next.status && (next.ab_test?.polls ?? 0) < (cur.ab_test?.polls ?? 0)) return;
    if (cur?.status === "ab_testing" && next.status === "completed" && !ending.byCreator) engineEnded.value = true;
    workflow.value = next;
    // A test that starts while the page is open: seed the history so live points have a home.
    if (next.status === "ab_testing" && next.ab_test && !history.peek()) {
      history.value = { variant_ids: next.ab_test.variants.map((v) => v.thumbnail_id), points: [], total_points: 0 };
      void loadHistory().catch(() => {});
    }
  };

  const loadHistory = async () => {
    const fetched = await api<AbHistory>("GET", `/workflows/${id}/ab-history`);
    history.value = mergeHistory(fetched, history.peek());
  };

  const resync = async () => {
    const wf = await api<WorkflowStatusView>("GET", `/workflows/${id}/status`);
    role.value = wf.your_role;
    accept(wf);
    if (wf.status === "ab_testing" || engineEnded.peek()) await loadHistory();
  };

  const onMessage = (msg: LiveMessage) => {
    if (msg.type === "state") return accept(msg.workflow);
    const cur = workflow.peek();
    if (!cur || (cur.ab_test && msg.ab_test.polls < cur.ab_test.polls)) return;
    workflow.value = { ...cur, ab_test: msg.ab_test };
    history.value = withPoint(history.peek(), msg.point);
    // A page left open for hours: thin the history again from the server, which downsamples.
    if (history.peek()?.total_points !== undefined && history.peek()!.points.length > REFETCH_AT) void loadHistory().catch(() => {});
  };

  // One channel for as long as the workflow can still change; transitions don't reopen it.
  effect(() => {
    if (!active.value) return;
    return openLive({
      workflowId: id,
      token: () => session.session.peek()?.token ?? null,
      onMessage,
      resync,
      onState: (s) => (live.value = s),
      onUnauthorized: session.expire,
      onGone: () => (notFound.value = true),
    });
  });
  // The clock for elapsed time, time left and the estimate; it stops when nothing can change.
  effect(() => {
    if (!active.value) return;
    const t = setInterval(() => (now.value = Date.now()), 1000);
    return () => clearInterval(t);
  });

  const actions = workflowActions(id, { workflow, accept, resync, results, resultsError, ending });

  return {
    workflow,
    role,
    canEdit,
    loadError,
    notFound,
    history,
    live,
    engineEnded,
    results,
    resultsError,
    now,
    ab,
    labels,
    labelOf,
    threshold,
    leader,
    winner,
    summary,
    progress,
    simulated,
    chart,
    ...actions,
    async load() {
      loadError.value = null;
      try {
        await resync();
      } catch (e) {
        if (e instanceof ApiError && e.status === 404) notFound.value = true;
        else loadError.value = (e as Error).message;
      }
    },
    dismissEngineEnded() {
      engineEnded.value = false;
    },
  };
});
export type Workflow = InstanceType<typeof WorkflowModel>;
