// One workflow on screen: its state, history and live channel, and every action a creator takes on it.
import { createModel, signal, computed, effect } from "@preact/signals";
import type { AbHistory, LiveMessage, Results, WorkflowState } from "../../../worker/shared/contract";
import { api, apiFetch, ApiError } from "../api/client";
import { openLive, type LiveState } from "../api/live";
import { chartColumns, isTerminal, withPoint } from "./derive";
import type { Session } from "./session";

/** Keeps points that arrived live after the fetched history was cut, so none blink away. */
function mergeHistory(fetched: AbHistory, current: AbHistory | null): AbHistory {
  const last = fetched.points.at(-1)?.t ?? -Infinity;
  const newer = current?.points.filter((p) => p.t > last) ?? [];
  return newer.length ? { ...fetched, points: [...fetched.points, ...newer] } : fetched;
}

export type ExportFormat = "json" | "markdown";

export const WorkflowModel = createModel((id: string, session: Session) => {
  const workflow = signal<WorkflowState | null>(null);
  const loadError = signal<string | null>(null);
  const notFound = signal(false);
  const history = signal<AbHistory | null>(null);
  const live = signal<LiveState>("connecting");
  const busy = signal<string | null>(null);
  const actionError = signal<unknown>(null);
  const notice = signal<string | null>(null);
  /** Set when the engine (not the creator) ended the test while the page was open. */
  const engineEnded = signal(false);
  const results = signal<Results | null>(null);
  const resultsError = signal<string | null>(null);
  const exportNote = signal<string | null>(null);
  let creatorEnding = false;

  const ab = computed(() => workflow.value?.ab_test ?? null);
  const active = computed(() => !!workflow.value && !isTerminal(workflow.value.status));
  const chart = computed(() => (history.value && ab.value ? chartColumns(history.value, ab.value) : null));

  /** Applies a state unless it is older than what is shown: a slow fetch must not undo a live push. */
  const accept = (next: WorkflowState) => {
    const cur = workflow.peek();
    if (cur && Date.parse(next.updated_at) < Date.parse(cur.updated_at)) return;
    if (cur?.status === next.status && (next.ab_test?.polls ?? 0) < (cur.ab_test?.polls ?? 0)) return;
    if (cur?.status === "ab_testing" && next.status === "completed" && !creatorEnding) engineEnded.value = true;
    workflow.value = next;
    // A test that starts while the page is open: seed the history so live points have a home.
    if (next.status === "ab_testing" && next.ab_test && !history.peek()) {
      history.value = { variant_ids: next.ab_test.variants.map((v) => v.thumbnail_id), points: [] };
      void loadHistory().catch(() => {});
    }
  };

  const loadHistory = async () => {
    history.value = mergeHistory(await api<AbHistory>("GET", `/workflows/${id}/ab-history`), history.peek());
  };

  const resync = async () => {
    const wf = await api<WorkflowState>("GET", `/workflows/${id}/status`);
    accept(wf);
    if (wf.status === "ab_testing" || engineEnded.peek()) await loadHistory();
  };

  const onMessage = (msg: LiveMessage) => {
    if (msg.type === "state") return accept(msg.workflow);
    const cur = workflow.peek();
    if (!cur || (cur.ab_test && msg.ab_test.polls < cur.ab_test.polls)) return;
    workflow.value = { ...cur, ab_test: msg.ab_test };
    history.value = withPoint(history.peek(), msg.point);
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

  const run = async (name: string, call: () => Promise<WorkflowState>, done?: string) => {
    busy.value = name;
    actionError.value = null;
    notice.value = null;
    try {
      accept(await call());
      notice.value = done ?? null;
      return true;
    } catch (e) {
      actionError.value = e;
      // 409 means the workflow moved on elsewhere (another tab, the engine): show where it is now.
      if (e instanceof ApiError && e.status === 409) await resync().catch(() => {});
      return false;
    } finally {
      busy.value = null;
    }
  };
  const post = (path: string, body?: unknown) => () => api<WorkflowState>("POST", `/workflows/${id}/${path}`, body);

  return {
    workflow,
    loadError,
    notFound,
    history,
    live,
    busy,
    actionError,
    notice,
    engineEnded,
    results,
    resultsError,
    exportNote,
    ab,
    chart,
    async load() {
      loadError.value = null;
      try {
        await resync();
      } catch (e) {
        if (e instanceof ApiError && e.status === 404) notFound.value = true;
        else loadError.value = (e as Error).message;
      }
    },
    approve: (scriptId: string) => run("approve", post("approve", { action: "approve", script_id: scriptId })),
    reject: (feedback: string) =>
      run(
        "reject",
        post("approve", { action: "reject", ...(feedback.trim() ? { feedback: feedback.trim() } : {}) }),
        "New scripts are ready, written with your feedback.",
      ),
    selectThumbnail: (thumbnailId: string) => run("select", post("select-thumbnail", { thumbnail_id: thumbnailId })),
    declareWinner(thumbnailId: string) {
      creatorEnding = true;
      return run("declare", post("declare-winner", { thumbnail_id: thumbnailId }));
    },
    stopTest() {
      creatorEnding = true;
      return run("stop", post("stop-test"));
    },
    clearError() {
      actionError.value = null;
    },
    dismissEngineEnded() {
      engineEnded.value = false;
    },
    async loadResults() {
      resultsError.value = null;
      try {
        results.value = await api<Results>("GET", `/workflows/${id}/results`);
      } catch (e) {
        resultsError.value = (e as Error).message;
      }
    },
    /** Fetches the export with the bearer token (a plain link could not send it). */
    async fetchExport(format: ExportFormat) {
      const res = await apiFetch(`/workflows/${id}/export?format=${format}`);
      const cd = res.headers.get("Content-Disposition") ?? "";
      const m = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(cd);
      const name = m ? decodeURIComponent(m[1]) : `workflow-${id}.${format === "json" ? "json" : "md"}`;
      return { name, text: await res.text(), type: res.headers.get("Content-Type") ?? "text/plain" };
    },
  };
});
export type Workflow = InstanceType<typeof WorkflowModel>;
