// Topic kinds and casing: the rules that pick outlines and thumbnail art.
import { describe, expect, it } from "vitest";
import { topicKind, topicProfile } from "../providers/topic-kind";
import { inSentence, titleCase } from "../providers/wording";

describe("topicKind", () => {
  it.each([
    ["Budget travel Japan", null, "place"],
    ["3 days in Lisbon", null, "place"],
    ["things to do in new york", null, "place"],
    ["Kyoto", null, "place"],
    ["Weeknight meal prep", null, "recipe"],
    ["sourdough bread for beginners", null, "recipe"],
    ["roast turkey", "cooking", "recipe"],
    ["iPhone 17 Pro review", null, "product"],
    ["best budget mechanical keyboards", null, "product"],
    ["travel camera review", "travel", "product"],
    ["learn guitar in 30 days", null, "skill"],
    ["Python for data analysis", null, "skill"],
    ["how to draw hands", null, "skill"],
    ["productivity for remote workers", null, "general"],
    ["minimalism", "lifestyle", "general"],
    ["street photography walks", "travel", "skill"],
    ["Kyoto", "food", "place"],
  ])("%s (niche %s) is a %s", (topic, niche, kind) => {
    expect(topicKind(topic, niche)).toBe(kind);
  });

  it("falls back on the niche when the topic says nothing", () => {
    expect(topicKind("my first week", "travel")).toBe("place");
    expect(topicKind("my first week", "cooking")).toBe("recipe");
    expect(topicKind("my first week", null)).toBe("general");
  });
});

describe("topicProfile", () => {
  it("names the place in its usual spelling and uses it as the subject", () => {
    expect(topicProfile("budget travel japan")).toMatchObject({
      kind: "place",
      topic: "budget travel Japan",
      subject: "Japan",
      place: "Japan",
    });
    expect(topicProfile("a weekend in mexico city")).toMatchObject({ place: "Mexico City", subject: "Mexico City" });
  });

  it("keeps food words lower case even when they are also place names", () => {
    expect(topicProfile("roast turkey recipe").topic).toBe("roast turkey recipe");
  });

  it("shortens the subject to the head words", () => {
    expect(topicProfile("Weeknight meal prep").subject).toBe("meal prep");
    expect(topicProfile("learn guitar in 30 days").subject).toBe("guitar");
    expect(topicProfile("iPhone 17 Pro review").subject).toBe("iPhone 17 Pro");
    expect(topicProfile("how to draw hands").subject).toBe("drawing hands");
    expect(topicProfile("learn to code").subject).toBe("coding");
    // Never half of a choice: the joining word takes the word before it along.
    expect(topicProfile("Hostels or ryokan").subject).toBe("Hostels or ryokan");
    expect(topicProfile("budget laptops vs tablets").subject).toBe("laptops vs tablets");
  });
});

describe("casing", () => {
  it("keeps the creator's capitals in titles and adds only the missing ones", () => {
    expect(titleCase("the JR Pass and convenience-store meals")).toBe("The JR Pass and Convenience-Store Meals");
    expect(titleCase("iPhone 17 review")).toBe("iPhone 17 Review");
  });

  it("drops only a sentence-initial capital inside a sentence", () => {
    expect(inSentence("Budget travel Japan")).toBe("budget travel Japan");
    expect(inSentence("Elden Ring tips")).toBe("Elden Ring tips");
    expect(inSentence("Python for beginners")).toBe("Python for beginners");
    expect(inSentence("Japan on a budget")).toBe("Japan on a budget");
  });
});
