// Everything a creator does to a workflow, as actions on its model. Each action posts, applies
// the answer, and leaves one message (notice) or one error (actionError) for the screen.
import { signal, type Signal } from "@preact/signals";
import { api, apiFetch, ApiError } from "../api/client";
import type { Results, Script, WorkflowState } from "../api/types";

export type ExportFormat = "json" | "markdown";
export type ScriptEdit = Partial<Pick<Script, "title" | "hook" | "body" | "outline" | "call_to_action">>;

interface Deps {
  workflow: Signal<WorkflowState | null>;
  accept: (wf: WorkflowState) => void;
  resync: () => Promise<void>;
  results: Signal<Results | null>;
  resultsError: Signal<string | null>;
  ending: { byCreator: boolean };
}

const newestRevision = (wf: WorkflowState) => Math.max(0, ...wf.script_revisions.map((r) => r.revision));

function fileName(res: Response, fallback: string) {
  const m = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(res.headers.get("Content-Disposition") ?? "");
  return m ? decodeURIComponent(m[1]) : fallback;
}

export function workflowActions(id: string, d: Deps) {
  const busy = signal<string | null>(null);
  const actionError = signal<unknown>(null);
  const notice = signal<string | null>(null);

  const run = async (name: string, call: () => Promise<WorkflowState>, done?: (wf: WorkflowState) => string) => {
    busy.value = name;
    actionError.value = null;
    notice.value = null;
    try {
      const wf = await call();
      d.accept(wf);
      notice.value = done?.(wf) ?? null;
      return true;
    } catch (e) {
      actionError.value = e;
      // 409 means the workflow moved on elsewhere (another tab, the engine): show where it is now.
      if (e instanceof ApiError && e.status === 409) await d.resync().catch(() => {});
      return false;
    } finally {
      busy.value = null;
    }
  };
  const post = (path: string, body?: unknown) => () => api<WorkflowState>("POST", `/workflows/${id}/${path}`, body);

  return {
    busy,
    actionError,
    notice,
    approve: (scriptId: string) => run("approve", post("approve", { action: "approve", script_id: scriptId })),
    reject: (feedback: string) =>
      run("reject", post("approve", { action: "reject", ...(feedback.trim() ? { feedback: feedback.trim() } : {}) }), (wf) =>
        feedback.trim()
          ? `Revision ${newestRevision(wf)} is ready. See below what the writer did with your feedback.`
          : `Revision ${newestRevision(wf)} is ready.`,
      ),
    editScript: (scriptId: string, edit: ScriptEdit) =>
      run(
        "edit",
        post("edit-script", { script_id: scriptId, ...edit }),
        (wf) => `Your edit is saved as revision ${newestRevision(wf)}. Approve it when it reads right.`,
      ),
    /** The real chapter times after recording, as a pasted list ("0:00 Intro" per line); the package updates. */
    async setChapters(text: string) {
      const ok = await run("chapters", post("chapters", text.trim() ? { text } : { reset: true }), () =>
        text.trim() ? "Your chapter times are in the package." : "The package uses the estimated times again.",
      );
      if (ok) await this.loadResults();
      return ok;
    },
    /** `options`: how the test runs (analytics_source, and the rotation's settings for "youtube"). */
    selectThumbnail: (thumbnailId: string, options: object = {}) =>
      run("select", post("select-thumbnail", { ...options, thumbnail_id: thumbnailId })),
    regenerateThumbnail: (thumbnailId: string, useMyFace = false) =>
      run(
        `regenerate:${thumbnailId}`,
        post(`thumbnails/${thumbnailId}/regenerate`, useMyFace ? { use_my_face: true } : {}),
        () => "A new version of that thumbnail is ready.",
      ),
    uploadThumbnail: (thumbnailId: string, file: Blob) =>
      run(
        `upload:${thumbnailId}`,
        async () =>
          (
            await apiFetch(`/workflows/${id}/thumbnails/${thumbnailId}/upload`, {
              method: "POST",
              body: file,
              headers: { "Content-Type": file.type },
            })
          ).json(),
        () => "Your image replaces that thumbnail in the test.",
      ),
    declareWinner(thumbnailId: string) {
      d.ending.byCreator = true;
      return run("declare", post("declare-winner", { thumbnail_id: thumbnailId }));
    },
    stopTest() {
      d.ending.byCreator = true;
      return run("stop", post("stop-test"));
    },
    clearError() {
      actionError.value = null;
    },
    async loadResults() {
      d.resultsError.value = null;
      try {
        d.results.value = await api<Results>("GET", `/workflows/${id}/results`);
      } catch (e) {
        d.resultsError.value = (e as Error).message;
      }
    },
    /** Fetches the export with the bearer token (a plain link could not send it). */
    async fetchExport(format: ExportFormat) {
      const res = await apiFetch(`/workflows/${id}/export?format=${format}`);
      const name = fileName(res, `workflow-${id}.${format === "json" ? "json" : "md"}`);
      return { name, text: await res.text(), type: res.headers.get("Content-Type") ?? "text/plain" };
    },
    /** Every look at full resolution, for a spreadsheet. */
    async fetchHistoryCsv() {
      const res = await apiFetch(`/workflows/${id}/ab-history.csv`);
      return { name: fileName(res, `ab-history-${id}.csv`), text: await res.text(), type: "text/csv" };
    },
  };
}
