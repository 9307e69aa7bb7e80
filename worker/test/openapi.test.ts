// The OpenAPI document covers every route of the app, is generated from the validating schemas,
// and the reference page runs under a strict CSP.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { app } from "../app";
import { OPERATIONS, toOpenApiPath } from "../openapi/document";
import { StartWorkflowRequest } from "../shared/contract";
import { CreateWebhookRequest, WEBHOOK_EVENT_TYPES } from "../shared/integrations";
import { callIntegrations as call } from "./integrations-app";

/** Real endpoints only: middleware is registered as ALL and CORS preflights as OPTIONS. */
const endpoints = (routes: { method: string; path: string }[]) =>
  routes.filter((r) => r.method !== "ALL" && r.method !== "OPTIONS").map((r) => `${r.method.toLowerCase()} ${toOpenApiPath(r.path)}`);

describe("GET /api/v1/openapi.json", () => {
  it("documents every route of the app, and nothing the app lacks", async () => {
    const res = await call("GET", "/openapi.json");
    expect(res.status).toBe(200);
    const doc = res.body;
    expect(doc.openapi).toBe("3.1.0");
    const documented = new Set(
      Object.entries(doc.paths as Record<string, object>).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m} ${path}`)),
    );

    const served = new Set(endpoints(app.routes));
    const missing = [...served].filter((r) => !documented.has(r));
    expect(missing, "routes missing from the OpenAPI document (add them to OPERATIONS)").toEqual([]);
    const stale = [...documented].filter((r) => !served.has(r));
    expect(stale, "documented operations no route serves").toEqual([]);
  });

  it("takes request bodies and queries from the schemas the routes validate with", async () => {
    const doc = (await call("GET", "/openapi.json")).body;
    const strip = ({ $schema: _s, ...rest }: Record<string, unknown>) => rest;
    expect(doc.components.schemas.StartWorkflowRequest).toEqual(
      strip(z.toJSONSchema(StartWorkflowRequest, { io: "input" }) as Record<string, unknown>),
    );
    expect(doc.components.schemas.CreateWebhookRequest).toEqual(
      strip(z.toJSONSchema(CreateWebhookRequest, { io: "input" }) as Record<string, unknown>),
    );
    const start = doc.paths["/api/v1/workflows/start"].post;
    expect(start.requestBody.content["application/json"].schema).toEqual({ $ref: "#/components/schemas/StartWorkflowRequest" });
    expect(start.responses["201"].content["application/json"].schema).toEqual({ $ref: "#/components/schemas/WorkflowState" });
    expect(start.responses["401"].content["application/problem+json"].schema).toEqual({ $ref: "#/components/schemas/Problem" });
    const listParams = doc.paths["/api/v1/workflows"].get.parameters as { name: string; in: string }[];
    expect(listParams.filter((p) => p.in === "query").map((p) => p.name)).toEqual(["limit", "cursor", "status"]);
    // The list acts for the team X-Team-Id names (issue 21).
    expect(listParams.filter((p) => p.in === "header").map((p) => p.name)).toEqual(["X-Team-Id"]);
    expect(doc.paths["/api/v1/auth/login"].post.requestBody.content).toHaveProperty("application/x-www-form-urlencoded");
    // Every event an endpoint can subscribe to is documented.
    expect(Object.keys(doc.webhooks)).toEqual([...WEBHOOK_EVENT_TYPES]);
    expect(Object.keys(doc.webhooks)).toContain("youtube.reconnect_needed");
    // Every $ref points at a component that exists.
    for (const [, id] of JSON.stringify(doc).matchAll(/"#\/components\/schemas\/(\w+)"/g))
      expect(doc.components.schemas).toHaveProperty(id!);
    expect(new Set(OPERATIONS.map((o) => `${o.method} ${o.path}`)).size).toBe(OPERATIONS.length);
  });
});

describe("GET /api/v1/docs", () => {
  it("serves a self-contained page whose only script is allowed by hash", async () => {
    const res = await call("GET", "/docs");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/html");
    const html = res.body as string;
    expect(html).not.toMatch(/<script[^>]+src=|https?:\/\/(?!json-schema)/);
    const script = /<script>([\s\S]*)<\/script>/.exec(html)![1]!;
    const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(script)));
    const hash = `sha256-${btoa(String.fromCharCode(...digest))}`;
    expect(res.headers.get("content-security-policy")).toContain(`script-src '${hash}'`);
    expect(res.headers.get("content-security-policy")).toContain("default-src 'none'");
  });
});
