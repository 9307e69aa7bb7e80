// A long test's history: thinned for the chart, whole as CSV, and the last point always exact.
import { describe, expect, it } from "vitest";
import type { AbHistory, AbStatus } from "../shared/contract";
import { BASE, call, expectProblem, newUser, toAbTesting } from "./helpers";
import { runInDurableObject } from "cloudflare:test";
import { env, exports } from "cloudflare:workers";
import { AbHistoryTable } from "../do/ab-history";

describe("A/B history", () => {
  it("thins many looks to the points asked for and offers every look as CSV", async () => {
    const { token } = await newUser("history");
    const wf = await toAbTesting(token, "external");
    const ids = wf.thumbnails.map((t) => t.id);
    const looks = 240;
    for (let n = 1; n <= looks; n++) {
      const variants = ids.map((id, i) => ({ thumbnail_id: id, impressions: n * 20, clicks: Math.floor(n * 20 * (0.05 + 0.001 * i)) }));
      const r = await call("POST", `/workflows/${wf.id}/metrics`, { token, body: { variants } });
      expect(r.status).toBe(200);
    }
    const status = (await call<AbStatus>("GET", `/workflows/${wf.id}/ab-status`, { token })).body;
    const thin = (await call<AbHistory>("GET", `/workflows/${wf.id}/ab-history?points=40`, { token })).body;
    expect(thin.total_points).toBe(looks);
    expect(thin.points.length).toBeLessThanOrEqual(40);
    expect(thin.points.at(-1)!.impressions).toEqual(status.variants.map((v) => v.impressions));
    expect(thin.points.at(-1)!.clicks).toEqual(status.variants.map((v) => v.clicks));
    const dflt = (await call<AbHistory>("GET", `/workflows/${wf.id}/ab-history`, { token })).body;
    expect(dflt.points).toHaveLength(looks); // under the default of 300: every look
    expectProblem(await call("GET", `/workflows/${wf.id}/ab-history?points=5`, { token }), 400);

    const res = await exports.default.fetch(
      new Request(`${BASE}/workflows/${wf.id}/ab-history.csv`, { headers: { authorization: `Bearer ${token}` } }),
    );
    expect(res.headers.get("content-type")).toContain("text/csv");
    expect(res.headers.get("content-disposition")).toMatch(/attachment; filename="ab-history-/);
    const lines = (await res.text()).trim().split("\n");
    expect(lines).toHaveLength(looks + 1);
    expect(lines[0]).toContain('"Face-focused impressions"');
    expect(lines.at(-1)!.split(",").slice(1).map(Number)).toEqual(status.variants.flatMap((v) => [v.impressions, v.clicks]));
    const other = await newUser("history-other");
    expectProblem(await call("GET", `/workflows/${wf.id}/ab-history.csv`, { token: other.token }), 404);
  });
});

describe("the history table", () => {
  it("adds no row for a look that changed nothing, and samples a very long history in SQL for the chart", async () => {
    const stub = env.WORKFLOW.get(env.WORKFLOW.idFromName(`history-table-${crypto.randomUUID()}`));
    await runInDurableObject(stub, (_o, state) => {
      const table = new AbHistoryTable(state.storage.sql);
      const point = (n: number) => ({ t: n, impressions: [n, n], clicks: [n >> 4, n >> 5], ctr_intervals: [null, null] });
      table.append(1, point(1));
      table.append(2, point(1)); // the same totals re-sent
      expect(table.count()).toBe(1);
      for (let n = 2; n <= 20_000; n++) table.append(n, point(n));
      expect(table.count()).toBe(20_000);
      const chart = table.chartPoints();
      expect(chart.length).toBeLessThanOrEqual(8002);
      expect(chart.length).toBeGreaterThan(6000);
      expect(chart[0]!.t).toBe(1);
      expect(chart.at(-1)!.t).toBe(20_000);
      expect(chart.map((p) => p.t)).toEqual([...chart.map((p) => p.t)].sort((a, b) => a - b));
    });
  });
});
