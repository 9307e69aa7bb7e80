// The dashboard: the new-workflow form (folded away once workflows exist), the paged,
// filterable list, and whether the service can be reached at all.
import { computed, createModel, effect, signal } from "@preact/signals";
import { api, apiFetch, errorText } from "../api/client";
import type { StartWorkflowRequest, WorkflowList, WorkflowStatus } from "../api/types";
import type { Router } from "./router";

export const PAGE_SIZE = 10;

export const DashboardModel = createModel((router: Router) => {
  const healthError = signal<string | null>(null);
  const list = signal<WorkflowList | null>(null);
  const listError = signal<string | null>(null);
  const listLoading = signal(false);
  const filter = signal<WorkflowStatus | "">((router.query.peek().get("status") as WorkflowStatus) || "");
  /** Cursors of the pages before this one, so "Previous" works with a forward-only API. */
  const cursors = signal<(string | null)[]>([]);
  const cursor = signal<string | null>(null);
  const creating = signal(false);
  const createdAt = signal(0);
  const createError = signal<unknown>(null);
  /** The creator opened the folded form by hand. */
  const formOpened = signal(false);
  const now = signal(Date.now());

  /** A first page without filter and without items: this creator has no workflows yet. */
  const firstVisit = computed(() => !!list.value && list.value.items.length === 0 && !filter.value && !cursors.value.length);
  const formOpen = computed(() => firstVisit.value || formOpened.value || creating.value);

  // Relative dates ("5 min ago") stay true while the page is open.
  effect(() => {
    const t = setInterval(() => (now.value = Date.now()), 30_000);
    return () => clearInterval(t);
  });

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
    healthError,
    list,
    listError,
    listLoading,
    filter,
    cursors,
    creating,
    createdAt,
    createError,
    formOpen,
    formOpened,
    firstVisit,
    now,
    /** Silent when the service answers; only a failure is worth the creator's attention. */
    async loadHealth() {
      healthError.value = null;
      try {
        await api("GET", "/health");
      } catch (e) {
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
    /**
     * Asks for an asynchronous start (202 with the id; progress arrives on the live channel), so
     * the workflow page shows each step. A server without it answers 201 after generating.
     */
    async create(req: StartWorkflowRequest) {
      creating.value = true;
      createdAt.value = Date.now();
      createError.value = null;
      try {
        const res = await apiFetch("/workflows/start", { method: "POST", body: JSON.stringify(req), headers: { Prefer: "respond-async" } });
        const wf = (await res.json()) as { id: string };
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
