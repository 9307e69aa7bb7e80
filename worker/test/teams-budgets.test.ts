// Budgets belong to the team (issue 21): members starting work at once share one daily budget,
// taken atomically, and every member's /usage reports the same figures.
import { describe, expect, it } from "vitest";
import type { BudgetProblem, UsageReport } from "../auth/contract";
import { call, expectProblem } from "./helpers";
import { countRows, howMany } from "./security-helpers";
import { forTeam, join, people } from "./teams-support";

const budget = (usage: UsageReport, name: string) => usage.budgets.find((b) => b.name === name)!;

describe("team budgets", () => {
  it("200 parallel starts from 3 members give exactly the team's 20, and /usage agrees for every member", async () => {
    const p = await people("team-spend");
    const made = await call("POST", "/teams", { token: p.owner.token, body: { name: "Busy channel" } });
    const team = made.body.id as string;
    await join(p, team, p.editor, "editor");
    await join(p, team, p.spare, "editor");
    await join(p, team, p.viewer, "viewer");
    const starters = [p.owner, p.editor, p.spare];
    const replies = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        forTeam(team, "POST", "/workflows/start", { token: starters[i % 3]!.token, body: { topic: `topic number ${i}` } }),
      ),
    );
    expect(howMany(replies, 201)).toBe(20);
    expect(howMany(replies, 429)).toBe(180);
    const problem = expectProblem(
      replies.find((r) => r.status === 429)!,
      429,
    ) as BudgetProblem;
    expect(problem).toMatchObject({ budget: "workflows_per_day", limit: 20 });
    // Nothing landed in a member's personal team; every workflow names the member who started it.
    for (const s of starters) expect(await countRows("SELECT id FROM workflows WHERE team_id = ?", s.id)).toBe(0);
    expect(await countRows("SELECT id FROM workflows WHERE team_id = ?", team)).toBe(20);
    const ids = starters.map((s) => s.id);
    const started = await countRows(
      `SELECT id FROM workflows WHERE team_id = ? AND created_by IN (${ids.map(() => "?").join(",")})`,
      team,
      ...ids,
    );
    expect(started).toBe(20);

    const reports = await Promise.all([...starters, p.viewer].map((m) => forTeam<UsageReport>(team, "GET", "/usage", { token: m.token })));
    for (const r of reports) {
      expect(r.status).toBe(200);
      expect(budget(r.body, "workflows_per_day")).toMatchObject({ limit: 20, used: 20, remaining: 0 });
      expect(budget(r.body, "script_generations_per_day")).toMatchObject({ used: 20 });
      expect(r.body.budgets).toEqual(reports[0]!.body.budgets);
    }
    // Each member's personal team has its own budget, untouched.
    const personal = (await call<UsageReport>("GET", "/usage", { token: p.editor.token })).body;
    expect(budget(personal, "workflows_per_day")).toMatchObject({ used: 0, remaining: 20 });
    // A viewer cannot spend the team's budget, and someone outside it cannot read it.
    expect((await forTeam(team, "POST", "/workflows/start", { token: p.viewer.token, body: { topic: "x" } })).status).toBe(403);
    expect((await forTeam(team, "GET", "/usage", { token: p.outsider.token })).status).toBe(404);
  }, 60_000);
});
