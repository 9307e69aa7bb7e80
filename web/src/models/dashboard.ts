// The dashboard: API health, the new-workflow form, and the paged, filterable list.
import { createModel, signal } from "@preact/signals";
import type { StartWorkflowRequest, WorkflowList, WorkflowState, WorkflowStatus } from "../../../worker/shared/contract";
import { api, errorText } from "../api/client";
import type { Router } from "./router";

export const PAGE_SIZE = 10;

export const DashboardModel = createModel((router: Router) => {
  const health = signal<{ status: string; [k: string]: unknown } | null>(null);
  const healthError = signal<string | null>(null);
  const list = signal<WorkflowList | null>(null);
  const listError = signal<string | null>(null);
  const listLoading = signal(false);
  const filter = signal<WorkflowStatus | "">((router.query.peek().get("status") as WorkflowStatus) || "");
  /** Cursors of the pages before this one, so "Previous" works with a forward-only API. */
  const cursors = signal<(string | null)[]>([]);
  const cursor = signal<string | null>(null);
  const creating = signal(false);
  const createError = signal<unknown>(null);

  const loadList = async () => {
    listLoading.value = true;
    listError.value = null;
    const q = new URLSearchParams({ limit: String(PAGE_SIZE) });
    if (cursor.peek()) q.set("cursor", cursor.peek()!);
    if (filter.peek()) q.set("status", filter.peek());
    try {
      list.value = await api<WorkflowList>("GET", `/workflows?${q}`);
    } catch (e) {
      listError.value = errorText(e);
    } finally {
      listLoading.value = false;
    }
  };

  return {
    health,
    healthError,
    list,
    listError,
    listLoading,
    filter,
    cursors,
    creating,
    createError,
    async loadHealth() {
      healthError.value = null;
      try {
        health.value = await api("GET", "/health");
      } catch (e) {
        health.value = null;
        healthError.value = errorText(e);
      }
    },
    loadList,
    setFilter(status: WorkflowStatus | "") {
      filter.value = status;
      cursor.value = null;
      cursors.value = [];
      router.navigate(status ? `/?status=${status}` : "/", true);
      return loadList();
    },
    nextPage() {
      if (!list.peek()?.next_cursor) return;
      cursors.value = [...cursors.peek(), cursor.peek()];
      cursor.value = list.peek()!.next_cursor;
      return loadList();
    },
    prevPage() {
      const stack = cursors.peek();
      if (!stack.length) return;
      cursor.value = stack.at(-1)!;
      cursors.value = stack.slice(0, -1);
      return loadList();
    },
    async create(req: StartWorkflowRequest) {
      creating.value = true;
      createError.value = null;
      try {
        const wf = await api<WorkflowState>("POST", "/workflows/start", req);
        router.navigate(`/workflows/${wf.id}`);
      } catch (e) {
        createError.value = e;
      } finally {
        creating.value = false;
      }
    },
  };
});
export type Dashboard = InstanceType<typeof DashboardModel>;
