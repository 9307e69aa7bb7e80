import { runDurableObjectAlarm } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import type { AbHistory, AbStatus, Results, WorkflowList, WorkflowState } from "../shared/contract";
import { alarmAt, call, drainAlarms, expectProblem, newUser, startWorkflow, stubOf } from "./helpers";

const POLL_MS = Number(env.AB_POLL_INTERVAL_SECONDS) * 1000;

describe("the whole pipeline", () => {
  it("goes from idea to results: start, reject, approve, select, polls, declare, results", async () => {
    const { token } = await newUser("flow");
    const wf = await startWorkflow(token, "sourdough baking");
    expect(wf.status).toBe("awaiting_approval");
    expect(wf.requires_action).toBe("script_approval");
    expect(wf.trends?.trends.length).toBeGreaterThanOrEqual(5);
    expect(wf.trends?.summary).toContain("sourdough baking");
    expect(wf.scripts).toHaveLength(3);
    for (const s of wf.scripts) {
      expect(s.id && s.title && s.hook && s.body && s.call_to_action).toBeTruthy();
      expect(s.estimated_duration_seconds).toBeGreaterThan(30);
      expect(`${s.title} ${s.body}`.toLowerCase()).toContain("sourdough baking");
      expect(s.body).not.toMatch(/lorem ipsum/i);
    }
    expect(new Set(wf.scripts.map((s) => s.body)).size).toBe(3);
    expect(new Set(wf.scripts.map((s) => s.title)).size).toBe(3);
    // Offline trends are sample data, and say so; the writer does not quote their made-up figures.
    expect(wf.trends!.summary).toMatch(/^Sample data/);
    expect(wf.scripts.every((s) => !wf.trends!.trends.some((t) => s.body.includes(`${t.growth_pct}%`)))).toBe(true);

    const rejected = await call<WorkflowState>("POST", `/workflows/${wf.id}/approve`, {
      token,
      body: { action: "reject", feedback: "Make them shorter and use more data" },
    });
    expect(rejected.status).toBe(200);
    expect(rejected.body.status).toBe("awaiting_approval");
    expect(rejected.body.script_revisions).toHaveLength(2);
    expect(rejected.body.script_revisions[1]!.feedback).toBe("Make them shorter and use more data");
    const fresh = rejected.body.scripts;
    // The feedback says nothing about titles, so revision 1's titles survive, on new script ids.
    expect(fresh.map((s) => s.title)).toEqual(wf.scripts.map((s) => s.title));
    expect(fresh.some((s) => wf.scripts.some((o) => o.id === s.id))).toBe(false);
    // Feedback was applied, and the revision says what was done with it.
    const avg = (xs: { estimated_duration_seconds: number }[]) => xs.reduce((a, s) => a + s.estimated_duration_seconds, 0) / xs.length;
    expect(avg(fresh)).toBeLessThan(avg(wf.scripts));
    expect(rejected.body.script_revisions[1]!.feedback_applied.join(" ")).toMatch(/shorter/i);

    // A script nobody wrote cannot be approved; an earlier revision's can.
    expectProblem(await call("POST", `/workflows/${wf.id}/approve`, { token, body: { action: "approve", script_id: "nope" } }), 400);
    const approved = await call<WorkflowState>("POST", `/workflows/${wf.id}/approve`, {
      token,
      body: { action: "approve", script_id: wf.scripts[2]!.id },
    });
    expect(approved.status).toBe(200);
    expect(approved.body.status).toBe("awaiting_thumbnail_selection");
    expect(approved.body.requires_action).toBe("thumbnail_selection");
    expect(approved.body.approved_script_id).toBe(wf.scripts[2]!.id);
    const thumbs = approved.body.thumbnails;
    expect(thumbs.map((t) => t.style).sort()).toEqual(["FACE_FOCUSED", "PRODUCT_DEMO", "VIRAL"]);
    for (const t of thumbs) {
      expect(t.prompt.length).toBeGreaterThan(40);
      // Loadable by a plain <img>: no Authorization header.
      const img = await call("GET", t.url.replace("/api/v1", ""));
      expect(img.status).toBe(200);
      expect(img.headers.get("content-type")).toContain("image/svg+xml");
      expect(img.body).toContain('width="1280"');
      expect(img.body).toContain('height="720"');
    }

    const selected = await call<WorkflowState>("POST", `/workflows/${wf.id}/select-thumbnail`, {
      token,
      body: { thumbnail_id: thumbs[0]!.id },
    });
    expect(selected.status).toBe(200);
    expect(selected.body.status).toBe("ab_testing");
    expect(selected.body.requires_action).toBe("ab_test_monitoring");
    expect(selected.body.selected_thumbnail_id).toBe(thumbs[0]!.id);

    let status = (await call<AbStatus>("GET", `/workflows/${wf.id}/ab-status`, { token })).body;
    expect(status.is_running).toBe(true);
    expect(status.variants).toHaveLength(3);
    expect(status.creator_pick_id).toBe(thumbs[0]!.id);
    expect(Date.parse(status.deadline_at) - Date.parse(status.started_at)).toBe(Number(env.AB_TEST_TIMEOUT_HOURS) * 3600_000);
    expect(status.variants.every((v) => v.impressions === 0)).toBe(true);

    const stub = stubOf(wf.id);
    let last = 0;
    let clock = Date.now();
    for (let i = 0; i < 3; i++) {
      clock += POLL_MS;
      await alarmAt(stub, clock);
      status = (await call<AbStatus>("GET", `/workflows/${wf.id}/ab-status`, { token })).body;
      const total = status.variants.reduce((a, v) => a + v.impressions, 0);
      expect(total).toBeGreaterThan(last);
      last = total;
    }
    expect(status.polls).toBe(3);
    for (const v of status.variants) {
      expect(v.clicks).toBeLessThanOrEqual(v.impressions);
      expect(v.ctr).toBeCloseTo(v.clicks / v.impressions, 10);
    }
    expect(status.current_confidence).toBeGreaterThanOrEqual(0);
    expect(status.current_confidence).toBeLessThanOrEqual(1);
    expect(status.can_declare_early).toBe(status.current_confidence >= 0.9);

    const history = (await call<AbHistory>("GET", `/workflows/${wf.id}/ab-history`, { token })).body;
    expect(history.points).toHaveLength(3);
    expect(history.points[2]!.impressions.reduce((a, b) => a + b, 0)).toBe(last);
    // Chart bands after a reload are the engine's intervals, the same the cards show.
    const lastInterval = history.points[2]!.ctr_intervals![0]!;
    expect(lastInterval).toEqual(status.variants[0]!.ctr_interval);

    const declared = await call<WorkflowState>("POST", `/workflows/${wf.id}/declare-winner`, {
      token,
      body: { thumbnail_id: thumbs[2]!.id },
    });
    expect(declared.status).toBe(200);
    expect(declared.body.status).toBe("completed");
    expect(declared.body.requires_action).toBeNull();
    expect(declared.body.ab_test?.decision).toBe("manual");
    expect(declared.body.ab_test?.winner_id).toBe(thumbs[2]!.id);

    // Polling has stopped for good: once the webhook outbox is drained no alarm is left, and a stray tick changes nothing.
    expect(await drainAlarms(stub)).toBeLessThanOrEqual(1);
    expect(await runDurableObjectAlarm(stub)).toBe(false);
    await alarmAt(stub, Date.now() + 3600_000);
    const after = (await call<AbStatus>("GET", `/workflows/${wf.id}/ab-status`, { token })).body;
    expect(after.polls).toBe(3);
    expect(after.is_running).toBe(false);

    const results = await call<Results>("GET", `/workflows/${wf.id}/results`, { token });
    expect(results.status).toBe(200);
    expect(results.body.export_ready).toBe(true);
    expect(results.body.winning_content.script.id).toBe(wf.scripts[2]!.id);
    expect(results.body.winning_content.thumbnail.id).toBe(thumbs[2]!.id);
    expect(results.body.ab_test_summary.total_impressions).toBe(last);
    expect(results.body.ab_test_summary.decision).toBe("manual");
    expect(results.body.ab_test_summary.variants).toHaveLength(3);
    expect(results.body.ab_test_summary).toMatchObject({
      analytics_source: "simulated",
      picked_before_proof: true,
      confidence_threshold: 0.95,
    });
    // A package ready for Studio: the winner's title first, a description with chapters, tags, an absolute PNG link.
    const studio = results.body.studio;
    expect(studio.title_options[0]).toBe(wf.scripts[2]!.title);
    expect(studio.chapters[0]!.start_seconds).toBe(0);
    expect(studio.chapters.length).toBeGreaterThanOrEqual(3);
    expect(studio.description).toContain(`0:00 ${studio.chapters[0]!.title}`);
    expect(studio.tags.length).toBeGreaterThan(0);
    expect(studio.thumbnail_png_url).toMatch(new RegExp(`^http://localhost:8787/api/v1/thumbnails/${wf.id}/${thumbs[2]!.id}\\.png`));

    const md = await call("GET", `/workflows/${wf.id}/export?format=markdown`, { token });
    expect(md.status).toBe(200);
    expect(md.headers.get("content-disposition")).toMatch(/attachment; filename=".+\.md"/);
    expect(md.body).toContain(`# ${wf.scripts[2]!.title}`);
    expect(md.body).toContain("## For YouTube Studio");
    expect(md.body).toContain("**Simulated traffic:**");
    expect(md.body).toContain("You picked the winner before the test proved it");
    expect(md.body).toMatch(/\| (Face-focused|Product demo|Viral) \(winner\) \|/);
    expect(md.body).not.toMatch(/FACE_FOCUSED|PRODUCT_DEMO|VIRAL/);
    const json = await call("GET", `/workflows/${wf.id}/export?format=json`, { token });
    expect(json.body.winning_content.thumbnail.id).toBe(thumbs[2]!.id);

    const list = await call<WorkflowList>("GET", "/workflows?status=completed", { token });
    expect(list.body.items.map((i) => i.id)).toEqual([wf.id]);
    // The dashboard row of a finished test: the winner's picture, its CTR, how long it took, and the source.
    const row = list.body.items[0]!.preview!;
    expect(row.thumbnail_url).toContain(thumbs[2]!.id);
    expect(row.leader_ctr).toBeCloseTo(results.body.ab_test_summary.variants.find((v) => v.thumbnail_id === thumbs[2]!.id)!.ctr, 10);
    expect(row.status_text).toMatch(/^You picked .+ before the test proved it$/);
    expect(row.time_to_result_seconds).toBe(results.body.ab_test_summary.duration_seconds);
    expect(row.analytics_source).toBe("simulated");
  });

  it("answers 409 for steps out of order", async () => {
    const { token } = await newUser("order");
    const wf = await startWorkflow(token);
    expectProblem(await call("POST", `/workflows/${wf.id}/select-thumbnail`, { token, body: { thumbnail_id: "x" } }), 409);
    expectProblem(await call("GET", `/workflows/${wf.id}/results`, { token }), 409);
    expectProblem(await call("POST", `/workflows/${wf.id}/stop-test`, { token }), 409);
    expectProblem(await call("POST", `/workflows/${wf.id}/declare-winner`, { token, body: { thumbnail_id: "x" } }), 409);
    const ok = await call("POST", `/workflows/${wf.id}/approve`, { token, body: { action: "approve", script_id: wf.scripts[0]!.id } });
    expect(ok.status).toBe(200);
    expectProblem(
      await call("POST", `/workflows/${wf.id}/approve`, { token, body: { action: "approve", script_id: wf.scripts[0]!.id } }),
      409,
    );
    expectProblem(await call("POST", `/workflows/${wf.id}/approve`, { token, body: { action: "reject" } }), 409);
    const state = await call<WorkflowState>("GET", `/workflows/${wf.id}/status`, { token });
    expect(state.body.status).toBe("awaiting_thumbnail_selection");
    expect(state.body.thumbnails).toHaveLength(3);
  });

  it("lists the caller's workflows newest first, with paging and a status filter", async () => {
    const { token } = await newUser("list");
    const ids: string[] = [];
    for (const topic of ["alpha topic", "beta topic", "gamma topic", "delta topic", "epsilon topic"])
      ids.push((await startWorkflow(token, topic)).id);
    await call("POST", `/workflows/${ids[0]}/approve`, {
      token,
      body: {
        action: "approve",
        script_id: (await call<WorkflowState>("GET", `/workflows/${ids[0]}/status`, { token })).body.scripts[0]!.id,
      },
    });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: WorkflowList } = await call<WorkflowList>(
        "GET",
        `/workflows?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`,
        { token },
      );
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.items.map((i) => i.id));
      cursor = page.body.next_cursor;
    } while (cursor);
    expect(seen).toEqual([...ids].reverse());
    const waiting = await call<WorkflowList>("GET", "/workflows?status=awaiting_thumbnail_selection", { token });
    expect(waiting.body.items.map((i) => i.id)).toEqual([ids[0]]);
    expect(waiting.body.items[0]!.requires_action).toBe("thumbnail_selection");
    // Rows with thumbnails carry a picture; rows still at the script gate do not.
    expect(waiting.body.items[0]!.preview).toMatchObject({
      thumbnail_url: expect.stringMatching(/^\/api\/v1\/thumbnails\//),
      status_text: null,
    });
    const gate = await call<WorkflowList>("GET", "/workflows?status=awaiting_approval", { token });
    expect(gate.body.items.every((i) => i.preview === null)).toBe(true);
    expectProblem(await call("GET", "/workflows?limit=0", { token }), 400);
    expectProblem(await call("GET", "/workflows?status=bogus", { token }), 400);
    expectProblem(await call("GET", "/workflows?cursor=%%%", { token }), 400);
  });
});
