// Who did what: every gate decision and test action names the member or API key that took it,
// in the workflow's state, its results export and the webhook events a real receiver verifies.
import { runDurableObjectAlarm } from "cloudflare:test";
import { exports } from "cloudflare:workers";
import { describe, expect, inject, it } from "vitest";
import type { ActivityEntry, Results, WorkflowState } from "../shared/contract";
import { validPng } from "./image-fixtures";
import { BASE, call, drainAlarms, newUser, startWorkflow, stubOf, toAbTesting } from "./helpers";

const receiverBase = inject("fakeWebhookUrl");

async function upload(id: string, thumb: string, token: string) {
  const res = await exports.default.fetch(
    new Request(`${BASE}/workflows/${id}/thumbnails/${thumb}/upload`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "image/png" },
      body: new Uint8Array(validPng()),
    }),
  );
  expect(res.status).toBe(200);
  return (await res.json()) as WorkflowState;
}

async function post(path: string, token: string, body: unknown = {}): Promise<WorkflowState> {
  const r = await call<WorkflowState>("POST", path, { token, body });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body;
}

const member = (email: string) => ({ kind: "member", user_id: expect.any(String), email });

describe("the activity log", () => {
  it("records the member behind every gate decision and test action, in order, and exports it", async () => {
    const { email, token } = await newUser("actor");
    const wf = await startWorkflow(token);
    const id = wf.id;
    await post(`/workflows/${id}/approve`, token, { action: "reject", feedback: "  Shorter hook, please  " });
    const edited = await post(`/workflows/${id}/edit-script`, token, { script_id: wf.scripts[0]!.id, title: "My title" });
    const mine = edited.scripts[0]!.id;
    const approved = await post(`/workflows/${id}/approve`, token, { action: "approve", script_id: mine });
    const [a, b] = approved.thumbnails.map((t) => t.id) as [string, string];
    await post(`/workflows/${id}/thumbnails/${a}/regenerate`, token);
    await upload(id, b, token);
    await post(`/workflows/${id}/select-thumbnail`, token, { thumbnail_id: a, analytics_source: "external" });
    await post(`/workflows/${id}/chapters`, token, { reset: true });
    const done = await post(`/workflows/${id}/declare-winner`, token, { thumbnail_id: b });

    const expected: Partial<ActivityEntry>[] = [
      { action: "reject", feedback: "Shorter hook, please" },
      { action: "edit_script", script_id: wf.scripts[0]!.id, new_script_id: mine },
      { action: "approve", script_id: mine },
      { action: "redraw_thumbnail", thumbnail_id: a },
      { action: "upload_thumbnail", thumbnail_id: b },
      { action: "select", thumbnail_id: a, analytics_source: "external" },
      { action: "set_chapters", reset: true },
      { action: "declare", thumbnail_id: b },
    ];
    expect(done.activity).toEqual(expected.map((e) => ({ ...e, actor: member(email), at: expect.any(String) })));
    const times = done.activity.map((e) => Date.parse(e.at));
    expect(times).toEqual([...times].sort((x, y) => x - y));

    // The status the web reads and the results export carry the same log.
    const status = await call<WorkflowState>("GET", `/workflows/${id}/status`, { token });
    expect(status.body.activity).toEqual(done.activity);
    const exported = await call<Results>("GET", `/workflows/${id}/export`, { token });
    expect(exported.body.activity).toEqual(done.activity);
    const markdown = await call<string>("GET", `/workflows/${id}/export?format=markdown`, { token });
    expect(markdown.body).toContain("## Who did what");
    expect(markdown.body).toContain(`${email} approved the script`);
    expect(markdown.body).toContain(`${email} declared the winner`);
    expect(markdown.body).toContain(`${email} asked for new scripts: “Shorter hook, please”`);
  });

  it("names an API key by its name, and the stop of a test", async () => {
    const { token } = await newUser("actor-key");
    const key = await call("POST", "/api-keys", { token, body: { name: "Studio bot", scopes: ["workflows:read", "workflows:write"] } });
    expect(key.status).toBe(201);
    const wf = await toAbTesting(token, "external");
    const stopped = await post(`/workflows/${wf.id}/stop-test`, key.body.key);
    expect(stopped.activity.at(-1)).toEqual({
      action: "stop",
      actor: { kind: "api_key", key_id: key.body.id, name: "Studio bot" },
      at: expect.any(String),
    });
    // The helper's own approve and select were the signed-in creator's.
    expect(stopped.activity.map((e) => [e.action, e.actor.kind])).toEqual([
      ["approve", "member"],
      ["select", "member"],
      ["stop", "api_key"],
    ]);
  });

  it("puts the actor on every webhook event: the member's request, or the app's own step", async () => {
    const { email, token } = await newUser("actor-hooks");
    const r: { id: string; url: string } = await (
      await fetch(`${receiverBase}/__receivers`, { method: "POST", body: JSON.stringify({ secret: "whsec_x" }) })
    ).json();
    const hook = await call("POST", "/webhooks", { token, body: { url: r.url } });
    expect(hook.status).toBe(201);
    await fetch(`${receiverBase}/__receivers/${r.id}`, { method: "PUT", body: JSON.stringify({ secret: hook.body.secret }) });

    const wf = await startWorkflow(token);
    const approved = await post(`/workflows/${wf.id}/approve`, token, { action: "approve", script_id: wf.scripts[0]!.id });
    await post(`/workflows/${wf.id}/select-thumbnail`, token, { thumbnail_id: approved.thumbnails[0]!.id, analytics_source: "external" });
    await post(`/workflows/${wf.id}/declare-winner`, token, { thumbnail_id: approved.thumbnails[2]!.id });
    const stub = stubOf(wf.id);
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    expect(await drainAlarms(stub)).toBe(0);

    const deliveries: { verified: boolean; answered: number; body: any }[] = await (
      await fetch(`${receiverBase}/__receivers/${r.id}/deliveries`)
    ).json();
    expect(deliveries.length).toBeGreaterThan(0);
    expect(deliveries.every((d) => d.verified && d.answered === 204)).toBe(true);
    const byTransition = Object.fromEntries(
      deliveries
        .filter((d) => d.body.type === "workflow.status_changed")
        .map((d) => [`${d.body.data.from}>${d.body.data.to}`, d.body.data.actor]),
    );
    expect(byTransition).toEqual({
      "null>researching_trends": { kind: "system" },
      "researching_trends>generating_scripts": { kind: "system" },
      "generating_scripts>awaiting_approval": { kind: "system" },
      "awaiting_approval>generating_thumbnails": member(email),
      "generating_thumbnails>awaiting_thumbnail_selection": { kind: "system" },
      "awaiting_thumbnail_selection>ab_testing": member(email),
      "ab_testing>completed": member(email),
    });
    const completed = deliveries.find((d) => d.body.type === "ab_test.completed")!;
    expect(completed.body.data).toMatchObject({ decision: "manual", winner_id: approved.thumbnails[2]!.id, actor: member(email) });
  });
});
