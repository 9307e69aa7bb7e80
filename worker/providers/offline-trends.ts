// Offline trend research: a deterministic, topic-shaped stand-in for YouTube data, so the
// pipeline has realistic inputs with no network. Same topic and day give the same report.
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
    `Search interest in "${topic}"${niche}${audience} is led by "${trends[0]!.keyword}" (interest ${trends[0]!.score}/100), ` +
    `and "${rising.keyword}" is rising fastest (${rising.growth_pct >= 0 ? "+" : ""}${rising.growth_pct}% week over week). ` +
    `${chosen[0]!.format} and ${chosen[1]!.format.toLowerCase()} are the formats getting the most views.`;
  return {
    topic,
    source: "offline",
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
