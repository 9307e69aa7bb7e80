// The machinery under the workflow object: load the record, ask the pure core, commit what it
// answers (record, history, webhook outbox, D1 index mark) in one storage transaction, tell open
// pages, and run every timer from the one alarm. It decides nothing itself.
import { DurableObject } from "cloudflare:workers";
import { toAbStatus } from "../domain/ab-status";
import { type Result, NOT_YOURS, ok, refuse } from "../domain/refusal";
import { toWorkflowState } from "../domain/view";
import {
  type Command,
  type WorkflowEvent,
  type WorkflowRecord,
  actorOf,
  pendingStep,
  releasesVideo,
  timerPlan,
  transition,
} from "../domain/workflow";
import { releaseVideo } from "../youtube/rotations-store";
import { runEffect } from "../effects/rotation";
import { upgradeRecord } from "../domain/workflow/upgrade";
import type { Env } from "../env";
import type * as Api from "../shared/contract";
import { createWebhookOutbox, webhookEventsFor } from "../webhooks/emit";
import type { WebhookOutbox } from "../webhooks/storage-outbox";
import { AbHistoryTable } from "./ab-history";
import { LiveSockets } from "./live-sockets";
import { reason, runStep } from "../effects/steps";
import { ThumbnailStore } from "./thumbnail-media";
import { type Backoff, waitAfter } from "../lib/retry";
import { type Timer, earliest, rearmIfLost, runDue } from "./timers";
import { WorkflowIndex } from "./workflow-index";

export const RECORD_KEY = "workflow";
const STEP_IN_FLIGHT_KEY = "step-in-flight";
/** An effect's call in flight (the name predates other effects; kept so a deploy keeps the count). */
const EFFECT_IN_FLIGHT_KEY = "rotation-call-in-flight";
/** Where an earlier version kept thumbnail headlines; read once, when such a record is upgraded. */
const LEGACY_HEADLINES_KEY = "thumbnail-headlines";
/** How long the alarm waits after a failed timer (D1 down, say) before it tries again; longer for an overloaded object. */
const ALARM_PAUSE: Backoff = { kind: "fixed", delayMs: 10_000, jitter: 0.2 };

export abstract class WorkflowShell extends DurableObject<Env> {
  /** The object's clock. Tests move it with runInDurableObject; nothing else changes it. */
  clock: () => number = () => Date.now();
  protected record: WorkflowRecord | null;
  /** Serialises every command and timer, so racing requests see each other's results. */
  private queue: Promise<unknown> = Promise.resolve();
  protected readonly live: LiveSockets;
  protected readonly history: AbHistoryTable;
  protected readonly outbox: WebhookOutbox;
  protected readonly index: WorkflowIndex;
  protected readonly media: ThumbnailStore;
  /**
   * The core's timers for the record as it is, worked out once per state: the alarm's list, each
   * timer's run and the re-arm read this one plan, so a tick computes the schedule once before a
   * swap (the effect) and once after it (the next alarm), never twice for one state.
   */
  private readonly planFor = timerPlan();

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    // Nothing is written here: an id nobody created must not gain storage by being looked up.
    this.record = upgradeRecord(ctx.storage.kv.get<WorkflowRecord>(RECORD_KEY), ctx.storage.kv.get(LEGACY_HEADLINES_KEY));
    this.live = new LiveSockets(
      ctx,
      () => this.record,
      () => this.clock(),
    );
    this.history = new AbHistoryTable(ctx.storage.sql);
    this.outbox = createWebhookOutbox(ctx.storage.kv, env);
    this.index = new WorkflowIndex(ctx.storage.kv, () => this.env.DB);
    this.media = new ThumbnailStore(ctx.storage.kv, env.MEDIA);
    ctx.blockConcurrencyWhile(() => this.recoverAfterRestart());
  }

  // ---------- timers ----------

  async alarm(): Promise<void> {
    const now = this.clock();
    const failures = await runDue(this.timers(now), now, (name, err) => console.error(`workflow timer '${name}' failed`, reason(err)));
    // Always re-armed, with a pause after a failure, so a broken dependency cannot spin the alarm.
    // At the tick's instant: the re-arm reads the plan this tick already made for the record as it is.
    const pause = failures.length ? Math.max(...failures.map((err) => waitAfter(ALARM_PAUSE, 1, err)!)) : 0;
    await this.armAlarm(pause, now);
  }

  private timers(now: number): Timer[] {
    return [
      {
        name: "steps",
        dueAt: this.record && pendingStep(this.record) ? now : null,
        run: () => this.exclusive(() => this.runPendingSteps()),
      },
      ...this.plan(now).map((t) => ({ name: t.name, dueAt: t.at, run: (at: number) => this.exclusive(() => this.dispatch(t.name, at)) })),
      // Outside exclusive(): a slow webhook receiver must not hold up commands on the workflow.
      { name: "webhooks", dueAt: this.outbox.nextWakeUp(now), run: (at: number) => this.outbox.run(at) },
      { name: "index", dueAt: this.index.retryAt(), run: () => this.exclusive(() => this.syncIndex()) },
    ];
  }

  private plan(now: number) {
    return this.planFor(this.record, now);
  }

  protected async armAlarm(minDelayMs = 0, now = this.clock()): Promise<void> {
    const wake = earliest(this.timers(now));
    if (wake === null) await this.ctx.storage.deleteAlarm();
    else await this.ctx.storage.setAlarm(Math.max(wake, now + minDelayMs));
  }

  // ---------- load, call the core, commit ----------

  protected exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn, fn);
    this.queue = run.catch(() => undefined);
    return run;
  }

  protected read<T>(ownerId: string, fn: (r: WorkflowRecord) => Result<T>): Promise<Result<T>> {
    const record = this.record;
    return Promise.resolve(record && record.owner_id === ownerId ? fn(record) : refuse(NOT_YOURS));
  }

  protected run(
    ownerId: string,
    /** The command, or a refusal found while building it (a YouTube video that cannot be linked). */
    build: (r: WorkflowRecord) => Command | Result<Command> | Promise<Command | Result<Command>>,
    answer: "workflow" | "ab_test" = "workflow",
    alsoWrite?: () => void,
  ): Promise<Result<Api.WorkflowState | Api.AbStatus>> {
    return this.exclusive(async () => {
      if (!this.record || this.record.owner_id !== ownerId) return refuse(NOT_YOURS);
      const built = await build(this.record);
      if ("ok" in built && !built.ok) return built;
      const applied = await this.apply("ok" in built ? built.value : built, alsoWrite);
      if (!applied.ok) return applied;
      await this.runPendingSteps();
      await this.armAlarm();
      const now = this.clock();
      return ok(answer === "ab_test" ? toAbStatus(this.record.ab!, undefined, now) : toWorkflowState(this.record, now));
    });
  }

  protected async apply(command: Command, alsoWrite?: () => void): Promise<Result<WorkflowRecord>> {
    if (!this.record) return refuse(NOT_YOURS);
    const t = transition(this.record, command, this.clock());
    if (!t.ok) return t;
    await this.commit(t.record, t.events, alsoWrite, actorOf(command));
    return ok(t.record);
  }

  /**
   * Runs one of the core's timers as the plan describes it: its command goes to the core, its
   * effect to the runner, whose answer goes to the core. Inside the queue the plan is the record's
   * as it now is, so a timer made stale by a commit just before (a stop) is no longer in it and
   * does nothing. A refused answer means the call was stale; throwing lets the alarm pause before
   * it looks again, instead of spinning. `early`: run it even before it is due.
   */
  private async dispatch(name: string, now: number, early = false): Promise<void> {
    const timer = this.plan(now).find((t) => t.name === name);
    if (!timer || (timer.at > now && !early)) return;
    if ("command" in timer) {
      await this.apply(timer.command);
      return;
    }
    // A call cut off (a restart, a throw) may have reached Google, which charged it: the next one is
    // another attempt, so its charges get ledger rows of their own. The mark clears with the outcome.
    const interrupted = this.ctx.storage.kv.get<number>(EFFECT_IN_FLIGHT_KEY) ?? 0;
    this.ctx.storage.kv.put(EFFECT_IN_FLIGHT_KEY, interrupted + 1);
    const command = await runEffect(timer.effect, {
      env: this.env,
      record: this.record!,
      now: this.clock(),
      media: this.media,
      interrupted,
    });
    const applied = await this.apply(command, () => this.ctx.storage.kv.delete(EFFECT_IN_FLIGHT_KEY));
    if (!applied.ok) throw new Error(`the core refused the effect's ${command.type}: ${applied.refusal.detail}`);
  }

  /** Before the grant goes: every urgent effect (the restore) runs now; what is still pending is given up. */
  protected async beforeGrantGoes(): Promise<void> {
    const now = this.clock();
    for (const t of this.plan(now))
      if ("urgent" in t && t.urgent)
        await this.dispatch(t.name, now, true).catch((err: unknown) => console.error(`'${t.name}' before disconnect failed`, reason(err)));
    // Refused (and nothing changes) when nothing was pending or the restore just worked.
    await this.apply({ type: "rotation_abandoned" });
  }

  /** While the workflow waits for a provider, call it and report the result (or the failure) to the core. */
  protected async runPendingSteps(): Promise<void> {
    for (let step = pendingStep(this.record!); step; step = pendingStep(this.record!)) {
      // Marks the step as in flight, so a restart in the middle of it can tell it from a queued one.
      this.ctx.storage.kv.put(STEP_IN_FLIGHT_KEY, step);
      const command = await runStep(step, this.env, this.record!, this.clock()).catch((err: unknown): Command => ({
        type: "step_failed",
        reason: reason(err),
      }));
      // The mark is cleared in the same transaction as the step's result.
      const applied = await this.apply(command, () => this.ctx.storage.kv.delete(STEP_IN_FLIGHT_KEY));
      if (!applied.ok) throw new Error(`the core refused the ${step} step's result: ${applied.refusal.detail}`);
    }
  }

  /** Persists the record with its history rows and webhook outbox rows in one transaction, then tells D1 and open pages. */
  protected async commit(next: WorkflowRecord, events: WorkflowEvent[], alsoWrite?: () => void, actor?: Api.Actor): Promise<void> {
    const moved = events.some((e) => e.type === "status_changed" && e.from !== null);
    this.ctx.storage.transactionSync(() => {
      alsoWrite?.();
      this.ctx.storage.kv.put(RECORD_KEY, next);
      for (const event of events) {
        if (event.type === "looked") this.history.append(event.seq, event.point);
        for (const message of webhookEventsFor(next, event, actor)) this.outbox.enqueue(message);
      }
      // The index only needs transitions (polls would write D1 every 30 s); the mark commits with them.
      if (moved) this.index.markDirty(next.updated_at);
    });
    const before = this.record;
    this.record = next;
    this.live.announce(next, events);
    if (releasesVideo(before, next)) await releaseVideo(this.env.DB, next.id, this.clock());
    if (moved) await this.syncIndex().catch((err: unknown) => console.error("workflow index update failed; a timer retries", reason(err)));
  }

  private syncIndex(): Promise<void> {
    return this.index.sync(this.record, () => this.record);
  }

  /**
   * A fresh instance has no command in flight, so a step marked in flight was interrupted by a
   * restart or deploy: put the workflow back at rest (a queued step is left to the steps timer).
   */
  private async recoverAfterRestart(): Promise<void> {
    if (this.record && pendingStep(this.record) && this.ctx.storage.kv.get(STEP_IN_FLIGHT_KEY)) {
      await this.apply({ type: "step_failed", reason: "the service restarted" }, () => this.ctx.storage.kv.delete(STEP_IN_FLIGHT_KEY));
    }
    const now = this.clock();
    await rearmIfLost(this.ctx.storage, earliest(this.timers(now)), now);
  }
}
