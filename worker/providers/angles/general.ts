// Angles for any other topic: ideas, habits, explainers.
import type { Angle } from "./types";

export const GENERAL_ANGLES: Angle[] = [
  {
    name: "complete-guide",
    family: "guide",
    title: (c) => `${c.Topic}: The Complete Guide in One Video`,
    hook: (c) => `Everything you need to know about ${c.subject}, in the order it actually makes sense, with the parts most guides skip.`,
    outline: (c) => [
      `What ${c.subject} is, in plain words`,
      `Why it matters to ${c.audience}`,
      `The three things that make the biggest difference`,
      `A real example, start to finish`,
      `Where to go from here`,
    ],
    cta: () => `Save this guide, and tell me which part you want a deeper video on.`,
  },
  {
    name: "mistakes",
    family: "list",
    title: (c) => `7 ${c.Subject} Mistakes That Quietly Cost You`,
    hook: (c) =>
      `If ${c.subject} isn't working for you, odds are you're making mistake number three right now, and it's the one nobody warns you about.`,
    outline: () => [
      `The mistake behind most failed attempts`,
      `Mistakes 1–3: errors in the first week`,
      `Mistakes 4–5: what looks right but isn't`,
      `Mistakes 6–7: the habits that stall progress after a month`,
      `A seven-point checklist to screenshot`,
    ],
    cta: () => `Comment the mistake you've made, and I'll reply with the fix.`,
  },
  {
    name: "experiment",
    family: "story",
    title: (c) => `I Tried ${c.Subject} for 30 Days: Here's What Happened`,
    hook: (c) => `Thirty days ago I committed to ${c.subject}. Week two nearly made me quit; the last week surprised me.`,
    outline: () => [
      `The rules of the experiment and how I measured it`,
      `Week 1: early excitement and the first wall`,
      `Week 2: the crisis, and what changed`,
      `Weeks 3–4: the results`,
      `Who should try this, and who shouldn't`,
    ],
    cta: () => `Try a seven-day version and post your day-one result in the comments.`,
  },
  {
    name: "myths",
    family: "insider",
    title: (c) => `5 ${c.Subject} Myths You Probably Still Believe`,
    hook: (c) => `Everything you've been told about ${c.subject} sounds reasonable. Three of these five "rules" are wrong.`,
    outline: () => [
      `Myth 1: the popular advice everyone repeats`,
      `Myth 2: more effort always means better results`,
      `Myth 3: you need to be an expert to start`,
      `Myths 4–5: advice that was true five years ago`,
      `What actually works instead`,
    ],
    cta: () => `Which myth did you believe longest? Drop it below.`,
  },
  {
    name: "quick-vs-thorough",
    family: "versus",
    title: (c) => `${c.Topic}: The Quick Way vs the Thorough Way`,
    hook: (c) =>
      `There are two ways to approach ${c.subject}: the shortcut and the slow, thorough way. I tried both so you can choose with your eyes open.`,
    outline: () => [
      `What each approach promises`,
      `Round 1: time to the first result`,
      `Round 2: cost and effort`,
      `Round 3: results after a month`,
      `The verdict for beginners and for the experienced`,
    ],
    cta: () => `Which side are you on? Tell me in the comments.`,
  },
  {
    name: "on-a-budget",
    family: "money",
    title: (c) => `${c.Subject} Without Spending Much`,
    hook: (c) => `You don't need a big budget for ${c.subject}. Here's what's free, what's worth paying for, and what's a waste.`,
    outline: () => [
      `Where the money usually goes, and why much of it is wasted`,
      `The free essentials`,
      `The one thing worth paying for`,
      `Cheap against expensive, side by side`,
      `A two-week plan that costs almost nothing`,
    ],
    cta: () => `Share your best free resource in the comments.`,
  },
];
