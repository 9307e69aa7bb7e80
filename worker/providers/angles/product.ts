// Angles for a product: a device, a tool, something people buy.
import type { Angle } from "./types";

export const PRODUCT_ANGLES: Angle[] = [
  {
    name: "honest-review",
    family: "guide",
    title: (c) => `${c.Subject} Honest Review: After 30 Days of Real Use`,
    hook: (c) => `I've used ${c.subject} every day for a month, not for a weekend. Here's what the launch reviews couldn't tell you.`,
    outline: () => [
      `What it is, what it costs, and who it's for`,
      `Set-up and first impressions`,
      `Daily use: what it does really well`,
      `The problems nobody mentions`,
      `Verdict: buy it, wait, or skip it`,
    ],
    cta: () => `Questions about it? Ask below; I'll answer them with the product in hand in a follow-up.`,
  },
  {
    name: "versus-alternative",
    family: "versus",
    title: (c) => `${c.Subject} vs the Cheaper Alternative: Is It Worth the Extra?`,
    hook: (c) =>
      `${c.Subject} costs a lot more than the alternative everyone recommends. I used both side by side to find out if the difference is worth paying for.`,
    outline: () => [
      `The contenders and the price gap`,
      `Round 1: build and design`,
      `Round 2: performance in daily use`,
      `Round 3: the features you'd actually miss`,
      `Which one to buy, budget by budget`,
    ],
    cta: () => `Team expensive or team cheaper? Tell me in the comments.`,
  },
  {
    name: "before-you-buy",
    family: "list",
    title: (c) => `9 Things to Know Before You Buy ${c.Subject}`,
    hook: (c) =>
      `Before you spend money on ${c.subject}, there are nine things the product page won't tell you. Number six changed my mind.`,
    outline: () => [
      `Things 1–2: the real price once you add what's missing from the box`,
      `Things 3–4: what the spec sheet exaggerates`,
      `Things 5–6: the daily annoyances`,
      `Things 7–8: what it does better than anything else`,
      `Thing 9: who should not buy it`,
    ],
    cta: () => `Already own one? Add the thing you wish you'd known in the comments.`,
  },
  {
    name: "setup-guide",
    family: "insider",
    title: (c) => `${c.Subject} Setup: The Settings That Actually Matter`,
    hook: (c) => `Out of the box, ${c.subject} is set up for the showroom, not for you. Change these settings in the first ten minutes.`,
    outline: () => [
      `What's in the box, and what's missing`,
      `First-run setup in five minutes`,
      `The five settings to change straight away`,
      `Accessories worth adding, and the ones to skip`,
      `Keeping it running well for years`,
    ],
    cta: () => `Which setting did you change first? Share your setup below.`,
  },
  {
    name: "long-term",
    family: "story",
    title: (c) => `Six Months With ${c.Subject}: Do I Regret It?`,
    hook: (c) =>
      `Six months ago I bought ${c.subject} with my own money. Here's what still delights me, what broke, and whether I'd buy it again.`,
    outline: () => [
      `Why I bought it, and what I expected`,
      `Month 1: the honeymoon`,
      `Months 2–4: the quirks that showed up`,
      `Months 5–6: wear, updates and battery or durability`,
      `Would I buy it again?`,
    ],
    cta: () => `Want a one-year update? Subscribe and it'll be in your feed.`,
  },
  {
    name: "best-deal",
    family: "money",
    title: (c) => `Don't Overpay for ${c.Subject}: When and Where to Buy`,
    hook: (c) =>
      `The same ${c.subject} can cost very different amounts depending on when and where you buy it. Here's how not to pay the top price.`,
    outline: () => [
      `The price history: when it drops and when it doesn't`,
      `New, refurbished or second-hand: the real trade-offs`,
      `Bundles and trade-ins that are worth it`,
      `The version or configuration to pick`,
      `Warranty and returns: read this before you buy`,
    ],
    cta: () => `Seen a good deal? Share it in the comments to help everyone watching.`,
  },
];
