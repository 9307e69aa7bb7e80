// The D1 row that lists a workflow for its owner; the Durable Object keeps it in step.
import type { WorkflowRecord } from "../domain/workflow";
import { requiredActionFor } from "../shared/contract";

export async function insertIndexRow(db: D1Database, r: WorkflowRecord): Promise<void> {
  await db
    .prepare("INSERT INTO workflows (id, user_id, topic, status, requires_action, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
    .bind(r.id, r.owner_id, r.topic, r.status, requiredActionFor(r.status), r.created_at, r.updated_at)
    .run();
}

export async function updateIndexRow(db: D1Database, r: WorkflowRecord): Promise<void> {
  await db
    .prepare("UPDATE workflows SET status = ?, requires_action = ?, updated_at = ? WHERE id = ?")
    .bind(r.status, requiredActionFor(r.status), r.updated_at, r.id)
    .run();
}
