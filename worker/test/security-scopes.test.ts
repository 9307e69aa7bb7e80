// Attack: a leaked integrator key reaches more than the metrics push. Each key holds only the
// scopes chosen at creation (metrics:write by default); anything else is 403 naming the scope.
import { describe, expect, it } from "vitest";
import type { WorkflowState } from "../shared/contract";
import { call, expectProblem, toAbTesting } from "./helpers";
import { account } from "./security-helpers";

async function keyWith(token: string, scopes?: string[]) {
  const r = await call("POST", "/api-keys", { token, body: scopes ? { name: "integrator", scopes } : { name: "integrator" } });
  expect(r.status).toBe(201);
  return r.body as { id: string; key: string; scopes: string[] };
}

describe("least-privilege API keys", () => {
  it("a metrics:write key (the default) gets 403 on start, naming the missing scope, but can push metrics", async () => {
    const { token } = await account("scoped");
    const key = await keyWith(token);
    expect(key.scopes).toEqual(["metrics:write"]);

    const start = await call("POST", "/workflows/start", { token: key.key, body: { topic: "home espresso" } });
    const problem = expectProblem(start, 403);
    expect(problem.detail).toMatch(/workflows:write/);
    expect((start.body as { missing_scope: string }).missing_scope).toBe("workflows:write");

    const wf = await toAbTesting(token, "external");
    const read = await call("GET", `/workflows/${wf.id}/status`, { token: key.key });
    expect((read.body as { missing_scope: string }).missing_scope).toBe("workflows:read");
    expectProblem(await call("GET", "/workflows", { token: key.key }), 403);
    expectProblem(await call("POST", `/workflows/${wf.id}/stop-test`, { token: key.key }), 403);
    expectProblem(
      await call("POST", `/workflows/${wf.id}/declare-winner`, { token: key.key, body: { thumbnail_id: wf.thumbnails[0]!.id } }),
      403,
    );
    expectProblem(await call("GET", "/usage", { token: key.key }), 403);

    const variants = wf.thumbnails.map((t) => ({ thumbnail_id: t.id, impressions: 100, clicks: 5 }));
    const pushed = await call("POST", `/workflows/${wf.id}/metrics`, { token: key.key, body: { variants } });
    expect(pushed.status).toBe(200);
    expect((await call<WorkflowState>("GET", `/workflows/${wf.id}/status`, { token })).body.status).toBe("ab_testing");
  });

  it("workflows:read reads but cannot change; workflows:write changes but cannot push metrics", async () => {
    const { token } = await account("reader");
    const wf = await toAbTesting(token, "external");
    const reader = await keyWith(token, ["workflows:read"]);
    const writer = await keyWith(token, ["workflows:write"]);
    expect((await call("GET", `/workflows/${wf.id}/ab-status`, { token: reader.key })).status).toBe(200);
    expect((await call("GET", "/workflows", { token: reader.key })).status).toBe(200);
    expect((await call("GET", "/usage", { token: reader.key })).status).toBe(200);
    const variants = wf.thumbnails.map((t) => ({ thumbnail_id: t.id, impressions: 100, clicks: 5 }));
    const push = await call("POST", `/workflows/${wf.id}/metrics`, { token: writer.key, body: { variants } });
    expect((push.body as { missing_scope: string }).missing_scope).toBe("metrics:write");
    expectProblem(await call("POST", "/workflows/start", { token: reader.key, body: { topic: "cold brew" } }), 403);
    expect((await call("POST", "/workflows/start", { token: writer.key, body: { topic: "cold brew" } })).status).toBe(201);
  });

  it("shows the scopes in the list, refuses unknown scopes, and keeps keys away from account endpoints", async () => {
    const { token } = await account("lister");
    const key = await keyWith(token, ["workflows:write", "metrics:write"]);
    expect(key.scopes).toEqual(["metrics:write", "workflows:write"]);
    const list = await call("GET", "/api-keys", { token });
    expect(list.body.items[0].scopes).toEqual(["metrics:write", "workflows:write"]);
    expect(list.headers.get("cache-control")).toBe("no-store");
    expect(expectProblem(await call("POST", "/api-keys", { token, body: { scopes: ["admin"] } }), 400).errors?.[0]?.path).toMatch(
      /^scopes/,
    );
    expectProblem(await call("POST", "/api-keys", { token, body: { scopes: [] } }), 400);
    const all = await keyWith(token, ["workflows:read", "workflows:write", "metrics:write"]);
    for (const [method, path] of [
      ["GET", "/auth/me"],
      ["GET", "/account/export"],
      ["DELETE", "/account"],
      ["GET", "/api-keys"],
      ["GET", "/webhooks"],
      ["GET", "/youtube"],
      ["GET", "/youtube/videos"],
    ] as const) {
      expectProblem(await call(method, path, { token: all.key, body: method === "DELETE" ? { password: "x" } : undefined }), 403);
    }
  });
});
