import { describe, expect, it } from "vitest";
import type { WorkflowState } from "../shared/contract";
import { exports } from "cloudflare:workers";
import { BASE, call, expectProblem, newUser, startWorkflow } from "./helpers";

describe("hostile and malformed input", () => {
  it("never answers 5xx and never changes state", async () => {
    const { token } = await newUser("hostile");
    const wf = await startWorkflow(token);
    const before = (await call<WorkflowState>("GET", `/workflows/${wf.id}/status`, { token })).body;
    const bodies: (string | undefined)[] = [
      "{",
      "null",
      "[]",
      '"approve"',
      "123",
      JSON.stringify({ action: "approve" }),
      JSON.stringify({ action: "approve", script_id: 42 }),
      JSON.stringify({ action: "approve", script_id: "" }),
      JSON.stringify({ action: "approve", script_id: "nope" }),
      JSON.stringify({ action: "delete" }),
      JSON.stringify({ action: "reject", feedback: "x".repeat(5000) }),
      JSON.stringify({ action: "approve", script_id: wf.scripts[0]!.id, extra: true }),
      JSON.stringify({ __proto__: { admin: true }, action: "approve" }),
      JSON.stringify({ constructor: { prototype: { polluted: 1 } } }),
      "x".repeat(70 * 1024),
    ];
    for (const raw of bodies) {
      const r = await call("POST", `/workflows/${wf.id}/approve`, { token, raw, headers: { "content-type": "application/json" } });
      expect(r.status, raw?.slice(0, 60)).toBeGreaterThanOrEqual(400);
      expect(r.status, raw?.slice(0, 60)).toBeLessThan(500);
      expectProblem(r, r.status);
    }
    const starts: unknown[] = [
      {},
      { topic: "" },
      { topic: "ab" },
      { topic: 5 },
      { topic: "x".repeat(300) },
      { topic: "ok topic", niche: 7 },
      { topic: "ok topic", admin: true },
    ];
    for (const body of starts) {
      const p = expectProblem(await call("POST", "/workflows/start", { token, body }), 400);
      expect(p.errors?.length).toBeGreaterThan(0);
    }
    const metrics = await call("POST", `/workflows/${wf.id}/metrics`, {
      token,
      body: { variants: [{ thumbnail_id: "a", impressions: -1, clicks: 0 }] },
    });
    expectProblem(metrics, 400);
    const after = (await call<WorkflowState>("GET", `/workflows/${wf.id}/status`, { token })).body;
    expect(after).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const list = await call("GET", "/workflows", { token });
    expect(list.body.items).toHaveLength(1);
  });

  it("stops reading a streamed body without content-length at 64 KB (413)", async () => {
    const { token } = await newUser("stream");
    const chunk = new TextEncoder().encode("x".repeat(16 * 1024));
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        // 10 MB if nobody stops reading.
        if (sent++ < 640) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const res = await exports.default.fetch(
      new Request(`${BASE}/workflows/start`, {
        method: "POST",
        body,
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      }),
    );
    expect(res.status).toBe(413);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    expect(sent).toBeLessThan(20);
  });

  it("answers unknown routes and methods with problem details", async () => {
    expectProblem(await call("GET", "/nope"), 404);
    const { token } = await newUser("routes");
    expectProblem(await call("DELETE", "/workflows/start", { token }), 404);
    expectProblem(await call("GET", "/thumbnails/x/y.svg"), 404);
    expectProblem(await call("GET", `/thumbnails/${crypto.randomUUID()}/${crypto.randomUUID()}.svg`), 404);
  });

  it("allows CORS only for the configured origins", async () => {
    const allowed = await call("OPTIONS", "/health", {
      headers: { origin: "http://localhost:8787", "access-control-request-method": "GET" },
    });
    expect(allowed.headers.get("access-control-allow-origin")).toBe("http://localhost:8787");
    const denied = await call("OPTIONS", "/health", {
      headers: { origin: "https://evil.example", "access-control-request-method": "GET" },
    });
    expect(denied.headers.get("access-control-allow-origin")).toBeNull();
    const health = await call("GET", "/health");
    expect(health.status).toBe(200);
    expect(health.body.status).toBe("ok");
    expect(health.body.database).toBe("ok");
    expect(JSON.stringify(health.body)).not.toMatch(/secret/i);
  });
});
