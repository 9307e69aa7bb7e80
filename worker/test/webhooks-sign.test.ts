// Signed deliveries against a real receiver that verifies with the `standardwebhooks` library,
// and the Durable Object outbox surviving a restart in the middle of its retry schedule.
import { env } from "cloudflare:workers";
import { evictDurableObject, runInDurableObject } from "cloudflare:test";
import { describe, expect, inject, it } from "vitest";
import { deliver } from "../webhooks/deliver";
import { eventBody } from "../webhooks/events";
import { createEndpoint, d1AttemptLogger, d1EndpointDirectory, getEndpoint, listAttempts } from "../webhooks/repo";
import { generateWebhookSecret, newMessageId } from "../webhooks/signing";
import { WebhookOutbox } from "../webhooks/storage-outbox";
import { newUserRow } from "./helpers";

const receiverBase = inject("fakeWebhookUrl");

async function receiver(config: Record<string, unknown>): Promise<{ id: string; url: string }> {
  const res = await fetch(`${receiverBase}/__receivers`, { method: "POST", body: JSON.stringify(config) });
  return res.json();
}

async function received(
  id: string,
): Promise<{ webhook_id: string; verified: boolean; answered: number; error: string | null; body: any }[]> {
  return (await fetch(`${receiverBase}/__receivers/${id}/deliveries`)).json();
}

const statusChanged = (workflowId: string) => ({
  workflow_id: workflowId,
  from: "awaiting_approval" as const,
  to: "generating_thumbnails" as const,
  requires_action: null,
  at: new Date().toISOString(),
  actor: { kind: "member" as const, user_id: "u-1", email: "editor@example.com" },
});

describe("deliver()", () => {
  it("signs so that standardwebhooks verifies the delivery", async () => {
    const secret = generateWebhookSecret();
    const r = await receiver({ secret });
    const body = eventBody("workflow.status_changed", statusChanged("wf-1"), Date.now());
    const id = newMessageId();
    const result = await deliver({ url: r.url, secret, messageId: id, body, nowMs: Date.now() });
    expect(result).toMatchObject({ status_code: 204, error: null });
    const [got] = await received(r.id);
    expect(got).toMatchObject({ webhook_id: id, verified: true, answered: 204 });
    expect(got!.body).toMatchObject({ type: "workflow.status_changed", data: { workflow_id: "wf-1" } });
  });

  it("is rejected by the receiver when signed with another secret", async () => {
    const r = await receiver({ secret: generateWebhookSecret() });
    const result = await deliver({ url: r.url, secret: generateWebhookSecret(), messageId: newMessageId(), body: "{}", nowMs: Date.now() });
    expect(result.status_code).toBe(401);
    const [got] = await received(r.id);
    expect(got).toMatchObject({ verified: false, error: "No matching signature found" });
  });

  it("does not follow redirects and gives up on a slow receiver", async () => {
    const secret = generateWebhookSecret();
    const redirecting = await receiver({ secret, status: 302 });
    const moved = await deliver({ url: redirecting.url, secret, messageId: newMessageId(), body: "{}", nowMs: Date.now() });
    expect(moved).toMatchObject({ status_code: 302, error: "Redirect (302) not followed." });

    const slow = await receiver({ secret, delay_ms: 1500 });
    const timedOut = await deliver({ url: slow.url, secret, messageId: newMessageId(), body: "{}", nowMs: Date.now(), timeoutMs: 200 });
    expect(timedOut).toMatchObject({ status_code: null, error: "No answer within 200 ms." });
  });
});

describe("the outbox in Durable Object storage", () => {
  it("retries a failed first attempt after ~5 s, across a restart, under the same webhook-id", async () => {
    const userId = await newUserRow();
    const r = await receiver({ secret: "placeholder" });
    const endpoint = await createEndpoint(env.DB, userId, { url: r.url, events: [] }, Date.now());
    // Re-register the receiver with the endpoint's real secret and a first failure.
    const failing = await receiver({ secret: endpoint.secret, fail_first: 1 });
    await env.DB.prepare("UPDATE webhook_endpoints SET url = ? WHERE id = ?").bind(failing.url, endpoint.id).run();

    const deps = { endpoints: d1EndpointDirectory(env.DB), logAttempt: d1AttemptLogger(env.DB), development: true, rng: () => 0.5 };
    const stub = env.WORKFLOW.get(env.WORKFLOW.idFromName(`outbox-${userId}`));
    const t0 = Date.now();
    const messageId = newMessageId();

    const wake = await runInDurableObject(stub, async (_instance, state) => {
      const outbox = new WebhookOutbox(state.storage.kv, deps);
      expect(
        outbox.enqueue({
          message_id: messageId,
          owner_id: userId,
          type: "workflow.status_changed",
          body: eventBody("workflow.status_changed", statusChanged("wf-2"), t0),
          created_at: t0,
        }),
      ).toBe(true);
      expect(outbox.nextWakeUp(t0)).toBe(t0);
      return outbox.run(t0);
    });
    expect(wake).toBe(t0 + 5000); // rng 0.5 means no jitter

    await evictDurableObject(stub); // the restart: nothing survives but storage

    await runInDurableObject(stub, async (_instance, state) => {
      const outbox = new WebhookOutbox(state.storage.kv, deps);
      expect(outbox.enqueue({ message_id: messageId, owner_id: userId, type: "x", body: "{}", created_at: t0 })).toBe(false);
      expect(await outbox.run(t0 + 4000)).toBe(t0 + 5000); // not due yet: nothing is sent
      expect(await outbox.run(t0 + 5000)).toBeNull(); // delivered; the outbox is idle
      expect(outbox.pendingDeliveries()).toEqual([]);
    });

    const got = await received(failing.id);
    expect(got.map((d) => [d.webhook_id, d.verified, d.answered])).toEqual([
      [messageId, true, 500],
      [messageId, true, 204],
    ]);
    const log = await listAttempts(env.DB, endpoint.id);
    expect(log.map((a) => [a.attempt, a.status_code, a.outcome])).toEqual([
      [2, 204, "delivered"],
      [1, 500, "retrying"],
    ]);
    expect(log[1]!.next_retry_at).toBe(new Date(t0 + 5000).toISOString());
  });

  it("disables an endpoint that answers 410 and stops sending to it", async () => {
    const userId = await newUserRow();
    const endpoint = await createEndpoint(
      env.DB,
      userId,
      { url: "http://placeholder.invalid/", events: ["ab_test.completed"] },
      Date.now(),
    );
    const gone = await receiver({ secret: endpoint.secret, status: 410 });
    await env.DB.prepare("UPDATE webhook_endpoints SET url = ? WHERE id = ?").bind(gone.url, endpoint.id).run();
    const stub = env.WORKFLOW.get(env.WORKFLOW.idFromName(`outbox-${userId}`));
    const deps = { endpoints: d1EndpointDirectory(env.DB), logAttempt: d1AttemptLogger(env.DB), development: true };
    const data = {
      workflow_id: "wf-3",
      decision: "winner" as const,
      verdict: "winner" as const,
      analytics_source: "external" as const,
      winner_id: "t1",
      confidence: 0.97,
      total_impressions: 4200,
      actor: { kind: "system" as const },
    };
    const now = Date.now();
    await runInDurableObject(stub, async (_i, state) => {
      const outbox = new WebhookOutbox(state.storage.kv, deps);
      // Not subscribed to status changes: only the ab_test.completed event goes out.
      outbox.enqueue({ message_id: newMessageId(), owner_id: userId, type: "workflow.status_changed", body: "{}", created_at: now });
      outbox.enqueue({
        message_id: newMessageId(),
        owner_id: userId,
        type: "ab_test.completed",
        body: eventBody("ab_test.completed", data, now),
        created_at: now,
      });
      expect(await outbox.run(now)).toBeNull();
    });
    expect((await received(gone.id)).map((d) => d.answered)).toEqual([410]);
    const after = await getEndpoint(env.DB, userId, endpoint.id);
    expect(after?.disabled_at).not.toBeNull();
    expect(after?.disabled_reason).toContain("410");
  });
});

describe("the delivery log", () => {
  it("prunes an endpoint's attempts older than 30 days as new ones are logged", async () => {
    const userId = await newUserRow();
    const endpoint = await createEndpoint(env.DB, userId, { url: "https://hooks.example.com/log", events: [] }, Date.now());
    const log = d1AttemptLogger(env.DB);
    const now = Date.now();
    const attempt = (messageId: string, at: number) =>
      log({
        message_id: messageId,
        endpoint_id: endpoint.id,
        type: "workflow.status_changed",
        attempt: 1,
        attempted_at: at,
        status_code: 204,
        error: null,
        duration_ms: 12,
        outcome: "delivered",
        next_retry_at: null,
      });
    await attempt("msg_old", now - 31 * 24 * 3600 * 1000);
    await attempt("msg_recent", now - 2 * 24 * 3600 * 1000);
    expect(await listAttempts(env.DB, endpoint.id)).toHaveLength(2);
    await attempt("msg_new", now);
    const kept = await listAttempts(env.DB, endpoint.id);
    expect(kept.map((a) => a.message_id).sort()).toEqual(["msg_new", "msg_recent"]);
  });
});
