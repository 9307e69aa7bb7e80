// Angles for a place: a trip, a city, a country.
import type { Angle } from "./types";

export const PLACE_ANGLES: Angle[] = [
  {
    name: "first-timer-plan",
    family: "guide",
    title: (c) => `${c.Subject} for First-Timers: The Plan I'd Follow Again`,
    hook: (c) =>
      `A first trip to ${c.subject} can be easy or an expensive mess, and the difference comes down to about six decisions. Here they are, in the order you'll face them.`,
    outline: (c) => [
      `Before you go: entry rules, money and the one booking to make early`,
      `Getting around ${c.subject}: passes, local transport and when to walk`,
      `Where to stay: neighbourhoods by budget and by mood`,
      `Eating well: from street food to one meal worth the splurge`,
      `A sample week you can copy, day by day`,
    ],
    cta: (c) => `Save this for your ${c.subject} trip, and ask your planning questions in the comments; I answer them in the next video.`,
  },
  {
    name: "real-costs",
    family: "money",
    title: (c) => `What a Week in ${c.Subject} Really Costs (Every Expense Tracked)`,
    hook: (c) =>
      `I tracked every single expense of a week in ${c.subject}. The total surprised me, and so did where the money actually went.`,
    outline: () => [
      `The total, and the daily budget it works out to`,
      `Transport: the biggest line, and how to shrink it`,
      `Beds: hostels, guesthouses and when a hotel is worth it`,
      `Food: eating well for less without living on snacks`,
      `Where I overspent, and where spending more was worth it`,
    ],
    cta: () =>
      `The daily totals are on screen in each chapter, so pause where you need them. Tell me your daily budget in the comments and I'll tell you if it's realistic.`,
  },
  {
    name: "trip-mistakes",
    family: "list",
    title: (c) => `7 Mistakes First-Time Visitors Make in ${c.Subject}`,
    hook: (c) => `Most people make at least three of these on their first trip to ${c.subject}. I made five of them.`,
    outline: () => [
      `Mistakes 1–2: booking too much, and booking the wrong things`,
      `Mistake 3: the transport ticket that costs more than it saves`,
      `Mistakes 4–5: etiquette slips locals notice right away`,
      `Mistake 6: staying in the wrong part of town`,
      `Mistake 7: the day trip almost everyone skips`,
    ],
    cta: () => `Which of these have you made? Tell me below.`,
  },
  {
    name: "what-i-wish",
    family: "story",
    title: (c) => `10 Days in ${c.Subject}: What I'd Do Differently`,
    hook: (c) =>
      `I planned my ${c.subject} trip for months. Day three still went completely wrong, and it taught me more than the whole plan.`,
    outline: () => [
      `The plan I started with, and why it looked perfect on paper`,
      `Days 1–3: first impressions and the first surprises`,
      `The day it all went wrong, and how I fixed it`,
      `The best moment of the trip, and how to find your own`,
      `What I'd change if I went back tomorrow`,
    ],
    cta: () => `If this helped, the chapters in the description take you back to any stop on the route. Tell me where I should go next.`,
  },
  {
    name: "local-tips",
    family: "insider",
    title: (c) => `${c.Subject} Tips Locals Wish Every Visitor Knew`,
    hook: (c) => `Locals in ${c.subject} spot a tourist in about three seconds. These tips are how you get treated like a guest instead.`,
    outline: () => [
      `The unwritten rules: manners that open doors`,
      `Getting around like a local, not like a tour group`,
      `Where locals actually eat, and how to order`,
      `Tourist traps worth skipping, and what to do instead`,
      `One day trip most visitors never take`,
    ],
    cta: () => `Locals watching: what did I miss? Correct me in the comments; the best tip gets pinned.`,
  },
  {
    name: "shoestring-vs-comfort",
    family: "versus",
    title: (c) => `${c.Subject} on a Shoestring vs in Comfort: Is the Upgrade Worth It?`,
    hook: (c) =>
      `Same destination, same sights: one day on the tightest budget I could manage, the next with no limits. Here's what the extra money actually bought.`,
    outline: () => [
      `The rules: two budgets, same sights`,
      `Round 1: getting around`,
      `Round 2: sleeping`,
      `Round 3: eating`,
      `The verdict: where to save and where to spend`,
    ],
    cta: (c) => `Which ${c.subject} day would you pick? Vote in the comments.`,
  },
];
