// The workflow's Durable Object announces its transitions to a real receiver that verifies
// every delivery with the `standardwebhooks` library; an API key pushes the metrics.
import { runDurableObjectAlarm } from "cloudflare:test";
import { describe, expect, inject, it } from "vitest";
import type { AbStatus, WorkflowState } from "../shared/contract";
import { alarmAt, call, drainAlarms, expectProblem, newUser, stubOf, toThumbnails } from "./helpers";

const receiverBase = inject("fakeWebhookUrl");

async function receiver(config: Record<string, unknown>): Promise<{ id: string; url: string }> {
  return (await fetch(`${receiverBase}/__receivers`, { method: "POST", body: JSON.stringify(config) })).json();
}

describe("webhooks from a real workflow", () => {
  it("delivers signed status changes and ab_test.completed, driven by an API key's metrics pushes", async () => {
    const { token } = await newUser("wf-hooks");
    const r = await receiver({ secret: "whsec_placeholder" });
    const hook = await call("POST", "/webhooks", { token, body: { url: r.url } });
    expect(hook.status).toBe(201);
    await fetch(`${receiverBase}/__receivers/${r.id}`, {
      method: "PUT",
      body: JSON.stringify({ secret: hook.body.secret, fail_first: 1 }),
    });

    const key = await call("POST", "/api-keys", { token, body: { name: "analytics pusher" } });
    expect(key.status).toBe(201);
    const apiKey: string = key.body.key;

    const wf = await toThumbnails(token);
    const [a, b, c] = wf.thumbnails.map((t) => t.id) as [string, string, string];
    // The creator starts the test; the integrator's key (metrics:write, the default scope) only pushes counts.
    const selected = await call<WorkflowState>("POST", `/workflows/${wf.id}/select-thumbnail`, {
      token,
      body: { thumbnail_id: a, analytics_source: "external" },
    });
    expect(selected.status).toBe(200);

    let ab: AbStatus = selected.body.ab_test!;
    for (let n = 1; n <= 60 && ab.is_running; n++) {
      const imp = n * 1000;
      const push = await call<AbStatus>("POST", `/workflows/${wf.id}/metrics`, {
        token: apiKey,
        body: {
          variants: [
            { thumbnail_id: a, impressions: imp, clicks: Math.round(imp * 0.06) },
            { thumbnail_id: b, impressions: imp, clicks: Math.round(imp * 0.07) },
            { thumbnail_id: c, impressions: imp, clicks: Math.round(imp * 0.1) },
          ],
        },
      });
      expect(push.status).toBe(200);
      ab = push.body;
    }
    expect(ab.decision).toBe("winner");
    expect(ab.winner_id).toBe(c);

    // Deliveries happen in the alarm, never inside the request; the first attempt fails and is retried.
    const stub = stubOf(wf.id);
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    // The retry is due about 5 s later; run the outbox at that clock instead of waiting.
    await alarmAt(stub, Date.now() + 60_000);
    expect(await drainAlarms(stub)).toBe(0);
    const deliveries: { webhook_id: string; verified: boolean; answered: number; body: any }[] = await (
      await fetch(`${receiverBase}/__receivers/${r.id}/deliveries`)
    ).json();
    expect(deliveries.every((d) => d.verified)).toBe(true);
    const accepted = deliveries.filter((d) => d.answered === 204).map((d) => d.body);
    const transitions = accepted.filter((e) => e.type === "workflow.status_changed").map((e) => e.data.to);
    expect(transitions).toEqual(expect.arrayContaining(["awaiting_approval", "awaiting_thumbnail_selection", "ab_testing", "completed"]));
    const completed = accepted.find((e) => e.type === "ab_test.completed");
    expect(completed?.data).toMatchObject({
      workflow_id: wf.id,
      decision: "winner",
      winner_id: c,
      total_impressions: ab.variants.reduce((s, v) => s + v.impressions, 0),
    });
    // The failed first attempt came again under the same webhook-id.
    const failed = deliveries.find((d) => d.answered === 500)!;
    expect(deliveries.filter((d) => d.webhook_id === failed.webhook_id).map((d) => d.answered)).toEqual([500, 204]);
    // No message was accepted twice.
    const ids = deliveries.filter((d) => d.answered === 204).map((d) => d.webhook_id);
    expect(new Set(ids).size).toBe(ids.length);

    // A revoked key fails at once.
    expect((await call("DELETE", `/api-keys/${key.body.id}`, { token })).status).toBe(204);
    expectProblem(await call("GET", `/workflows/${wf.id}/status`, { token: apiKey }), 401);
  });
});
