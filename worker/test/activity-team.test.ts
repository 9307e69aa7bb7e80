// Who did what in a shared team: each member's own action carries that member, the owner's
// webhook hears the editor's approval with the editor as actor, and a viewer's refused attempt
// leaves nothing in the log.
import { runDurableObjectAlarm } from "cloudflare:test";
import { describe, expect, inject, it } from "vitest";
import type { WorkflowState } from "../shared/contract";
import { call, drainAlarms, stubOf } from "./helpers";
import { type People, forTeam, freshTeam, people } from "./teams-support";

const receiverBase = inject("fakeWebhookUrl");
const member = (p: { id: string; email: string }) => ({ kind: "member", user_id: p.id, email: p.email });

describe("the activity log in a team", () => {
  it("names the member who acted, in the state, the export and the team's webhooks", async () => {
    const p: People = await people("activity-team");
    const team = await freshTeam(p, "Activity crew");
    const r: { id: string; url: string } = await (
      await fetch(`${receiverBase}/__receivers`, { method: "POST", body: JSON.stringify({ secret: "whsec_x" }) })
    ).json();
    const hook = await forTeam(team, "POST", "/webhooks", { token: p.owner.token, body: { url: r.url } });
    expect(hook.status).toBe(201);
    await fetch(`${receiverBase}/__receivers/${r.id}`, { method: "PUT", body: JSON.stringify({ secret: hook.body.secret }) });

    const started = await forTeam<WorkflowState>(team, "POST", "/workflows/start", {
      token: p.owner.token,
      body: { topic: "Night trains" },
    });
    expect(started.status).toBe(201);
    const id = started.body.id;
    // The viewer may not approve: 403, and the log stays empty.
    const refused = await call("POST", `/workflows/${id}/approve`, {
      token: p.viewer.token,
      body: { action: "approve", script_id: started.body.scripts[0]!.id },
    });
    expect(refused.status).toBe(403);
    expect((await call<WorkflowState>("GET", `/workflows/${id}/status`, { token: p.owner.token })).body.activity).toEqual([]);

    const approved = await call<WorkflowState>("POST", `/workflows/${id}/approve`, {
      token: p.editor.token,
      body: { action: "approve", script_id: started.body.scripts[0]!.id },
    });
    expect(approved.status).toBe(200);
    const [a, b] = approved.body.thumbnails.map((t) => t.id) as [string, string];
    const select = await call("POST", `/workflows/${id}/select-thumbnail`, {
      token: p.owner.token,
      body: { thumbnail_id: a, analytics_source: "external" },
    });
    expect(select.status).toBe(200);
    const declared = await call<WorkflowState>("POST", `/workflows/${id}/declare-winner`, {
      token: p.editor.token,
      body: { thumbnail_id: b },
    });
    expect(declared.status).toBe(200);

    const log = declared.body.activity.map((e) => [e.action, e.actor]);
    expect(log).toEqual([
      ["approve", member(p.editor)],
      ["select", member(p.owner)],
      ["declare", member(p.editor)],
    ]);
    // Every member reads the same log, and the export carries it.
    const seenByViewer = await call<WorkflowState>("GET", `/workflows/${id}/status`, { token: p.viewer.token });
    expect(seenByViewer.body.activity).toEqual(declared.body.activity);
    const exported = await call("GET", `/workflows/${id}/export?format=markdown`, { token: p.viewer.token });
    expect(exported.body).toContain(`${p.editor.email} approved the script`);
    expect(exported.body).toContain(`${p.owner.email} picked the thumbnail and started the test`);

    const stub = stubOf(id);
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    expect(await drainAlarms(stub)).toBe(0);
    const deliveries: { verified: boolean; body: any }[] = await (await fetch(`${receiverBase}/__receivers/${r.id}/deliveries`)).json();
    expect(deliveries.every((d) => d.verified)).toBe(true);
    const to = (status: string) => deliveries.find((d) => d.body.data.to === status)?.body.data.actor;
    expect(to("generating_thumbnails")).toEqual(member(p.editor));
    expect(to("ab_testing")).toEqual(member(p.owner));
    expect(to("completed")).toEqual(member(p.editor));
    expect(deliveries.find((d) => d.body.type === "ab_test.completed")?.body.data.actor).toEqual(member(p.editor));
  });
});
