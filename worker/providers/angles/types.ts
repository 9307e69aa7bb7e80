// The shape of one video angle in the offline writer's library. Each topic kind has its own
// angles, so a travel video never gets "you need expensive gear" and a recipe never gets a roadmap.
import type { TopicKind } from "../topic-kind";

/** Angles in one set come from different families, so the three scripts differ in approach. */
export type AngleFamily = "guide" | "list" | "story" | "versus" | "money" | "insider";

export interface AngleContext {
  kind: TopicKind;
  /** The topic as it reads mid-sentence, in the creator's casing. */
  topic: string;
  /** The topic in Title Case, for titles. */
  Topic: string;
  /** Short subject mid-sentence ("Japan", "meal prep") and in Title Case. */
  subject: string;
  Subject: string;
  audience: string;
}

export interface Angle {
  name: string;
  family: AngleFamily;
  title: (c: AngleContext) => string;
  hook: (c: AngleContext) => string;
  /** Five sections, each "Heading: what it covers". */
  outline: (c: AngleContext) => string[];
  cta: (c: AngleContext) => string;
}
