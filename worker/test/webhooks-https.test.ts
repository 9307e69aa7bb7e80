// Webhooks to a real https receiver (its certificate signed by the run's test CA, which workerd
// trusts through NODE_EXTRA_CA_CERTS, fakes/test-ca.ts). Attack: a registered URL that passed
// the URL policy answers with a redirect, to bounce signed payloads somewhere never checked.
import { runDurableObjectAlarm } from "cloudflare:test";
import { describe, expect, inject, it } from "vitest";
import type { DeliveryAttempt } from "../shared/integrations";
import { call, newUser, stubOf, toThumbnails } from "./helpers";

const httpsBase = inject("fakeWebhookHttpsUrl");
const httpBase = inject("fakeWebhookUrl");

interface Received {
  verified: boolean;
  answered: number;
}

async function receiver(base: string, config: Record<string, unknown>): Promise<{ id: string; url: string }> {
  return (await fetch(`${base}/__receivers`, { method: "POST", body: JSON.stringify(config) })).json();
}
const configure = (base: string, id: string, config: Record<string, unknown>) =>
  fetch(`${base}/__receivers/${id}`, { method: "PUT", body: JSON.stringify(config) });
const received = async (base: string, id: string): Promise<Received[]> => (await fetch(`${base}/__receivers/${id}/deliveries`)).json();

/** Registers `url` for a new user, runs a workflow to its thumbnails, and runs the deliveries once. */
async function deliverTo(url: string, keep: (secret: string) => Promise<unknown>) {
  const { token } = await newUser("https-hooks");
  const hook = await call("POST", "/webhooks", { token, body: { url } });
  expect(hook.status, JSON.stringify(hook.body)).toBe(201);
  await keep(hook.body.secret);
  const wf = await toThumbnails(token);
  expect(await runDurableObjectAlarm(stubOf(wf.id))).toBe(true);
  const attempts = (await call<{ items: DeliveryAttempt[] }>("GET", `/webhooks/${hook.body.id}/deliveries`, { token })).body.items;
  return attempts;
}

describe("webhooks over https", () => {
  it("delivers signed messages to an https receiver the test CA vouches for", async () => {
    expect(httpsBase).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const r = await receiver(httpsBase, { secret: "whsec_placeholder" });
    const attempts = await deliverTo(r.url, (secret) => configure(httpsBase, r.id, { secret }));
    expect(attempts.length).toBeGreaterThan(0);
    expect(attempts.every((a) => a.outcome === "delivered" && a.status_code === 204)).toBe(true);
    const got = await received(httpsBase, r.id);
    expect(got.length).toBe(attempts.length);
    expect(got.every((d) => d.verified && d.answered === 204)).toBe(true);
  });

  it("does not follow a redirect, and logs it as a failed attempt", async () => {
    // The redirect points at a receiver that would accept the delivery, had it been followed.
    const target = await receiver(httpBase, { secret: "whsec_placeholder" });
    const bouncer = await receiver(httpsBase, { secret: "whsec_placeholder", status: 307, location: target.url });
    const attempts = await deliverTo(bouncer.url, async (secret) => {
      await configure(httpsBase, bouncer.id, { secret, status: 307, location: target.url });
      await configure(httpBase, target.id, { secret });
    });
    expect(attempts.length).toBeGreaterThan(0);
    for (const a of attempts) {
      // A status code at all shows TLS succeeded: the failure is the redirect, not the certificate.
      expect(a).toMatchObject({ status_code: 307, error: "Redirect (307) not followed.", outcome: "retrying", attempt: 1 });
      expect(a.next_retry_at).not.toBeNull();
    }
    const bounced = await received(httpsBase, bouncer.id);
    expect(bounced.length).toBe(attempts.length);
    expect(bounced.every((d) => d.verified && d.answered === 307)).toBe(true);
    expect(await received(httpBase, target.id)).toEqual([]);
  });
});
