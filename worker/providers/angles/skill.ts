// Angles for a skill: something people learn and practise.
import type { Angle } from "./types";

export const SKILL_ANGLES: Angle[] = [
  {
    name: "roadmap",
    family: "guide",
    title: (c) => `Learn ${c.Subject}: The Beginner Roadmap (Zero to Confident)`,
    hook: (c) =>
      `If I had to learn ${c.subject} from zero today, this is exactly the order I'd do it in, and what I'd ignore for the first month.`,
    outline: () => [
      `What to learn first, and what to ignore for now`,
      `Week 1: the fundamentals that everything else builds on`,
      `Weeks 2–4: your first real win`,
      `Month 2: practice that actually builds skill`,
      `How to tell you're improving`,
    ],
    cta: () => `Save this roadmap and tell me which stage you're at, so I know what to cover next.`,
  },
  {
    name: "beginner-mistakes",
    family: "list",
    title: (c) => `7 ${c.Subject} Beginner Mistakes (and the Fix for Each)`,
    hook: (c) => `Almost everyone learning ${c.subject} hits the same wall around week three. It's caused by one of these seven mistakes.`,
    outline: () => [
      `Mistakes 1–2: starting with the wrong material`,
      `Mistake 3: practising what you're already good at`,
      `Mistake 4: skipping the boring fundamentals`,
      `Mistakes 5–6: no feedback, and comparing yourself to experts`,
      `Mistake 7: quitting right before it clicks`,
    ],
    cta: () => `Comment the mistake you're making right now and I'll reply with the fix.`,
  },
  {
    name: "thirty-days",
    family: "story",
    title: (c) => `I Practised ${c.Subject} Every Day for 30 Days`,
    hook: (c) => `Thirty days ago I couldn't do the basics of ${c.subject}. Day 12 nearly made me quit; day 30 surprised me.`,
    outline: () => [
      `The rules, and how I measured progress`,
      `Week 1: early excitement and the first wall`,
      `Week 2: the day-12 crisis and what changed`,
      `Weeks 3–4: the results, recorded`,
      `Who should try this, and who shouldn't`,
    ],
    cta: (c) => `Try a seven-day ${c.subject} challenge and post your day-one attempt in the comments.`,
  },
  {
    name: "skill-myths",
    family: "insider",
    title: (c) => `5 ${c.Subject} Myths That Slow Beginners Down`,
    hook: (c) => `Most advice about learning ${c.subject} sounds reasonable. Three of these five "rules" are holding you back.`,
    outline: () => [
      `Myth 1: you need expensive gear to start`,
      `Myth 2: more hours always means faster progress`,
      `Myth 3: some people just have the talent`,
      `Myths 4–5: advice that was true ten years ago`,
      `What works instead, in one minute`,
    ],
    cta: () => `Which myth did you believe longest? Drop it below, and share this with someone who's just starting.`,
  },
  {
    name: "daily-drill",
    family: "money",
    title: (c) => `The 15-Minute Daily ${c.Subject} Practice Plan`,
    hook: (c) =>
      `You don't need hours a day to get good at ${c.subject}. Fifteen focused minutes beat an hour of noodling, and here's the plan.`,
    outline: () => [
      `Minutes 0–3: the warm-up`,
      `Minutes 3–8: one technique, slowly`,
      `Minutes 8–13: apply it to something real`,
      `Minutes 13–15: record and review`,
      `How to change the plan as you improve`,
    ],
    cta: () => `The chapters in the description mark each block of the plan. Try it for a week and tell me your streak in the comments.`,
  },
  {
    name: "self-taught-vs-course",
    family: "versus",
    title: (c) => `Self-Taught vs a Course: The Fastest Way to Learn ${c.Subject}`,
    hook: (c) =>
      `Free videos or a paid course? I've learned ${c.subject} both ways, and the answer depends on one thing most people never think about.`,
    outline: () => [
      `What each path promises`,
      `Round 1: time to your first result`,
      `Round 2: cost and motivation`,
      `Round 3: where each path leaves gaps`,
      `The verdict, by learning style`,
    ],
    cta: () => `Are you self-taught or learning with a course? Tell me below.`,
  },
];
