// Attack: duplicate and doomed requests race genuine ones to hold a budget slot. A request that
// will fail (a duplicate the workflow refuses, a body that does not validate) must never take a
// slot, so N distinct workflows against a limit of L give exactly min(N, L), and every 429 and
// /usage agree on the count.
import { describe, expect, it } from "vitest";
import type { BudgetProblem, UsageReport } from "../auth/contract";
import type { WorkflowState } from "../shared/contract";
import { type Reply, call, expectProblem, startWorkflow, toThumbnails } from "./helpers";
import { account, countRows, howMany } from "./security-helpers";

const usedOf = async (token: string, name: string, vars?: Record<string, string>) =>
  (await call<UsageReport>("GET", "/usage", { token, vars })).body.budgets.find((b) => b.name === name)!.used;

function expectEvery429(replies: Reply[], budget: string, used: number): void {
  for (const r of replies.filter((x) => x.status === 429)) {
    expect(expectProblem(r, 429) as BudgetProblem).toMatchObject({ budget, used });
  }
}

/** 3 requests for each workflow, interleaved so duplicates race each other and the rest. */
const threeEach = <T>(items: T[]): T[] => [0, 1, 2].flatMap(() => items);

describe("duplicate requests cannot leak a budget slot", () => {
  it("21 parallel selects, 3 to each of 7 workflows, limit 5: exactly 5 tests run and every count says 5", async () => {
    const { id, token } = await account("dup-selects");
    const flows: WorkflowState[] = [];
    for (let i = 0; i < 7; i++) flows.push(await toThumbnails(token));
    const replies = await Promise.all(
      threeEach(flows).map((wf) =>
        call("POST", `/workflows/${wf.id}/select-thumbnail`, { token, body: { thumbnail_id: wf.thumbnails[0]!.id } }),
      ),
    );
    expect(howMany(replies, 200)).toBe(5);
    // The duplicates of the 5 running tests are conflicts; the 2 workflows left out get 429 (3 each).
    expect(howMany(replies, 409)).toBe(10);
    expect(howMany(replies, 429)).toBe(6);
    expectEvery429(replies, "concurrent_tests", 5);
    expect(await countRows("SELECT id FROM workflows WHERE team_id = ? AND status = 'ab_testing'", id)).toBe(5);
    expect(await usedOf(token, "concurrent_tests")).toBe(5);
    expect(await countRows("SELECT id FROM budget_reservations WHERE team_id = ?", id)).toBe(0);
  });

  it("21 parallel starts, 7 valid among 14 that fail validation, limit 5: exactly 5 start and the failures take nothing", async () => {
    const { id, token } = await account("dup-starts");
    const vars = { BUDGET_WORKFLOWS_PER_DAY: "5" };
    const bodies = [0, 1, 2, 3, 4, 5, 6].flatMap((i) => [{ topic: "x" }, { topic: `valid topic ${i}` }, { topic: `extra ${i}`, tone: 7 }]);
    const replies = await Promise.all(bodies.map((body) => call("POST", "/workflows/start", { token, body, vars })));
    expect(howMany(replies, 400)).toBe(14);
    expect(howMany(replies, 201)).toBe(5);
    expect(howMany(replies, 429)).toBe(2);
    expectEvery429(replies, "workflows_per_day", 5);
    expect(await countRows("SELECT id FROM workflows WHERE team_id = ?", id)).toBe(5);
    expect(await usedOf(token, "workflows_per_day", vars)).toBe(5);
  });

  it("21 parallel rejections, 3 to each of 7 workflows (one of them invalid), 5 generations left: exactly 5 write scripts", async () => {
    const { id, token } = await account("dup-rejects");
    // 7 starts write 7 script sets; 5 more are left for rejections.
    const vars = { BUDGET_SCRIPT_GENERATIONS_PER_DAY: "12" };
    const flows: WorkflowState[] = [];
    for (let i = 0; i < 7; i++) flows.push(await startWorkflow(token, `reject topic ${i}`));
    const requests = flows.flatMap((wf) => [
      { wf, body: { action: "reject", feedback: "shorter please" } },
      { wf, body: { action: "reject", feedback: 42 } },
      { wf, body: { action: "reject" } },
    ]);
    const replies = await Promise.all(requests.map(({ wf, body }) => call("POST", `/workflows/${wf.id}/approve`, { token, body, vars })));
    expect(howMany(replies, 400)).toBe(7);
    expect(howMany(replies, 200)).toBe(5);
    expect(howMany(replies, 429)).toBe(9);
    expectEvery429(replies, "script_generations_per_day", 12);
    expect(await usedOf(token, "script_generations_per_day", vars)).toBe(12);
    const revisions = await Promise.all(
      flows.map(async (wf) => (await call<WorkflowState>("GET", `/workflows/${wf.id}/status`, { token })).body.script_revisions.length),
    );
    expect(revisions.reduce((a, b) => a + b, 0)).toBe(7 + 5);
    expect(await countRows("SELECT id FROM budget_reservations WHERE team_id = ?", id)).toBe(0);
  });
});
