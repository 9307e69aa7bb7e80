// The outbox persisted in Durable Object storage and driven from the object's alarm. Every
// step is written back before the next, so a restart (eviction, deploy, crash) loses nothing:
// the worst case is that an attempt whose result was not yet saved is sent again under the
// same webhook-id and attempt number, which is an at-least-once retry, not a new message.
import { deliver, checkWebhookUrl } from "./deliver";
import {
  deliveryKey,
  dueDeliveries,
  fanOut,
  nextWakeUp,
  recordAttempt,
  type AttemptLog,
  type AttemptResult,
  type Delivery,
  type EndpointInfo,
  type OutboxEvent,
} from "./outbox";

/**
 * The Durable Object's synchronous KV API (ctx.storage.kv on SQLite-backed objects). Being
 * synchronous, a write here lands in the same atomic batch as the object's own writes.
 */
export interface OutboxStorage {
  get<T>(key: string): T | undefined;
  put<T>(key: string, value: T): void;
  delete(key: string): boolean;
  list<T>(options: { prefix: string }): Iterable<[string, T]>;
}

export interface EndpointDirectory {
  /** The owner's endpoints with their secrets, including disabled ones. */
  forOwner(ownerId: string): Promise<EndpointInfo[]>;
  disable(endpointId: string, reason: string, now: number): Promise<void>;
}

export interface OutboxDeps {
  endpoints: EndpointDirectory;
  /** Where attempts are logged for the API (D1's webhook_deliveries). Failures here never stop delivery. */
  logAttempt(log: AttemptLog): Promise<void>;
  development: boolean;
  rng?: () => number;
  /** Wall clock for the signature timestamp; defaults to Date.now. */
  clock?: () => number;
  timeoutMs?: number;
  fetch?: typeof fetch;
  /** Most deliveries attempted per run; the rest wait for the next alarm. */
  batchSize?: number;
}

const EVENT = "wh:event:";
const DELIVERY = "wh:delivery:";
const SEEN = "wh:seen:";
/** Message ids already fanned out are remembered this long, so a re-queued event is not sent twice. */
const SEEN_TTL_MS = 7 * 24 * 3600 * 1000;

export class WebhookOutbox {
  #running: Promise<number | null> | null = null;

  constructor(
    private readonly storage: OutboxStorage,
    private readonly deps: OutboxDeps,
  ) {}

  /**
   * Queue an event. Synchronous on purpose: called next to the object's own kv.put of the state
   * change it reports, both are committed together or not at all. Returns false when this
   * message id was queued before, so a replayed transition does not announce itself twice.
   */
  enqueue(event: OutboxEvent): boolean {
    if (this.storage.get(EVENT + event.message_id) !== undefined || this.storage.get(SEEN + event.message_id) !== undefined) return false;
    this.storage.put(EVENT + event.message_id, event);
    return true;
  }

  pendingDeliveries(): Delivery[] {
    return [...this.storage.list<Delivery>({ prefix: DELIVERY })].map(([, d]) => d);
  }

  /** When the alarm should next fire for the outbox, or null when it is idle. */
  nextWakeUp(now: number): number | null {
    const events = [...this.storage.list<OutboxEvent>({ prefix: EVENT })].map(([, e]) => e);
    return nextWakeUp(this.pendingDeliveries(), events, now);
  }

  /** Fan out queued events and attempt every due delivery; returns the next wake-up time. */
  run(now: number): Promise<number | null> {
    // Overlapping runs could send one attempt twice; share the one in flight instead.
    this.#running ??= this.#run(now).finally(() => (this.#running = null));
    return this.#running;
  }

  async #run(now: number): Promise<number | null> {
    const owners = new Map<string, Promise<EndpointInfo[]>>();
    const endpointsOf = (owner: string) => {
      if (!owners.has(owner)) owners.set(owner, this.deps.endpoints.forOwner(owner));
      return owners.get(owner)!;
    };

    for (const [key, event] of [...this.storage.list<OutboxEvent>({ prefix: EVENT })]) {
      const deliveries = fanOut(event, await endpointsOf(event.owner_id), now);
      // Synchronous writes with no await between them: committed as one batch.
      for (const d of deliveries) this.storage.put(DELIVERY + deliveryKey(d), d);
      this.storage.put(SEEN + event.message_id, now);
      this.storage.delete(key);
    }

    const due = dueDeliveries(this.pendingDeliveries(), now, this.deps.batchSize ?? 20);
    await Promise.all(
      due.map(async (d) =>
        this.#attempt(
          d,
          (await endpointsOf(d.owner_id)).find((e) => e.id === d.endpoint_id),
          now,
        ),
      ),
    );
    this.#pruneSeen(now);
    return this.nextWakeUp(now);
  }

  async #attempt(d: Delivery, endpoint: EndpointInfo | undefined, now: number): Promise<void> {
    const key = DELIVERY + deliveryKey(d);
    const blocked = !endpoint
      ? "The endpoint was deleted."
      : endpoint.disabled
        ? "The endpoint is disabled."
        : (() => {
            const check = checkWebhookUrl(endpoint.url, { development: this.deps.development });
            return check.ok ? null : check.reason;
          })();
    if (blocked || !endpoint) {
      this.storage.delete(key);
      console.warn("webhook delivery dropped", d.message_id, d.endpoint_id, blocked);
      return;
    }
    const result: AttemptResult = await deliver({
      url: endpoint.url,
      secret: endpoint.secret,
      messageId: d.message_id,
      body: d.body,
      nowMs: (this.deps.clock ?? Date.now)(),
      timeoutMs: this.deps.timeoutMs,
      fetch: this.deps.fetch,
    });
    const next = recordAttempt(d, result, now, this.deps.rng ?? Math.random);
    // Save the outcome before anything else can fail, so a crash at most repeats this attempt.
    if (next.delivery.state === "pending") this.storage.put(key, next.delivery);
    else this.storage.delete(key);
    if (next.disableEndpoint) await this.#disable(endpoint.id, next.disableEndpoint, now);
    await this.deps.logAttempt(next.log).catch((err) => console.warn("webhook attempt log failed", String(err)));
  }

  async #disable(endpointId: string, reason: string, now: number): Promise<void> {
    await this.deps.endpoints.disable(endpointId, reason, now);
    for (const d of this.pendingDeliveries()) if (d.endpoint_id === endpointId) this.storage.delete(DELIVERY + deliveryKey(d));
  }

  #pruneSeen(now: number): void {
    for (const [key, at] of [...this.storage.list<number>({ prefix: SEEN })]) if (now - at > SEEN_TTL_MS) this.storage.delete(key);
  }
}
