// The webhook and API-key routes over HTTP, with real users, real D1 and the real workflow routes.
import { describe, expect, inject, it } from "vitest";
import { newUser } from "./helpers";
import { callIntegrations as call } from "./integrations-app";

const receiverBase = inject("fakeWebhookUrl");

describe("webhook endpoints", () => {
  it("registers (secret once), lists without secrets, rotates, logs and deletes", async () => {
    const { token } = await newUser("hooks");
    const created = await call("POST", "/webhooks", { token, body: { url: `${receiverBase}/hooks/r0`, events: ["ab_test.completed"] } });
    expect(created.status).toBe(201);
    expect(created.headers.get("cache-control")).toBe("no-store");
    expect(created.body).toMatchObject({ url: `${receiverBase}/hooks/r0`, events: ["ab_test.completed"], disabled_at: null });
    expect(created.body.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);

    const list = await call("GET", "/webhooks", { token });
    expect(list.body.items).toHaveLength(1);
    expect(JSON.stringify(list.body)).not.toContain("whsec_");

    const rotated = await call("POST", `/webhooks/${created.body.id}/rotate-secret`, { token });
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).toMatch(/^whsec_/);
    expect(rotated.body.secret).not.toBe(created.body.secret);

    expect((await call("GET", `/webhooks/${created.body.id}/deliveries`, { token })).body).toEqual({ items: [] });
    expect((await call("DELETE", `/webhooks/${created.body.id}`, { token })).status).toBe(204);
    expect((await call("DELETE", `/webhooks/${created.body.id}`, { token })).status).toBe(404);
  });

  it("refuses bad URLs and events, and plain http outside development", async () => {
    const { token } = await newUser("hooks-bad");
    const http = await call("POST", "/webhooks", { token, body: { url: "http://hooks.example.com/x" }, development: false });
    expect(http.status).toBe(400);
    expect(http.headers.get("content-type")).toContain("application/problem+json");
    expect(http.body.errors).toEqual([{ path: "url", message: "Only https URLs are allowed." }]);
    expect((await call("POST", "/webhooks", { token, body: { url: "https://10.0.0.1/x" }, development: false })).status).toBe(400);
    expect((await call("POST", "/webhooks", { token, body: { url: "https://hooks.example.com/x" }, development: false })).status).toBe(201);
    expect((await call("POST", "/webhooks", { token, body: { url: "https://a:b@hooks.example.com/x" } })).status).toBe(400);
    expect((await call("POST", "/webhooks", { token, body: { url: "https://hooks.example.com/x", events: ["nope"] } })).status).toBe(400);
    expect((await call("POST", "/webhooks", { token, body: { url: "https://hooks.example.com/x", extra: 1 } })).status).toBe(400);
  });

  it("keeps each account's endpoints private and limits how many it has", async () => {
    const alice = await newUser("alice-hooks");
    const bob = await newUser("bob-hooks");
    const mine = await call("POST", "/webhooks", { token: alice.token, body: { url: "https://hooks.example.com/a" } });
    for (const [method, path] of [
      ["GET", `/webhooks/${mine.body.id}/deliveries`],
      ["POST", `/webhooks/${mine.body.id}/rotate-secret`],
      ["DELETE", `/webhooks/${mine.body.id}`],
      ["GET", "/webhooks/not-an-id/deliveries"],
    ] as const) {
      expect((await call(method, path, { token: bob.token })).status).toBe(404);
    }
    expect((await call("GET", "/webhooks", { token: bob.token })).body.items).toEqual([]);
    for (let i = 1; i < 10; i++)
      expect((await call("POST", "/webhooks", { token: alice.token, body: { url: `https://hooks.example.com/${i}` } })).status).toBe(201);
    expect((await call("POST", "/webhooks", { token: alice.token, body: { url: "https://hooks.example.com/11" } })).status).toBe(409);
  });
});

describe("API keys over HTTP", () => {
  it("are shown once, work as a Bearer token through to the metrics push, and fail at once when revoked", async () => {
    const { token } = await newUser("keys");
    const created = await call("POST", "/api-keys", {
      token,
      body: { name: "analytics sync", scopes: ["workflows:read", "workflows:write", "metrics:write"] },
    });
    expect(created.status).toBe(201);
    expect(created.body.scopes).toEqual(["metrics:write", "workflows:read", "workflows:write"]);
    const key = created.body.key as string;
    expect(key).toMatch(/^cat_/);
    const listed = await call("GET", "/api-keys", { token });
    expect(listed.body.items).toHaveLength(1);
    expect(JSON.stringify(listed.body)).not.toContain(key);

    // The whole flow with the key alone, ending in an external metrics push.
    const wf = (await call("POST", "/workflows/start", { token: key, body: { topic: "home espresso" } })).body;
    const approved = await call("POST", `/workflows/${wf.id}/approve`, {
      token: key,
      body: { action: "approve", script_id: wf.scripts[0].id },
    });
    const pick = approved.body.thumbnails[0].id;
    expect(
      (
        await call("POST", `/workflows/${wf.id}/select-thumbnail`, {
          token: key,
          body: { thumbnail_id: pick, analytics_source: "external" },
        })
      ).status,
    ).toBe(200);
    const variants = approved.body.thumbnails.map((t: { id: string }, i: number) => ({
      thumbnail_id: t.id,
      impressions: 1000,
      clicks: 50 + 10 * i,
    }));
    const pushed = await call("POST", `/workflows/${wf.id}/metrics`, { token: key, body: { variants } });
    expect(pushed.status).toBe(200);
    expect(pushed.body.variants.map((v: { impressions: number }) => v.impressions)).toEqual([1000, 1000, 1000]);

    // A key cannot manage keys, so a leaked one cannot mint more.
    expect((await call("POST", "/api-keys", { token: key, body: {} })).status).toBe(403);
    expect((await call("DELETE", `/api-keys/${created.body.id}`, { token: key })).status).toBe(403);
    // Nor webhooks: a key pointing deliveries (and their secrets) elsewhere is the same escalation.
    expect((await call("POST", "/webhooks", { token: key, body: { url: "https://hooks.example.com/x" } })).status).toBe(403);
    expect((await call("GET", "/webhooks", { token: key })).status).toBe(403);

    expect((await call("DELETE", `/api-keys/${created.body.id}`, { token })).status).toBe(204);
    expect((await call("GET", "/workflows", { token: key })).status).toBe(401);
    expect((await call("DELETE", `/api-keys/${created.body.id}`, { token })).status).toBe(404);
  });

  it("cannot be revoked by another account and reach only the owner's workflows", async () => {
    const alice = await newUser("alice-keys");
    const bob = await newUser("bob-keys");
    const aliceKey = (await call("POST", "/api-keys", { token: alice.token, body: { scopes: ["workflows:read"] } })).body;
    expect(aliceKey.name).toBe("API key");
    const bobsFlow = (await call("POST", "/workflows/start", { token: bob.token, body: { topic: "trail running" } })).body;
    expect((await call("GET", `/workflows/${bobsFlow.id}/status`, { token: aliceKey.key })).status).toBe(404);
    expect((await call("DELETE", `/api-keys/${aliceKey.id}`, { token: bob.token })).status).toBe(404);
    expect((await call("GET", "/workflows", { token: aliceKey.key })).status).toBe(200);
  });
});
