// Angles for a recipe or a kind of cooking.
import type { Angle } from "./types";

export const RECIPE_ANGLES: Angle[] = [
  {
    name: "foolproof-method",
    family: "guide",
    title: (c) => `${c.Subject}, Step by Step: The Foolproof Method`,
    hook: (c) =>
      `This is the ${c.subject} method I'd teach a friend who's never cooked it before, with every step you can get wrong made impossible to miss.`,
    outline: () => [
      `Ingredients: what matters, and the swaps that work`,
      `Prep: the ten minutes that save the dish`,
      `Cooking: heat, timing and the cues to watch for`,
      `Finishing: seasoning, texture and serving`,
      `Storing and reheating without losing flavour`,
    ],
    cta: () => `Every step has its own chapter in the description, so you can cook along. Make it this week and tell me how it went.`,
  },
  {
    name: "cooking-mistakes",
    family: "list",
    title: (c) => `7 ${c.Subject} Mistakes That Ruin the Result`,
    hook: (c) =>
      `If your ${c.subject} turns out bland, soggy or dry, it's almost always one of these seven mistakes, and most of them happen before the pan is even hot.`,
    outline: () => [
      `Mistakes 1–2: shopping and ingredient choices`,
      `Mistake 3: cutting and measuring`,
      `Mistake 4: heat that's too high, or too low`,
      `Mistakes 5–6: seasoning too late and tasting too little`,
      `Mistake 7: storage that wrecks day three`,
    ],
    cta: () => `Which mistake was yours? Confess in the comments, no judgement.`,
  },
  {
    name: "budget-week",
    family: "money",
    title: (c) => `Cheap ${c.Subject} That Doesn't Taste Cheap`,
    hook: (c) => `One shopping trip, a week of ${c.subject}, and not one meal that tastes like you were saving money.`,
    outline: () => [
      `The shopping list, costed item by item`,
      `Batch cooking: one session, five meals`,
      `Pantry staples that do the heavy lifting`,
      `The one ingredient worth paying more for`,
      `Cost per portion against a takeaway`,
    ],
    cta: () => `Pause on the shopping list chapter to copy it down, and share your cheapest good meal in the comments.`,
  },
  {
    name: "tested-methods",
    family: "versus",
    title: (c) => `I Tested 4 Ways to Make ${c.Subject}: One Clear Winner`,
    hook: (c) =>
      `The internet can't agree on the best way to make ${c.subject}, so I made it four different ways in one day and compared them side by side.`,
    outline: () => [
      `The four methods, and how I kept the test fair`,
      `Method 1 and 2: the classic and the shortcut`,
      `Method 3 and 4: the viral hack and the chef's way`,
      `Blind tasting: results and surprises`,
      `The winner, and when the runner-up is the better choice`,
    ],
    cta: () => `Which method do you swear by? Tell me and I'll test it next.`,
  },
  {
    name: "chef-tricks",
    family: "insider",
    title: (c) => `${c.Subject}: 5 Restaurant Tricks for Home Cooks`,
    hook: (c) =>
      `Restaurant ${c.subject} tastes different for a reason, and it isn't the equipment. These five tricks close most of the gap at home.`,
    outline: () => [
      `Trick 1: prep everything before the heat goes on`,
      `Trick 2: season in layers, not at the end`,
      `Trick 3: the pan, the heat and the timing`,
      `Trick 4: a finishing touch chefs never skip`,
      `Trick 5: plating that makes it look as good as it tastes`,
    ],
    cta: () => `Try one trick tonight and tell me which made the biggest difference.`,
  },
  {
    name: "week-of-cooking",
    family: "story",
    title: (c) => `I Made ${c.Subject} Every Day for a Week: Here's What I Learned`,
    hook: (c) =>
      `Seven days, seven attempts at ${c.subject}. Day one was a disaster; by day seven I finally understood what the recipes leave out.`,
    outline: () => [
      `Day 1: following the recipe exactly, and why it failed`,
      `Days 2–3: fixing the basics`,
      `Days 4–5: the change that made the biggest difference`,
      `Days 6–7: cooking without the recipe`,
      `What I'd tell myself on day one`,
    ],
    cta: () => `Try a three-day version and post a photo of day one versus day three.`,
  },
];
