// Chapters in the Studio package: estimated from the script's sections, and saying so, until the
// creator types the real times or pastes their editor's chapter list; then the package uses
// those. Bad lists get a 400 problem and change nothing; a stranger gets a 404.
import { describe, expect, it } from "vitest";
import type { Results, WorkflowState } from "../shared/contract";
import { call, expectProblem, newUser, toAbTesting } from "./helpers";

async function completed(token: string): Promise<WorkflowState> {
  const wf = await toAbTesting(token);
  const declared = await call<WorkflowState>("POST", `/workflows/${wf.id}/declare-winner`, {
    token,
    body: { thumbnail_id: wf.thumbnails[1]!.id },
  });
  expect(declared.body.status).toBe("completed");
  return declared.body;
}

const results = async (token: string, id: string) => (await call<Results>("GET", `/workflows/${id}/results`, { token })).body;

describe("chapters in the Studio package", () => {
  it("are estimated from the sections until real times are typed or pasted, then the package uses those", async () => {
    const { token } = await newUser("chapters");
    const wf = await completed(token);
    const before = await results(token, wf.id);
    const script = before.winning_content.script;
    expect(before.studio.chapter_times).toBe("estimated");
    expect(before.studio.chapters.map((c) => c.title)).toEqual(script.sections!.map((s) => s.heading));
    expect(before.studio.chapters[0]!.start_seconds).toBe(0);
    expect(before.studio.description).toContain("Chapters (estimated: set the real times after recording)");
    // The call to action points only at what the package holds.
    expect(before.studio.description).not.toMatch(/printable|linked below|download|full route/i);

    const typed = script.sections!.map((s, i) => ({ start_seconds: i * 95, title: s.heading }));
    const set = await call<WorkflowState>("POST", `/workflows/${wf.id}/chapters`, { token, body: { chapters: typed } });
    expect(set.status).toBe(200);
    const after = await results(token, wf.id);
    expect(after.studio.chapter_times).toBe("yours");
    expect(after.studio.chapters).toEqual(typed);
    expect(after.studio.description).toContain("Chapters\n0:00 ");
    expect(after.studio.description).toContain(`1:35 ${typed[1]!.title}`);
    expect(after.studio.description).not.toContain("estimated");

    const pasted = "0:00 Intro\n1:02 The setup\n4:30 - What went wrong\nThe fix 9:15";
    expect((await call("POST", `/workflows/${wf.id}/chapters`, { token, body: { text: pasted } })).status).toBe(200);
    const fromPaste = await results(token, wf.id);
    expect(fromPaste.studio.chapters).toEqual([
      { start_seconds: 0, title: "Intro" },
      { start_seconds: 62, title: "The setup" },
      { start_seconds: 270, title: "What went wrong" },
      { start_seconds: 555, title: "The fix" },
    ]);

    expect((await call("POST", `/workflows/${wf.id}/chapters`, { token, body: { reset: true } })).status).toBe(200);
    expect((await results(token, wf.id)).studio.chapter_times).toBe("estimated");
  });

  it("refuses lists YouTube would reject, and other people's workflows, changing nothing", async () => {
    const { token } = await newUser("chapters-bad");
    const wf = await completed(token);
    const bad = [
      { text: "1:00 Starts late\n2:00 B\n3:00 C" },
      { text: "0:00 A\n0:05 Too soon\n1:00 C" },
      { text: "0:00 A\nno time here\n2:00 C" },
      { chapters: [{ start_seconds: 0, title: "Only one" }] },
      { chapters: [0, 60, 120].map((s) => ({ start_seconds: s, title: "x" })), extra: 1 },
    ];
    for (const body of bad) expectProblem(await call("POST", `/workflows/${wf.id}/chapters`, { token, body }), 400);
    expect((await results(token, wf.id)).studio.chapter_times).toBe("estimated");
    const stranger = await newUser("chapters-stranger");
    const good = { chapters: [0, 60, 120].map((s, i) => ({ start_seconds: s, title: `Part ${i + 1}` })) };
    expectProblem(await call("POST", `/workflows/${wf.id}/chapters`, { token: stranger.token, body: good }), 404);
    expect((await results(token, wf.id)).studio.chapter_times).toBe("estimated");
  });
});
