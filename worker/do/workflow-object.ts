// One Durable Object per workflow. It is deliberately thin: load the record, call the pure
// domain, persist, keep the D1 index in step, arm the alarm and tell open pages.
import { DurableObject } from "cloudflare:workers";
import {
  type AbTestRecord,
  finishTest,
  historyPoint,
  isRunning,
  nextWakeAt,
  recordLook,
  simulatedTotals,
  startTest,
  toAbStatus,
  validateDeclaredSplit,
  validatePushedTotals,
} from "../domain/ab-test";
import { abConfigFrom } from "../domain/config";
import { conflict } from "../domain/errors";
import { hashString } from "../domain/seed";
import { toResults, toWorkflowState } from "../domain/view";
import {
  type WorkflowRecord,
  allScripts,
  findCurrentScript,
  findThumbnail,
  moveTo,
  newWorkflow,
  afterInterruptedStep,
  requireRevisionRoom,
  requireStatus,
  withNotice,
  withScriptRevision,
  thumbnailsFromDesigns,
  withThumbnails,
  withTrends,
} from "../domain/workflow";
import type { Env } from "../env";
import { providersFor } from "../providers";
import { recordTokenUsage } from "../providers/token-usage";
import { abTestCompletedEvent, createWebhookOutbox, statusChangedEvent } from "../webhooks/emit";
import type { WebhookOutbox } from "../webhooks/storage-outbox";
import { offlineScriptWriter } from "../providers/offline-scripts";
import { offlineTrends } from "../providers/offline-trends";
import { renderThumbnailSvg, svgThumbnailDesigner } from "../providers/svg-thumbnails";
import type {
  AbHistory,
  AbStatus,
  ApproveRequest,
  MetricsPushRequest,
  Results,
  Script,
  SelectThumbnailRequest,
  StartWorkflowRequest,
  ThumbnailStyle,
  WorkflowState,
} from "../shared/contract";
import { NOT_FOUND, type Outcome, outcomeOf } from "./outcome";
import { AbHistoryTable } from "./ab-history";
import { LiveSockets } from "./live-sockets";
import { insertIndexRow, updateIndexRow } from "./workflow-index";

const RECORD_KEY = "workflow";
const HEADLINES_KEY = "thumbnail-headlines";
const INDEX_DIRTY_KEY = "index-dirty";
/** How long the alarm waits before retrying after a failure (D1 down, say). */
const RETRY_PAUSE_MS = 10_000;
const SCRIPT_VARIANTS = 3;
const STYLES: readonly ThumbnailStyle[] = ["FACE_FOCUSED", "PRODUCT_DEMO", "VIRAL"];

export class WorkflowObject extends DurableObject<Env> {
  private record: WorkflowRecord | null;
  /** Serialises every command and alarm, so racing requests see each other's results. */
  private queue: Promise<unknown> = Promise.resolve();
  private readonly live: LiveSockets;
  private readonly history: AbHistoryTable;
  /** Webhook events commit with the transition that caused them and are delivered from the alarm. */
  private readonly outbox: WebhookOutbox;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    // Nothing is written here: an id nobody created must not gain storage by being looked up.
    this.record = ctx.storage.kv.get<WorkflowRecord>(RECORD_KEY) ?? null;
    this.live = new LiveSockets(ctx, env, () => this.record);
    this.history = new AbHistoryTable(ctx.storage.sql);
    this.outbox = createWebhookOutbox(ctx.storage.kv, env);
    ctx.blockConcurrencyWhile(() => this.recoverAfterRestart(Date.now()));
  }

  // ---------- commands ----------

  create(ownerId: string, id: string, input: StartWorkflowRequest): Promise<Outcome<WorkflowState>> {
    return this.exclusive(() =>
      outcomeOf(async () => {
        if (this.record) throw conflict("This workflow already exists.");
        const now = Date.now();
        const created = newWorkflow(id, ownerId, input, now);
        await insertIndexRow(this.env.DB, created);
        await this.save(created);
        const record = await this.step(() => this.research(created));
        await this.armAlarm();
        return toWorkflowState(record);
      }),
    );
  }

  /** Trends, then the first scripts. */
  private async research(start: WorkflowRecord): Promise<WorkflowRecord> {
    let record = start;
    const providers = providersFor(this.env);
    const query = { topic: record.topic, niche: record.niche, audience: record.audience };
    let trends;
    try {
      trends = await providers.trends.research(query, new Date());
    } catch (err) {
      record = withNotice(record, `Trend research via ${providers.trends.name} failed (${reason(err)}); offline trends were used.`);
      trends = await offlineTrends.research(query, new Date());
    }
    record = withTrends(record, trends, Date.now());
    await this.save(record);
    return this.writeScripts(record, null);
  }

  view(ownerId: string): Promise<Outcome<WorkflowState>> {
    return this.read(ownerId, (r) => toWorkflowState(r));
  }

  decide(ownerId: string, body: ApproveRequest): Promise<Outcome<WorkflowState>> {
    return this.commandView(ownerId, async (record) => {
      requireStatus(record, "awaiting_approval", body.action === "approve" ? "approve a script" : "reject the scripts");
      if (body.action === "reject") {
        requireRevisionRoom(record);
        const working = moveTo(record, "generating_scripts", Date.now());
        await this.save(working);
        return this.step(() => this.writeScripts(working, body.feedback?.trim() || null));
      }
      const script = findCurrentScript(record, body.script_id);
      record = moveTo(record, "generating_thumbnails", Date.now());
      await this.save(record);
      return this.step(() => this.designThumbnails(record, script));
    });
  }

  private async designThumbnails(start: WorkflowRecord, script: Script): Promise<WorkflowRecord> {
    let record = start;
    const designer = providersFor(this.env).thumbnails;
    const request = { topic: record.topic, script, styles: STYLES };
    // A workflow must never stay stuck in generating_thumbnails: the embedded renderer stands in.
    const designs = await designer.design(request).catch(async (err: unknown) => {
      record = withNotice(record, `Thumbnails via ${designer.name} failed (${reason(err)}); the embedded SVG renderer was used.`);
      return svgThumbnailDesigner.design(request);
    });
    const { thumbnails, headlines } = thumbnailsFromDesigns(record.id, designs, () => crypto.randomUUID());
    this.ctx.storage.kv.put(HEADLINES_KEY, headlines);
    return withThumbnails(record, script.id, thumbnails, Date.now());
  }

  selectThumbnail(ownerId: string, body: SelectThumbnailRequest): Promise<Outcome<WorkflowState>> {
    return this.commandView(ownerId, async (record) => {
      requireStatus(record, "awaiting_thumbnail_selection", "select a thumbnail");
      const pick = findThumbnail(record, body.thumbnail_id);
      const now = Date.now();
      const config = abConfigFrom(this.env);
      const fixedSeed = this.env.AB_SEED ? Number(this.env.AB_SEED) : NaN;
      const seed = Number.isFinite(fixedSeed) ? hashString(`${fixedSeed}|${record.id}`) : crypto.getRandomValues(new Uint32Array(1))[0]!;
      const ab = startTest(record.thumbnails, pick.id, body.analytics_source, config, seed, now);
      return { ...moveTo(record, "ab_testing", now), selected_thumbnail_id: pick.id, ab };
    });
  }

  pushMetrics(ownerId: string, body: MetricsPushRequest): Promise<Outcome<AbStatus>> {
    return this.command(ownerId, async (record) => {
      if (!record.ab) throw conflict("No A/B test has started for this workflow.");
      const now = Date.now();
      const totals = validatePushedTotals(record.ab, body.variants, now);
      const ab = body.allocation ? { ...record.ab, allocation: validateDeclaredSplit(record.ab, body.allocation) } : record.ab;
      return this.applyLook(record, ab, () => totals, now);
    }).then((o) => (o.ok ? { ok: true, value: toAbStatus(o.value.ab!) } : o));
  }

  declareWinner(ownerId: string, thumbnailId: string): Promise<Outcome<WorkflowState>> {
    return this.endTest(ownerId, "manual", thumbnailId);
  }

  stopTest(ownerId: string): Promise<Outcome<WorkflowState>> {
    return this.endTest(ownerId, "stopped", null);
  }

  /**
   * Forgets the workflow (account deletion): every stored key, the history table, the alarm and
   * open sockets. Only the owner may; a foreign or unknown id answers false, like a 404.
   */
  purge(ownerId: string): Promise<boolean> {
    return this.exclusive(async () => {
      if (!this.record || this.record.owner_id !== ownerId) return false;
      for (const ws of this.ctx.getWebSockets()) ws.close(4404, "workflow deleted");
      await this.ctx.storage.deleteAlarm();
      await this.ctx.storage.deleteAll();
      this.record = null;
      return true;
    });
  }

  // ---------- queries ----------

  abStatus(ownerId: string): Promise<Outcome<AbStatus>> {
    return this.read(ownerId, (r) => {
      if (!r.ab) throw conflict(`No A/B test yet: the workflow is '${r.status}'.`);
      return toAbStatus(r.ab);
    });
  }

  abHistory(ownerId: string): Promise<Outcome<AbHistory>> {
    return this.read(ownerId, (r) => {
      if (!r.ab) throw conflict(`No A/B test yet: the workflow is '${r.status}'.`);
      return { variant_ids: r.ab.variant_ids, points: this.history.points() };
    });
  }

  results(ownerId: string): Promise<Outcome<Results>> {
    return this.read(ownerId, (r) => toResults(r));
  }

  /** The SVG for a thumbnail id; the unguessable id is the capability, so no owner is needed. */
  async thumbnailSvg(thumbnailId: string): Promise<string | null> {
    const thumbnail = this.record?.thumbnails.find((t) => t.id === thumbnailId);
    if (!thumbnail || !this.record) return null;
    const headlines = this.ctx.storage.kv.get<Record<string, string>>(HEADLINES_KEY) ?? {};
    return renderThumbnailSvg(thumbnail.style, headlines[thumbnailId] ?? this.record.topic.toUpperCase(), this.record.topic);
  }

  // ---------- timers ----------

  async alarm(): Promise<void> {
    // Each timer's failure is contained, and the alarm is always re-armed (with a pause after a
    // failure), so one broken dependency can neither stop the others nor spin the alarm.
    let failed = false;
    for (const job of [() => this.tick(Date.now()), () => this.outbox.run(Date.now()), () => this.syncIndex()]) {
      try {
        await job();
      } catch (err) {
        failed = true;
        console.error("workflow alarm job failed", reason(err));
      }
    }
    await this.armAlarm(failed ? RETRY_PAUSE_MS : 0);
  }

  /** Sends the webhook deliveries due at `now` and re-arms for the next retry. */
  async deliverWebhooks(now: number): Promise<void> {
    // Outside exclusive(): a slow webhook receiver must not hold up commands on the workflow.
    await this.outbox.run(now);
    await this.armAlarm();
  }

  /** Runs whatever is due at `now`. Idempotent: a retried or early alarm finds nothing due twice. */
  tick(now: number): Promise<void> {
    return this.exclusive(async () => {
      const record = this.record;
      if (!record?.ab || !isRunning(record.ab)) {
        await this.armAlarm();
        return;
      }
      const ab = record.ab;
      if (now >= ab.deadline_at) {
        await this.save({ ...moveTo(record, "completed", now), ab: finishTest(ab, "timeout", null, now) });
      } else if (ab.next_poll_at !== null && now >= ab.next_poll_at) {
        await this.save(this.applyLook(record, ab, () => simulatedTotals(ab), now));
      }
      await this.armAlarm();
    });
  }

  // ---------- live channel ----------

  async fetch(request: Request): Promise<Response> {
    return this.live.accept(request);
  }

  async webSocketMessage(ws: WebSocket, message: string | ArrayBuffer): Promise<void> {
    await this.live.onMessage(ws, message, (r) => toWorkflowState(r));
  }

  async webSocketClose(ws: WebSocket, code: number): Promise<void> {
    this.live.onClose(ws, code);
  }

  // ---------- internals ----------

  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn, fn);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private read<T>(ownerId: string, fn: (r: WorkflowRecord) => T): Promise<Outcome<T>> {
    const record = this.record;
    if (!record || record.owner_id !== ownerId) return Promise.resolve(NOT_FOUND);
    return outcomeOf(() => fn(record));
  }

  private command(ownerId: string, fn: (r: WorkflowRecord) => Promise<WorkflowRecord>): Promise<Outcome<WorkflowRecord>> {
    return this.exclusive(async () => {
      const record = this.record;
      if (!record || record.owner_id !== ownerId) return NOT_FOUND;
      const outcome = await outcomeOf(() => fn(record));
      if (outcome.ok) {
        await this.save(outcome.value);
        await this.armAlarm();
      }
      return outcome;
    });
  }

  private async commandView(ownerId: string, fn: (r: WorkflowRecord) => Promise<WorkflowRecord>): Promise<Outcome<WorkflowState>> {
    const o = await this.command(ownerId, fn);
    return o.ok ? { ok: true, value: toWorkflowState(o.value) } : o;
  }

  private endTest(ownerId: string, decision: "manual" | "stopped", thumbnailId: string | null): Promise<Outcome<WorkflowState>> {
    return this.commandView(ownerId, async (record) => {
      requireStatus(record, "ab_testing", decision === "manual" ? "declare a winner" : "stop the test");
      const chosen = thumbnailId === null ? null : findThumbnail(record, thumbnailId).id;
      const now = Date.now();
      return { ...moveTo(record, "completed", now), ab: finishTest(record.ab!, decision, chosen, now) };
    });
  }

  private async writeScripts(record: WorkflowRecord, feedback: string | null): Promise<WorkflowRecord> {
    const providers = providersFor(this.env);
    const input = {
      topic: record.topic,
      niche: record.niche,
      audience: record.audience,
      tone: record.tone,
      trends: record.trends!,
      feedback,
      previous: allScripts(record),
      revision: record.script_revisions.length + 1,
      count: SCRIPT_VARIANTS,
    };
    let result;
    try {
      result = await providers.scripts.write(input);
    } catch (err) {
      result = { ...(await offlineScriptWriter.write(input)), fallback: { reason: reason(err) } };
    }
    const now = Date.now();
    await recordTokenUsage(this.env.DB, {
      userId: record.owner_id,
      workflowId: record.id,
      callKey: `${record.id}:rev${input.revision}`,
      usage: result.usage,
      now,
    });
    let next = withScriptRevision(record, result, feedback, now);
    if (result.fallback)
      next = withNotice(next, `Scripts came from the offline writer because ${providers.scripts.name} failed: ${result.fallback.reason}`);
    await this.save(next);
    return next;
  }

  /** One look at the analytics: record the point, evaluate, and end the test if the engine decided. */
  private applyLook(
    record: WorkflowRecord,
    ab: AbTestRecord,
    totals: () => ReturnType<typeof simulatedTotals>,
    now: number,
  ): WorkflowRecord {
    const { ab: next, point } = recordLook(ab, totals(), now);
    this.history.append(next.polls, point);
    const updated: WorkflowRecord = { ...record, ab: next, updated_at: now };
    return !isRunning(next) ? { ...moveTo(updated, "completed", now), ab: next } : updated;
  }

  /** Writes the record (atomically with any history row written since the last await), updates D1, tells pages. */
  private async save(next: WorkflowRecord): Promise<void> {
    const previous = this.record;
    this.ctx.storage.kv.put(RECORD_KEY, next);
    this.record = next;
    const abStatus = next.ab ? toAbStatus(next.ab) : null;
    if (!previous || previous.status !== next.status) {
      // Synchronous, before any await: the event commits atomically with the state change.
      this.outbox.enqueue(statusChangedEvent(next.owner_id, next.id, previous?.status ?? null, next.status, next.updated_at));
      const completed =
        next.status === "completed" && next.ab ? abTestCompletedEvent(next.owner_id, next.id, abStatus!, next.updated_at) : null;
      if (completed) this.outbox.enqueue(completed);
    }
    // The index only needs transitions; polls would otherwise write D1 every 30 s per test. The
    // dirty mark commits with the record, so a failed update is retried by the alarm, not lost.
    if (previous && previous.status !== next.status) {
      this.ctx.storage.kv.put(INDEX_DIRTY_KEY, true);
      await this.syncIndex().catch((err: unknown) => console.error("workflow index update failed; the alarm retries", reason(err)));
    }
    // A save that took a look pushes just the test and its new point; anything else pushes the state.
    const looked = next.ab !== null && next.ab.polls !== (previous?.ab?.polls ?? 0);
    if (looked) this.live.broadcast({ type: "poll", ab_test: abStatus!, point: historyPoint(next.ab!, next.updated_at) });
    if (!previous || previous.status !== next.status || !looked) this.live.broadcast({ type: "state", workflow: toWorkflowState(next) });
  }

  /** Copies the status to the D1 index if the last copy did not land. */
  private async syncIndex(): Promise<void> {
    const record = this.record;
    if (!record || !this.ctx.storage.kv.get(INDEX_DIRTY_KEY)) return;
    await updateIndexRow(this.env.DB, record);
    if (this.record === record) this.ctx.storage.kv.delete(INDEX_DIRTY_KEY);
  }

  /** One alarm serves every timer: the next poll, the deadline, webhook retries and index repair. */
  private nextWake(now: number): number | null {
    const wakes = [
      this.record?.ab ? nextWakeAt(this.record.ab) : null,
      this.outbox.nextWakeUp(now),
      this.ctx.storage.kv.get(INDEX_DIRTY_KEY) ? now + RETRY_PAUSE_MS : null,
    ].filter((w): w is number => w !== null);
    return wakes.length ? Math.min(...wakes) : null;
  }

  private async armAlarm(minDelayMs = 0): Promise<void> {
    const now = Date.now();
    const wake = this.nextWake(now);
    if (wake === null) await this.ctx.storage.deleteAlarm();
    else await this.ctx.storage.setAlarm(Math.max(wake, now + minDelayMs));
  }

  /**
   * Runs a step that calls providers. If it throws, the workflow goes back to a resting state
   * (the script gate, or failed) instead of staying "generating" for ever, and the error goes on.
   */
  private async step(work: () => Promise<WorkflowRecord>): Promise<WorkflowRecord> {
    try {
      return await work();
    } catch (err) {
      const rested = this.record && afterInterruptedStep(this.record, reason(err), Date.now());
      if (rested) await this.save(rested);
      throw err;
    }
  }

  /**
   * A fresh instance has no command in flight, so a workflow found mid-step was interrupted by a
   * restart or deploy: put it back at rest. Local alarms can also be lost on restart, so re-arm.
   */
  private async recoverAfterRestart(now: number): Promise<void> {
    const rested = this.record && afterInterruptedStep(this.record, "the service restarted", now);
    if (rested) await this.save(rested);
    const wake = this.nextWake(now);
    if (wake === null) return;
    const armed = await this.ctx.storage.getAlarm();
    if (armed === null || armed > wake || armed < now - 1000) await this.ctx.storage.setAlarm(Math.max(now, wake));
  }
}

function reason(err: unknown): string {
  return err instanceof Error ? err.message.slice(0, 200) : String(err).slice(0, 200);
}
