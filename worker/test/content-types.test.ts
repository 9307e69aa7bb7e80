// Attack: a cross-site page posts JSON as text/plain (a "simple" request, so no CORS preflight)
// and hopes the API reads it anyway. Every JSON route must refuse it with 415 problem details,
// before anything changes, and so must any route added later (the check is one middleware).
import { describe, expect, it } from "vitest";
import type { WorkflowState } from "../shared/contract";
import { call, expectProblem, newUser, startWorkflow } from "./helpers";

interface Operation {
  method: string;
  path: string;
  jsonBody: boolean;
}

/** Every operation that takes a body, or could be sent one, except those whose body is not JSON (image uploads). */
async function bodyOperations(): Promise<Operation[]> {
  const doc = (await call("GET", "/openapi.json")).body as { paths: Record<string, Record<string, { requestBody?: { content: object } }>> };
  return Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops)
      .filter(([method, op]) => method !== "get" && (!op.requestBody || "application/json" in op.requestBody.content))
      .map(([method, op]) => ({ method: method.toUpperCase(), path, jsonBody: !!op.requestBody })),
  );
}

const concrete = (path: string) => path.replace(/^\/api\/v1/, "").replace(/\{[^}]+\}/g, () => crypto.randomUUID());
const JSON_TEXT = JSON.stringify({ topic: "a topic that would start a workflow", action: "reject", password: "x", name: "k" });

describe("content types", () => {
  it("text/plain with a JSON body gets 415 on every JSON route of the OpenAPI document", async () => {
    const { token } = await newUser("content-type");
    const operations = await bodyOperations();
    expect(operations.filter((o) => o.jsonBody).length).toBeGreaterThanOrEqual(15);
    for (const op of operations) {
      for (const type of ["text/plain", "text/plain;charset=UTF-8", ""]) {
        const headers: Record<string, string> = type ? { "content-type": type } : {};
        const reply = await call(op.method, concrete(op.path), { token, raw: JSON_TEXT, headers });
        const label = `${op.method} ${op.path} as '${type}'`;
        expect(reply.status, label).toBe(415);
        expect(expectProblem(reply, 415).errors?.[0]?.path, label).toBe("content-type");
      }
    }
  });

  it("an image body on a JSON route is 415 too, and the form encoding is only for sign-in", async () => {
    const { token } = await newUser("content-type-2");
    const wf = await startWorkflow(token);
    const png = await call("POST", `/workflows/${wf.id}/approve`, { token, raw: JSON_TEXT, headers: { "content-type": "image/png" } });
    expectProblem(png, 415);
    const form = await call("POST", `/workflows/${wf.id}/approve`, {
      token,
      raw: "action=reject",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expectProblem(form, 415);
    expect((await call<WorkflowState>("GET", `/workflows/${wf.id}/status`, { token })).body.script_revisions).toHaveLength(1);
  });

  it("edit-script sent as text/plain is refused and the script is unchanged", async () => {
    const { token } = await newUser("content-type-3");
    const wf = await startWorkflow(token);
    const edit = JSON.stringify({ script_id: wf.scripts[0]!.id, title: "Smuggled title" });
    const reply = await call("POST", `/workflows/${wf.id}/edit-script`, { token, raw: edit, headers: { "content-type": "text/plain" } });
    expectProblem(reply, 415);
    const after = (await call<WorkflowState>("GET", `/workflows/${wf.id}/status`, { token })).body;
    expect(after.script_revisions).toHaveLength(1);
    expect(after.scripts[0]!.title).toBe(wf.scripts[0]!.title);
    // The same edit as JSON is applied.
    expect(
      (await call("POST", `/workflows/${wf.id}/edit-script`, { token, raw: edit, headers: { "content-type": "application/json" } })).status,
    ).toBe(200);
  });
});
