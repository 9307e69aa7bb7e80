// The D1 row that lists a workflow for its team (the record's owner_id is the team id). The Durable Object keeps it in step with each
// transition; a copy that fails is marked in the object's storage (atomically with the
// transition) and retried by the object's index timer, so the list never stays stale.
import type { WorkflowRecord } from "../domain/workflow";
import { type Backoff, backoffDelay } from "../lib/retry";
import { requiredActionFor } from "../shared/contract";

const DIRTY_KEY = "index-dirty-at";
const LEGACY_DIRTY_KEY = "index-dirty";
/** How long after a failed copy the index timer tries again (fixed: the wait is read again at every alarm). */
export const INDEX_RETRY: Backoff = { kind: "fixed", delayMs: 10_000, jitter: 0 };

export async function insertIndexRow(db: D1Database, r: WorkflowRecord, createdBy: string | null = null): Promise<void> {
  await db
    .prepare(
      "INSERT INTO workflows (id, team_id, created_by, topic, status, requires_action, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(r.id, r.owner_id, createdBy, r.topic, r.status, requiredActionFor(r.status), r.created_at, r.updated_at)
    .run();
}

export class WorkflowIndex {
  constructor(
    private readonly kv: DurableObjectStorage["kv"],
    private readonly db: () => D1Database,
  ) {}

  /** Synchronous, so the mark commits in the same storage transaction as the transition. */
  markDirty(at: number): void {
    this.kv.put(DIRTY_KEY, at);
  }

  /** When the index timer should retry, or null when the index is in step. */
  retryAt(): number | null {
    const at = this.kv.get<number>(DIRTY_KEY);
    if (at !== undefined) return at + backoffDelay(INDEX_RETRY, 1)!;
    // The mark an earlier version left (a boolean): retry at once.
    return this.kv.get(LEGACY_DIRTY_KEY) ? 0 : null;
  }

  /** Copies the status to D1 if the last copy did not land. */
  async sync(record: WorkflowRecord | null, current: () => WorkflowRecord | null): Promise<void> {
    if (!record || (this.kv.get(DIRTY_KEY) === undefined && !this.kv.get(LEGACY_DIRTY_KEY))) return;
    await this.db()
      // Never older over newer: a retry that lands after a later transition's copy changes nothing.
      .prepare("UPDATE workflows SET status = ?, requires_action = ?, updated_at = ? WHERE id = ? AND updated_at <= ?")
      .bind(record.status, requiredActionFor(record.status), record.updated_at, record.id, record.updated_at)
      .run();
    // A transition that landed meanwhile has marked the index again; leave its mark.
    if (current() === record) {
      this.kv.delete(DIRTY_KEY);
      this.kv.delete(LEGACY_DIRTY_KEY);
    }
  }
}
