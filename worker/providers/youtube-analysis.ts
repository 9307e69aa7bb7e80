// Turns YouTube videos into the contract's TrendReport. Pure: the videos and the clock come in.
// YouTube gives no search-volume history, so "growth" is estimated from upload performance:
// views per day of this week's uploads against last week's uploads on the same keyword.
import type { Trend, TrendReport } from "../shared/contract";

export interface VideoFacts {
  id: string;
  title: string;
  channel: string;
  tags: string[];
  views: number;
  publishedAt: number;
  durationSec: number;
  thumbnailUrl: string | null;
}

const DAY = 86_400_000;
const STOPWORDS = new Set(
  "a an and are as at be but by for from how i in is it its my of on or so that the this to was what when why with you your we our me vs new just".split(
    " ",
  ),
);

const FORMATS: { name: string; test: (v: VideoFacts) => boolean }[] = [
  { name: "Shorts", test: (v) => v.durationSec > 0 && v.durationSec <= 60 },
  { name: "Tutorials and explainers", test: (v) => /\b(how to|tutorial|guide|step by step|explained|beginners?)\b/i.test(v.title) },
  { name: "Comparisons", test: (v) => /\b(vs\.?|versus|compared|comparison)\b/i.test(v.title) },
  { name: "Reviews", test: (v) => /\b(review|tested|worth it|honest)\b/i.test(v.title) },
  { name: "Personal experiments", test: (v) => /\b(i tried|\d+ days|challenge|experiment)\b/i.test(v.title) },
  { name: "List videos", test: (v) => /\b(top \d+|\d+ (things|ways|tips|mistakes|reasons)|best)\b/i.test(v.title) },
  { name: "Rankings and tier lists", test: (v) => /\b(tier list|ranking|ranked)\b/i.test(v.title) },
  { name: "Reactions", test: (v) => /\b(reacts?|reaction)\b/i.test(v.title) },
  { name: "Long-form deep dives", test: (v) => v.durationSec >= 20 * 60 },
];

/** ISO 8601 durations as YouTube sends them ("PT1H2M3S", "P1DT2H"); 0 when absent (live streams). */
export function parseDuration(iso: string | undefined): number {
  const m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/.exec(iso ?? "");
  if (!m) return 0;
  const [d, h, min, s] = m.slice(1).map((x) => Number(x ?? 0));
  return d! * 86400 + h! * 3600 + min! * 60 + s!;
}

function words(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[#"“”'’,]+/g, " ")
    .split(/\s+/)
    .filter((w) => w.length > 1 || /\d/.test(w));
}

/** Title clauses: a phrase never spans "guide: the truth" or "tips | 2026". */
const clauses = (text: string) => text.split(/[:|!?.()[\]{}–—]+|\s-\s/).filter((c) => c.trim());

/**
 * Keywords a text supports: every word run that either contains the whole topic ("home espresso
 * for beginners") or none of its words ("for beginners", read as topic + run). Runs that only
 * share part of the topic ("espresso mistakes" for "home espresso") are ambiguous and skipped.
 */
function keywordsIn(text: string, topic: string[]): Map<string, boolean> {
  const bare = topic.join(" ");
  const topicWords = new Set(topic);
  /** keyword -> whether it appears as written (rather than as topic + run). */
  const out = new Map<string, boolean>();
  for (const clause of clauses(text)) {
    const w = words(clause);
    for (let n = 1; n <= topic.length + 3; n++) {
      for (let i = 0; i + n <= w.length; i++) {
        const gram = w.slice(i, i + n);
        if (STOPWORDS.has(gram[0]!) || STOPWORDS.has(gram[n - 1]!) || /^\d+$/.test(gram[n - 1]!)) continue;
        const run = gram.join(" ");
        if (run === bare) continue;
        if (` ${run} `.includes(` ${bare} `)) out.set(run, true);
        else if (!gram.some((g) => topicWords.has(g)) && !out.has(`${bare} ${run}`)) out.set(`${bare} ${run}`, false);
      }
    }
  }
  return out;
}

const velocity = (v: VideoFacts, now: number) => v.views / Math.max(1, (now - v.publishedAt) / DAY);
const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
const compact = (n: number) => new Intl.NumberFormat("en", { notation: "compact", maximumFractionDigits: 1 }).format(n);
const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

function growthPct(vs: VideoFacts[], all: VideoFacts[], now: number): number {
  const thisWeek = vs.filter((v) => now - v.publishedAt <= 7 * DAY).map((v) => velocity(v, now));
  const lastWeek = vs.filter((v) => now - v.publishedAt > 7 * DAY && now - v.publishedAt <= 14 * DAY).map((v) => velocity(v, now));
  // Without uploads in both weeks, compare the keyword's pace with the topic's as a whole.
  const [a, b] =
    thisWeek.length && lastWeek.length
      ? [mean(thisWeek), mean(lastWeek)]
      : [mean(vs.map((v) => velocity(v, now))), mean(all.map((v) => velocity(v, now)))];
  return b > 0 ? Math.round(clamp((a / b - 1) * 100, -100, 999)) : 0;
}

export function analyseVideos(args: {
  topic: string;
  region: string;
  topicVideos: VideoFacts[];
  popular: VideoFacts[];
  now: Date;
  lookbackDays: number;
}): TrendReport {
  const { topic, region, topicVideos, popular } = args;
  const now = args.now.getTime();
  const topicWords = words(topic);
  const bare = topicWords.join(" ");

  const byKeyword = new Map<string, { videos: Set<VideoFacts>; natural: boolean }>();
  for (const v of topicVideos) {
    for (const text of [v.title, ...v.tags]) {
      for (const [k, natural] of keywordsIn(text, topicWords)) {
        const entry = byKeyword.get(k) ?? { videos: new Set(), natural: false };
        entry.videos.add(v);
        entry.natural ||= natural;
        byKeyword.set(k, entry);
      }
    }
  }
  // A keyword needs two videos behind it unless the sample is tiny; one viral upload is not a trend.
  const minVideos = topicVideos.length >= 6 ? 2 : 1;
  const all = [...byKeyword]
    .map(([k, { videos, natural }]) => ({
      k,
      natural,
      vs: [...videos],
      views: [...videos].reduce((s, v) => s + v.views, 0),
      length: k.split(" ").length,
    }))
    // Most views first; for the same videos, the longer, more specific phrase.
    .sort((a, b) => b.views - a.views || b.length - a.length || a.k.localeCompare(b.k));
  const ranked = all.filter((r) => r.vs.length >= minVideos);

  // "beginners" says nothing "for beginners" does not: compare what each adds to the topic.
  const core = (k: string) =>
    ` ${k
      .split(" ")
      .filter((w) => !topicWords.includes(w))
      .join(" ")} `;
  const overlaps = (a: string, b: string) => core(a).includes(core(b)) || core(b).includes(core(a));
  const chosen: typeof ranked = [];
  for (const r of ranked) {
    if (chosen.length >= 6) break;
    if (!chosen.some((c) => overlaps(c.k, r.k))) chosen.push(r);
  }
  const top = chosen[0]?.views ?? 1;
  const trends: Trend[] = chosen.map((c) => ({
    keyword: c.k,
    score: Math.max(1, Math.round((100 * c.views) / top)),
    growth_pct: growthPct(c.vs, topicVideos, now),
  }));

  const used = new Set(chosen.map((c) => c.k));
  // Related searches are phrases people actually wrote around the topic.
  const related_queries = all
    .filter((r) => r.natural && !used.has(r.k) && r.length > topicWords.length + 1)
    .slice(0, 8)
    .map((r) => r.k);

  const formatViews = FORMATS.map((f) => ({
    name: f.name,
    views: topicVideos.filter(f.test).reduce((s, v) => s + v.views, 0) + 0.25 * popular.filter(f.test).reduce((s, v) => s + v.views, 0),
  }))
    .filter((f) => f.views > 0)
    .sort((a, b) => b.views - a.views);
  const top_formats = formatViews.slice(0, 4).map((f) => f.name);
  if (top_formats.length === 0) top_formats.push("Standard uploads");

  const total = topicVideos.reduce((s, v) => s + v.views, 0);
  const best = [...topicVideos].sort((a, b) => b.views - a.views)[0];
  const rising = [...trends].sort((a, b) => b.growth_pct - a.growth_pct)[0];
  const popularHit = popular.find((v) => ` ${words(v.title).join(" ")} `.includes(` ${bare} `));
  const lead = trends[0];
  const parts = [
    `${topicVideos.length} YouTube videos about "${topic}" from the last ${args.lookbackDays} days in ${region} have ${compact(total)} views.`,
    best ? `The most watched is "${best.title}" by ${best.channel} (${compact(best.views)} views).` : "",
    lead && rising && rising !== lead
      ? `"${lead.keyword}" leads the keywords and "${rising.keyword}" is picking up fastest (${rising.growth_pct >= 0 ? "+" : ""}${rising.growth_pct}%).`
      : lead
        ? `"${lead.keyword}" leads the keywords.`
        : "",
    top_formats.length >= 2
      ? `${top_formats[0]} and ${top_formats[1]!.toLowerCase()} draw the most views.`
      : `${top_formats[0]} draw the most views.`,
    popularHit ? `The topic also reaches the ${region} most-popular chart: "${popularHit.title}".` : "",
  ];
  return {
    topic,
    source: "youtube",
    generated_at: args.now.toISOString(),
    summary: parts.filter(Boolean).join(" "),
    trends,
    related_queries,
    top_formats,
    // The feed preview sets the creator's package among these, so they are the ones a viewer meets.
    videos: [...topicVideos]
      .sort((a, b) => b.views - a.views)
      .slice(0, 6)
      .map((v) => ({
        id: v.id,
        title: v.title,
        channel: v.channel,
        views: v.views,
        published_at: new Date(v.publishedAt).toISOString(),
        duration_sec: v.durationSec,
        thumbnail_url: v.thumbnailUrl,
      })),
  };
}
