// Scripts a creator can record: at every target length the stated duration is the spoken words ÷
// the pace, no stage note repeats, every section keeps the topic's own nouns, and feedback is
// woven in without the script ever talking about the feedback.
import { describe, expect, it } from "vitest";
import { writeOfflineRevision } from "../providers/offline-scripts";
import { offlineTrendReport } from "../providers/offline-trends";
import type { ScriptInput } from "../providers/types";
import { firstRevision } from "./script-input";
import type { Script } from "../shared/contract";
import { spokenWords, TARGET_LENGTHS, TARGET_SECONDS } from "../shared/script-length";

const now = new Date("2026-11-20T12:00:00Z");
const TOPICS = ["budget travel in Japan", "home espresso for beginners", "sourdough bread at home", "iPhone 17 review"];

const input = (topic: string, over: Partial<ScriptInput> = {}): ScriptInput =>
  firstRevision(topic, offlineTrendReport({ topic, niche: null, audience: null }, now), over);

const wordsOf = (s: Script) => spokenWords(s.hook, ...s.sections!.map((x) => x.spoken), s.call_to_action);
const stageNotes = (s: Script) => s.body.match(/\[[^\]]*\]/g) ?? [];

/** Sentences that talk to viewers about the creator's feedback: the viewer never heard it. */
export const FORBIDDEN_PHRASINGS = [
  /you asked/i,
  /requested by you/i,
  /your feedback/i,
  /as you asked/i,
  /came up in (your|the) feedback/i,
  /you wanted (me|us) to/i,
  /by (popular )?request/i,
  /i'?ll also cover/i,
  /\bfeedback\b/i,
];

describe("the length a creator chooses", () => {
  for (const wpm of [150, 120]) {
    for (const target of TARGET_LENGTHS) {
      it(`states words ÷ pace at ${target}, ${wpm} words a minute, close to the target`, () => {
        for (const topic of TOPICS) {
          const { scripts } = writeOfflineRevision(input(topic, { target_seconds: TARGET_SECONDS[target], words_per_minute: wpm }));
          for (const s of scripts) {
            const fromWords = (wordsOf(s) / wpm) * 60;
            expect(Math.abs(s.estimated_duration_seconds - fromWords) / fromWords).toBeLessThanOrEqual(0.15);
            expect(s.words_per_minute).toBe(wpm);
            expect(Math.abs(fromWords - TARGET_SECONDS[target]) / TARGET_SECONDS[target]).toBeLessThanOrEqual(0.2);
            if (target === "short") expect(s.estimated_duration_seconds).toBeLessThan(60);
          }
        }
      });
    }
  }

  it("repeats no stage note within a script, and every section has spoken text and its own shots", () => {
    for (const topic of TOPICS)
      for (const target of TARGET_LENGTHS) {
        const { scripts } = writeOfflineRevision(input(topic, { target_seconds: TARGET_SECONDS[target], tone: "funny, data" }));
        for (const s of scripts) {
          expect(new Set(stageNotes(s)).size).toBe(stageNotes(s).length);
          for (const section of s.sections!) {
            expect(spokenWords(section.spoken)).toBeGreaterThan(8);
            expect(section.b_roll.length).toBeGreaterThan(0);
          }
          expect(s.outline).toEqual(s.sections!.map((x) => x.heading));
        }
      }
  });

  it("talks about the topic's own things in every section: espresso means grind, dose, tamp, milk, beans, machine", () => {
    const { scripts } = writeOfflineRevision(input("home espresso for beginners", { target_seconds: 480 }));
    const all = scripts
      .map((s) => `${s.hook} ${s.body}`)
      .join(" ")
      .toLowerCase();
    for (const noun of ["grind", "dose", "tamp", "milk", "beans", "machine"]) expect(all).toContain(noun);
    for (const s of scripts)
      for (const section of s.sections!) expect(section.spoken.toLowerCase()).toMatch(/grind|dose|tamp|milk|beans|machine|espresso/);
    const japan = writeOfflineRevision(input("budget travel in Japan", { target_seconds: 180 })).scripts;
    for (const s of japan)
      for (const section of s.sections!)
        expect(section.spoken.toLowerCase()).toMatch(/japan|getting around|where to sleep|food|money|neighbourhoods|timing/);
  });
});

describe("feedback changes the script and never talks about itself", () => {
  const feedbacks = [
    "Please cover the JR Pass, hostels and convenience-store meals. Make it funnier and shorter.",
    "Talk about rail passes and capsule hotels, and add a drone shot",
    "include temples, onsen and night markets. more personal",
  ];
  for (const feedback of feedbacks) {
    it(`“${feedback.slice(0, 40)}…”: no sentence addresses it to viewers, its words only inside sections`, () => {
      const first = writeOfflineRevision(input("budget travel in Japan"));
      const second = writeOfflineRevision(input("budget travel in Japan", { feedback, previous: first.scripts, revision: 2 }));
      const items = [
        "JR Pass",
        "hostels",
        "convenience-store meals",
        "rail passes",
        "capsule hotels",
        "temples",
        "onsen",
        "night markets",
      ].filter((i) => feedback.includes(i));
      for (const s of second.scripts) {
        const everything = [s.title, s.hook, s.body, s.call_to_action, ...s.outline].join("\n");
        for (const phrase of FORBIDDEN_PHRASINGS) expect(everything).not.toMatch(phrase);
        const outside = [s.title, s.hook, s.call_to_action, ...s.outline].join("\n").toLowerCase();
        const inside = s
          .sections!.map((x) => x.spoken)
          .join(" ")
          .toLowerCase();
        for (const item of items) {
          expect(inside).toContain(item.toLowerCase());
          expect(outside).not.toContain(item.toLowerCase());
        }
        // Each item in its own words: no two item sentences share a shape within a script.
        const itemSentences = inside.split(/(?<=[.!?])\s+/).filter((x) => items.some((i) => x.includes(i.toLowerCase())));
        const shapes = itemSentences.map((x) => items.reduce((t, i) => t.replaceAll(i.toLowerCase(), "{i}"), x));
        expect(new Set(shapes).size).toBe(shapes.length);
      }
    });
  }

  it("keeps revision 1's titles in revision 2 and 3 unless the feedback mentions titles", () => {
    const first = writeOfflineRevision(input("home espresso for beginners"));
    const second = writeOfflineRevision(
      input("home espresso for beginners", { feedback: "more about milk steaming and latte art", previous: first.scripts, revision: 2 }),
    );
    expect(second.scripts.map((s) => s.title)).toEqual(first.scripts.map((s) => s.title));
    const third = writeOfflineRevision(
      input("home espresso for beginners", {
        feedback: "make it calmer",
        earlier_feedback: ["more about milk steaming and latte art"],
        previous: [...first.scripts, ...second.scripts],
        revision: 3,
      }),
    );
    expect(third.scripts.map((s) => s.title)).toEqual(first.scripts.map((s) => s.title));
    const fresh = writeOfflineRevision(
      input("home espresso for beginners", { feedback: "new titles please", previous: first.scripts, revision: 2 }),
    );
    for (const s of fresh.scripts) expect(first.scripts.map((f) => f.title)).not.toContain(s.title);
  });
});
