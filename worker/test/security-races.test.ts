// Attack: race the per-account limits. The count and the insert are one statement, so 50
// parallel creations stop at the limit exactly.
import { describe, expect, it } from "vitest";
import { countRows, account, howMany } from "./security-helpers";
import { callIntegrations as call } from "./integrations-app";

describe("race-proof limits", () => {
  it("50 parallel webhook creations stop at 10", async () => {
    const { id, token } = await account("hook-racer");
    const replies = await Promise.all(
      Array.from({ length: 50 }, (_, i) => call("POST", "/webhooks", { token, body: { url: `https://hooks.example.com/${i}` } })),
    );
    expect(howMany(replies, 201)).toBe(10);
    expect(howMany(replies, 409)).toBe(40);
    expect(await countRows("SELECT id FROM webhook_endpoints WHERE team_id = ?", id)).toBe(10);
  });

  it("50 parallel API key creations stop at 20, and a revoked key frees a place", async () => {
    const { id, token } = await account("key-racer");
    const replies = await Promise.all(
      Array.from({ length: 50 }, (_, i) => call("POST", "/api-keys", { token, body: { name: `key ${i}` } })),
    );
    expect(howMany(replies, 201)).toBe(20);
    expect(howMany(replies, 409)).toBe(30);
    expect(await countRows("SELECT id FROM api_keys WHERE team_id = ? AND revoked_at IS NULL", id)).toBe(20);
    const first = replies.find((r) => r.status === 201)!.body.id as string;
    expect((await call("DELETE", `/api-keys/${first}`, { token })).status).toBe(204);
    const again = await Promise.all(Array.from({ length: 5 }, () => call("POST", "/api-keys", { token, body: {} })));
    expect(howMany(again, 201)).toBe(1);
  });
});
