// The offline script writer: structured, topic-specific scripts built from a library of proven
// video angles, shaped by the trend report and by the creator's feedback on earlier revisions.
import { hashString, shuffled } from "../domain/seed";
import { mulberry32 } from "../domain/stats";
import type { Script } from "../shared/contract";
import type { ScriptInput, ScriptWriter } from "./types";

interface Style {
  shorter: boolean;
  longer: boolean;
  playful: boolean;
  dataDriven: boolean;
  beginner: boolean;
}

interface Ctx {
  topic: string;
  audience: string;
  top: string;
  rising: string;
  risingGrowth: number;
  second: string;
  format: string;
  style: Style;
}

interface Angle {
  name: string;
  /** Angles that would read oddly for some topics (a budget angle on a budget topic). */
  skip?: (topic: string) => boolean;
  title: (c: Ctx) => string;
  hook: (c: Ctx) => string;
  outline: (c: Ctx) => string[];
  cta: (c: Ctx) => string;
}

const ANGLES: Angle[] = [
  {
    name: "mistakes",
    title: (c) => `7 ${cap(c.topic)} Mistakes That Quietly Cost You Results`,
    hook: (c) =>
      `If you're ${c.style.beginner ? "just starting" : "stuck"} with ${c.topic}, odds are you're making mistake number three right now — and it's the one nobody warns you about.`,
    outline: (c) => [
      `Cold open: the one mistake behind most failed attempts at ${c.topic}`,
      `Mistakes 1–3: setup errors ${c.audience} make in week one`,
      `Mistakes 4–5: what people searching "${c.top}" get wrong`,
      `Mistakes 6–7: the habits that stall progress after a month`,
      `Recap: a 7-point checklist to screenshot`,
    ],
    cta: (c) => `Comment the mistake you've made with ${c.topic} — I'll reply with the fix — and subscribe for the follow-up checklist.`,
  },
  {
    name: "roadmap",
    title: (c) => `${cap(c.topic)}: The Complete Beginner Roadmap (Zero to Confident)`,
    hook: (c) => `Here's exactly how I'd learn ${c.topic} from zero if I had to start over today — in the order that actually works.`,
    outline: (c) => [
      `Why most ${c.topic} guides overwhelm ${c.audience}`,
      `Stage 1: the fundamentals worth your first week`,
      `Stage 2: the first small win, and how to get it fast`,
      `Stage 3: ${c.second} — when it's worth it`,
      `Stage 4: building a routine that sticks`,
    ],
    cta: () => `Save this roadmap, and tell me in the comments which stage you're at so I know what to cover next.`,
  },
  {
    name: "experiment",
    title: (c) => `I Tried ${cap(c.topic)} Every Day for 30 Days — Here's What Happened`,
    hook: (c) => `Thirty days ago I committed to ${c.topic} every single day. Day 12 nearly made me quit; day 30 surprised me.`,
    outline: (c) => [
      `The rules of the experiment and how progress was measured`,
      `Week 1: early excitement and the first wall`,
      `Week 2: the day-12 crisis and what changed`,
      `Weeks 3–4: results, compared with what "${c.rising}" promises`,
      `The verdict: who should try this, and who shouldn't`,
    ],
    cta: (c) => `Try a 7-day version of this ${c.topic} challenge and post your day-one result in the comments.`,
  },
  {
    name: "trend-breakdown",
    title: (c) => `Why Everyone Is Suddenly Searching "${c.rising}"`,
    hook: (c) => `Searches for "${c.rising}" are up ${c.risingGrowth}% this week. Here's what's driving it — and whether you should care.`,
    outline: (c) => [
      `The spike: what the search data for ${c.topic} shows`,
      `Three reasons behind the surge`,
      `What the top videos on "${c.top}" get right — and miss`,
      `How ${c.audience} can use this trend before it peaks`,
      `Prediction: where ${c.topic} goes next`,
    ],
    cta: (c) => `Subscribe so you catch the next ${c.topic} trend early, and tell me which trend you want broken down next.`,
  },
  {
    name: "myths",
    title: (c) => `5 ${cap(c.topic)} Myths You Probably Still Believe`,
    hook: (c) => `Everything you've been told about ${c.topic} sounds reasonable. Three of these five "rules" are flat-out wrong.`,
    outline: (c) => [
      `Myth 1: you need expensive gear or tools to start`,
      `Myth 2: more hours always means faster progress`,
      `Myth 3: what "${c.top}" videos imply about talent`,
      `Myths 4–5: the advice that was true five years ago`,
      `What actually works instead, in one minute`,
    ],
    cta: (c) => `Which ${c.topic} myth did you believe longest? Drop it below, and share this with a friend who needs it.`,
  },
  {
    name: "budget",
    skip: (topic) => /budget|cheap|free|frugal/.test(topic),
    title: (c) => `${cap(c.topic)} on a Budget: Pro Results for Almost Nothing`,
    hook: (c) => `You don't need a big budget to get great at ${c.topic}. I'll show you the setup that costs less than a takeaway dinner.`,
    outline: (c) => [
      `Where the money usually goes — and why most of it is wasted`,
      `The free essentials for ${c.topic}`,
      `One upgrade that's actually worth paying for`,
      `A side-by-side: the budget setup against the expensive one`,
      `A 14-day plan to get results without spending more`,
    ],
    cta: () => `Grab the free checklist linked in the description, and subscribe for more budget breakdowns.`,
  },
  {
    name: "comparison",
    title: (c) => `${cap(c.topic)}: The Quick Way vs The Pro Way — Which Wins?`,
    hook: (c) =>
      `Two approaches dominate ${c.topic} right now — the shortcut everyone searching "${c.top}" tries, and the slower pro method. I tested both so you don't have to pick blind.`,
    outline: (c) => [
      `What each approach promises ${c.audience}`,
      `Round 1: time to the first result`,
      `Round 2: cost and effort`,
      `Round 3: results after a month`,
      `The verdict for beginners and for experienced creators`,
    ],
    cta: () => `Tell me which side you're on in the comments, and watch the follow-up where I go deeper on the winner.`,
  },
];

function cap(text: string): string {
  return text.replace(/\b\w/g, (ch) => ch.toUpperCase());
}

function readFeedback(feedback: string | null, tone: string | null): Style {
  const f = `${feedback ?? ""} ${tone ?? ""}`.toLowerCase();
  return {
    shorter: /short|concise|tight|quick|brief|faster/.test(f),
    longer: /long|deeper|detail|in-depth|more depth/.test(f),
    playful: /fun|humou?r|playful|casual|energ|joke/.test(f),
    dataDriven: /data|number|stat|proof|evidence|research/.test(f),
    beginner: /beginner|simple|easy|newbie|basic/.test(f),
  };
}

/** What the presenter does on each beat, so the body reads like a script, not a template. */
const BEATS = [
  (c: Ctx) => `Show it on screen with a real example, so ${c.audience} can copy it straight away.`,
  (c: Ctx) => `Cut to a quick before-and-after; it makes the point faster than any explanation.`,
  (c: Ctx) => `Pause here for the one-sentence rule viewers can remember about ${c.topic}.`,
  (_c: Ctx) => `Put the key number on screen in big type, then keep moving.`,
  (c: Ctx) => `Add a comment-bait question: "Which of these have you tried with ${c.topic}?"`,
  (_c: Ctx) => `Use a pattern interrupt here (a zoom or a sound cue) to hold retention past the midpoint.`,
];

const PLAYFUL_BEATS = [
  (_c: Ctx) => `Yes, I learned this one the embarrassing way, so you don't have to.`,
  (_c: Ctx) => `Cue the dramatic zoom. It deserves it.`,
  (c: Ctx) => `If ${c.topic} had a villain origin story, this would be it.`,
];

function body(angle: Angle, c: Ctx, outline: string[], rand: () => number): string {
  const beats = shuffled(c.style.playful ? [...PLAYFUL_BEATS, ...BEATS.slice(0, 2)] : BEATS, rand);
  const words = ["First", "Next", "Then", "After that", "Finally"];
  const steps = outline.slice(1, c.style.shorter ? 3 : outline.length);
  const paragraphs = [
    `[Open on the hook, straight to camera.] ${angle.hook(c)}`,
    `Here's the plan: ${outline.map((o) => o.split(":")[0]!.toLowerCase()).join("; ")}.`,
    c.style.dataDriven
      ? `The numbers first: "${c.top}" leads search interest for ${c.topic}, and "${c.rising}" grew ${c.risingGrowth}% in a week. That tells us exactly what ${c.audience} want answered.`
      : `People looking into ${c.topic} keep asking about "${c.top}", so that's where we'll spend the most time.`,
    ...steps.map((item, i) => {
      const word = i === steps.length - 1 && i > 0 ? "Finally" : words[i]!;
      return `${word}, ${item.charAt(0).toLowerCase()}${item.slice(1)}. ${beats[i % beats.length]!(c)}`;
    }),
  ];
  if (c.style.longer) {
    paragraphs.push(
      `Going deeper: why this works, a worked example for ${c.audience}, and the edge cases where the usual advice about ${c.topic} breaks down.`,
    );
  }
  if (c.style.beginner) paragraphs.push(`No jargon and no prior experience needed: every step is shown from scratch.`);
  paragraphs.push(`[Close.] ${angle.cta(c)}`);
  return paragraphs.join("\n\n");
}

export function writeOfflineScripts(input: ScriptInput): Script[] {
  const trends = input.trends.trends;
  const rising = [...trends].sort((a, b) => b.growth_pct - a.growth_pct)[0];
  const style = readFeedback(input.feedback, input.tone);
  const ctx: Ctx = {
    topic: input.topic.toLowerCase(),
    audience: input.audience?.trim() || "new creators",
    top: trends[0]?.keyword ?? input.topic.toLowerCase(),
    second: trends[1]?.keyword ?? `${input.topic.toLowerCase()} basics`,
    rising: rising?.keyword ?? input.topic.toLowerCase(),
    risingGrowth: Math.max(1, rising?.growth_pct ?? 25),
    format: input.trends.top_formats[0] ?? "Tutorials",
    style,
  };
  const used = new Set(input.previous.map((s) => s.angle));
  const rand = mulberry32(hashString(`${input.topic}|${input.revision}|${input.feedback ?? ""}`));
  const fitting = ANGLES.filter((a) => !a.skip?.(ctx.topic));
  const fresh = shuffled(
    fitting.filter((a) => !used.has(a.name)),
    rand,
  );
  // Once every angle has been shown, reuse them, but never two of the same in one set.
  const pool =
    fresh.length >= input.count
      ? fresh
      : [
          ...fresh,
          ...shuffled(
            fitting.filter((a) => used.has(a.name)),
            rand,
          ),
        ];
  return pool.slice(0, input.count).map((angle) => {
    let outline = angle.outline(ctx);
    if (style.shorter) outline = outline.slice(0, 3);
    const text = body(angle, ctx, outline, rand);
    const words = text.split(/\s+/).length;
    // About 150 spoken words a minute, plus b-roll and pauses.
    const seconds = Math.round((words / 2.5) * (style.shorter ? 1 : 1.6) + (style.longer ? 120 : 30));
    return {
      id: crypto.randomUUID(),
      title: angle.title(ctx),
      angle: angle.name,
      hook: angle.hook(ctx),
      body: text,
      outline,
      call_to_action: angle.cta(ctx),
      estimated_duration_seconds: seconds,
    };
  });
}

export const offlineScriptWriter: ScriptWriter = {
  name: "offline",
  write: async (input) => ({ scripts: writeOfflineScripts(input), source: "offline", usage: [], fallback: null }),
};
