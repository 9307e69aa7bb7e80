import { describe, expect, it } from "vitest";
import { changedShare, diffWords } from "./diff";

const join = (parts: ReturnType<typeof diffWords>, kinds: string[]) =>
  parts
    .filter((p) => kinds.includes(p.kind))
    .map((p) => p.text)
    .join("");

describe("diffWords", () => {
  it("marks added and removed words and rebuilds both texts", () => {
    const before = "Save money with hostels in Tokyo.";
    const after = "Save money with the JR Pass and hostels in Tokyo.";
    const parts = diffWords(before, after);
    expect(join(parts, ["same", "add"])).toBe(after);
    expect(join(parts, ["same", "del"])).toBe(before);
    expect(parts.filter((p) => p.kind === "add").map((p) => p.text.trim())).toEqual(["the JR Pass and"]);
    expect(parts.some((p) => p.kind === "del")).toBe(false);
  });
  it("treats reflowed whitespace as unchanged, and identical texts as one run", () => {
    expect(diffWords("a b", "a  b").every((p) => p.kind === "same")).toBe(true);
    expect(diffWords("same", "same")).toEqual([{ kind: "same", text: "same" }]);
    expect(diffWords("", "")).toEqual([]);
  });
  it("falls back to lines for very long texts", () => {
    const long = Array.from({ length: 800 }, (_, i) => `w${i}`).join(" ");
    const parts = diffWords(`${long}\nend`, `${long}\nnew end`);
    expect(join(parts, ["same", "add"])).toBe(`${long}\nnew end`);
  });
  it("measures how much is new", () => {
    expect(changedShare(diffWords("a b c d", "a b c d"))).toBe(0);
    expect(changedShare(diffWords("a", "x y z"))).toBe(1);
  });
});
