// The offline writer: feedback that visibly changes the next revision, honest notes about what it
// could not do, the topic's own casing, no repeated hook, outlines that fit the kind, distinct angles.
import { describe, expect, it } from "vitest";
import { readFeedback } from "../providers/feedback";
import { offlineScriptWriter, writeOfflineRevision } from "../providers/offline-scripts";
import { OFFLINE_SAMPLE_SOURCE, offlineTrendReport } from "../providers/offline-trends";
import type { ScriptInput } from "../providers/types";
import { firstRevision } from "./script-input";
import { ScriptSchema, type Script } from "../shared/contract";

const now = new Date("2026-11-20T12:00:00Z");

const input = (topic: string, over: Partial<ScriptInput> = {}): ScriptInput =>
  firstRevision(topic, offlineTrendReport({ topic, niche: null, audience: null }, now), over);

const text = (s: Script) => [s.title, s.hook, s.body, ...s.outline, s.call_to_action].join("\n");
const avg = (scripts: Script[]) => scripts.reduce((sum, s) => sum + s.estimated_duration_seconds, 0) / scripts.length;

describe("reading feedback", () => {
  it("finds items, tone and length in the creator's words", () => {
    const r = readFeedback("Please cover the JR Pass, hostels and convenience-store meals. Make it funnier and shorter!");
    expect(r.include).toEqual(["the JR Pass", "hostels", "convenience-store meals"]);
    expect(r.tones).toEqual(["funny"]);
    expect(r.length).toBe("shorter");
    expect(r.unhandled).toEqual([]);
  });

  it("reads 'less X' as wanting the opposite, and keeps what it cannot parse", () => {
    const r = readFeedback("Less hype, no jokes. Under 4 minutes. Use my cloned voice");
    expect(r.tones.sort()).toEqual(["calm", "serious"]);
    expect(r.targetSeconds).toBe(240);
    expect(r.unhandled).toEqual(["Use my cloned voice"]);
  });

  it("lets the newest feedback win a conflict and keeps earlier items", () => {
    const r = readFeedback("actually more serious please", ["make it funnier and mention hostels"]);
    expect(r.tones).toEqual(["serious"]);
    expect(r.include).toEqual(["hostels"]);
  });
});

describe("the offline writer", () => {
  const first = writeOfflineRevision(input("Budget travel Japan"));

  it("writes valid scripts from three different angle families, in the topic's own casing", () => {
    expect(first.scripts).toHaveLength(3);
    for (const s of first.scripts) {
      expect(ScriptSchema.safeParse(s).success).toBe(true);
      expect(text(s)).not.toMatch(/\bjapan\b/);
      expect(text(s)).toMatch(/\bJapan\b/);
    }
    expect(new Set(first.scripts.map((s) => s.angle)).size).toBe(3);
    expect(new Set(first.scripts.map((s) => s.hook)).size).toBe(3);
    expect(first.applied).toEqual([]);
  });

  it("never repeats the hook as the first paragraph of the body", () => {
    for (const s of first.scripts) {
      expect(s.body.split("\n\n")[0]).not.toContain(s.hook);
      expect(s.body).not.toContain(s.hook);
    }
  });

  it("gives a travel topic travel outlines, not gear or talent", () => {
    const outlines = first.scripts.flatMap((s) => s.outline).join(" ");
    expect(outlines).not.toMatch(/gear|talent|roadmap/i);
    const recipe = writeOfflineRevision(input("Weeknight meal prep"))
      .scripts.flatMap((s) => s.outline)
      .join(" ");
    expect(recipe).toMatch(/ingredient|prep|cook|season|shopping|batch|recipe|method|storage|pan|heat|tast/i);
    const product = writeOfflineRevision(input("iPhone 17 Pro review"))
      .scripts.flatMap((s) => s.outline)
      .join(" ");
    expect(product).toMatch(/price|buy|setup|settings|verdict|box|cost|daily use|round/i);
  });

  it("weaves the named items into the sections, keeps the titles, and says what changed", () => {
    const feedback = "Please cover the JR Pass, hostels and convenience-store meals. Make it funnier and shorter.";
    const second = writeOfflineRevision(input("Budget travel Japan", { feedback, previous: first.scripts, revision: 2 }));
    second.scripts.forEach((s, i) => {
      const spoken = (s.sections ?? []).map((x) => x.spoken).join(" ");
      for (const item of ["JR Pass", "hostels", "convenience-store meals"]) {
        expect(spoken).toContain(item);
        expect(s.hook).not.toContain(item);
      }
      expect(s.body).toMatch(/\[Delivery: light and playful/);
      // The titles and the angles survive: the feedback did not ask for new ones.
      expect(s.title).toBe(first.scripts[i]!.title);
      expect(s.angle).toBe(first.scripts[i]!.angle);
    });
    expect(avg(second.scripts)).toBeLessThan(avg(first.scripts));
    expect(second.applied.join(" ")).toMatch(/JR Pass: worked into “/);
    expect(second.applied.join(" ")).toMatch(/Funnier/);
    expect(second.applied.join(" ")).toMatch(/Shorter: about \d+:\d\d instead of \d+:\d\d/);
    expect(second.applied).toContain("Titles and sections kept from the previous revision");
    expect(second.feedback_notes).toEqual([]);
  });

  it("makes longer scripts longer and keeps earlier items when told", () => {
    const longer = writeOfflineRevision(
      input("learn guitar", {
        feedback: "Longer, with more detail",
        earlier_feedback: ["include fingerpicking"],
        previous: [],
        revision: 3,
      }),
    );
    const base = writeOfflineRevision(input("learn guitar"));
    expect(avg(longer.scripts)).toBeGreaterThan(avg(base.scripts));
    for (const s of longer.scripts) expect(s.sections!.map((x) => x.spoken).join(" ")).toMatch(/fingerpicking/i);
  });

  it("says what it could not act on instead of claiming it listened", async () => {
    const result = await offlineScriptWriter.write(
      input("Budget travel Japan", { feedback: "Use my cloned voice. Calmer, please.", revision: 2 }),
    );
    expect(result.feedback_notes).toEqual([
      "The built-in offline writer could not act on “Use my cloned voice”; connect an AI model for free-form requests",
    ]);
    expect(result.applied).toEqual([expect.stringMatching(/^Calmer/)]);
    expect(result.scripts[0]!.body).toMatch(/calm and unhurried/);
  });

  it("fits a time limit the feedback names, and keeps the requested items", () => {
    const r = writeOfflineRevision(
      input("Weeknight meal prep", { feedback: "Under 2 minutes please, and mention rice cookers", revision: 2 }),
    );
    for (const s of r.scripts) {
      expect(s.estimated_duration_seconds).toBeLessThanOrEqual(120);
      expect(s.sections!.map((x) => x.spoken).join(" ")).toMatch(/rice cookers/i);
    }
    expect(r.applied.join(" ")).toMatch(/Length: about 1:\d\d/);
  });
});

describe("offline trends", () => {
  it("labels its invented figures as sample data", () => {
    const report = offlineTrendReport({ topic: "Budget travel Japan", niche: null, audience: null }, now);
    expect(report.source).toBe(OFFLINE_SAMPLE_SOURCE);
    expect(report.summary).toMatch(/^Sample data, not real search figures/);
    expect(report.summary).not.toMatch(/week over week/);
  });
});
