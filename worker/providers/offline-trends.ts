// Offline trend research: a deterministic, topic-shaped stand-in for YouTube data, so the
// pipeline has inputs with no network. Same topic and day give the same report. The figures are
// invented, so the report says so: `source` is "offline-sample" and the summary opens with it.
import { mulberry32 } from "../domain/stats";
import { hashString, shuffled } from "../domain/seed";
import type { Trend, TrendReport } from "../shared/contract";
import type { TrendsInput, TrendsProvider } from "./types";

interface Angle {
  query: (topic: string, year: number) => string;
  format: string;
}

const ANGLES: Angle[] = [
  { query: (t) => `${t} for beginners`, format: "Beginner tutorials" },
  { query: (t) => `${t} mistakes to avoid`, format: "Mistake lists" },
  { query: (t, y) => `${t} in ${y}`, format: "Yearly updates" },
  { query: (t) => `best ${t} tools`, format: "Tool reviews" },
  { query: (t) => `${t} explained`, format: "Explainers" },
  { query: (t) => `${t} on a budget`, format: "Budget guides" },
  { query: (t) => `I tried ${t} for 30 days`, format: "Personal experiments" },
  { query: (t) => `${t} tips nobody tells you`, format: "Insider tips" },
  { query: (t) => `is ${t} worth it`, format: "Honest verdicts" },
  { query: (t) => `${t} step by step`, format: "Step-by-step walkthroughs" },
  { query: (t) => `${t} myths`, format: "Myth busting" },
  { query: (t) => `${t} in 60 seconds`, format: "Shorts" },
];

/** `source` of a report whose numbers are made up; anything starting with "offline" is sample data. */
export const OFFLINE_SAMPLE_SOURCE = "offline-sample";
export const SAMPLE_NOTICE = "Sample data, not real search figures: no trend service is connected.";

export function offlineTrendReport(input: TrendsInput, now: Date): TrendReport {
  const topic = input.topic.trim();
  const day = now.toISOString().slice(0, 10);
  const rand = mulberry32(hashString(`${topic.toLowerCase()}|${input.niche ?? ""}|${day}`));
  const year = now.getUTCFullYear();
  const chosen = shuffled(ANGLES, rand).slice(0, 6);
  let score = 100;
  const trends: Trend[] = chosen.map((angle) => {
    const t: Trend = {
      keyword: angle.query(topic.toLowerCase(), year),
      score,
      growth_pct: Math.round(-15 + rand() * 190),
    };
    score = Math.max(20, score - Math.round(6 + rand() * 14));
    return t;
  });
  const rising = [...trends].sort((a, b) => b.growth_pct - a.growth_pct)[0]!;
  const niche = input.niche ? ` in ${input.niche}` : "";
  const audience = input.audience ? ` among ${input.audience}` : "";
  const summary =
    `${SAMPLE_NOTICE} In this sample, search ideas for "${topic}"${niche}${audience} are led by "${trends[0]!.keyword}" ` +
    `(sample interest ${trends[0]!.score}/100), with "${rising.keyword}" as the example of a rising search ` +
    `(${rising.growth_pct >= 0 ? "+" : ""}${rising.growth_pct}% in the sample). ` +
    `${chosen[0]!.format} and ${chosen[1]!.format.toLowerCase()} are formats worth considering.`;
  return {
    topic,
    source: OFFLINE_SAMPLE_SOURCE,
    generated_at: now.toISOString(),
    summary,
    trends,
    related_queries: shuffled(ANGLES, rand)
      .slice(0, 4)
      .map((a) => a.query(topic.toLowerCase(), year)),
    top_formats: chosen.slice(0, 3).map((a) => a.format),
  };
}

export const offlineTrends: TrendsProvider = {
  name: "offline",
  research: async (input, now) => offlineTrendReport(input, now),
};
