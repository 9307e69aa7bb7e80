// The things a topic is made of, so every section of an offline script talks about them: an
// espresso video talks about grind, dose, tamp, milk, beans and the machine, not a generic
// "practice plan". A few common topics have their own list; every other topic gets its kind's
// list plus the nouns the creator typed. Each thing comes with one fact and one check a
// presenter can say, so a sentence about it carries substance rather than filler.
import type { TopicKind } from "./topic-kind";

export interface Thing {
  /** As it reads mid-sentence: "the grind". */
  say: string;
  /** One concrete fact, mid-sentence: "fine enough that a double shot runs in 25 to 30 seconds". */
  fact: string;
  /** One check the viewer can do, mid-sentence. */
  check: string;
}

interface Vocabulary {
  pattern: RegExp;
  things: Thing[];
}

const t = (say: string, fact: string, check: string): Thing => ({ say, fact, check });

const TOPICS: Vocabulary[] = [
  {
    pattern: /\b(espresso|coffee|latte|cappuccino|barista)\b/i,
    things: [
      t(
        "the grind",
        "it should be fine enough that a double shot takes 25 to 30 seconds to run",
        "if the shot gushes out in 15 seconds, go finer, and if it drips past 35, go coarser",
      ),
      t(
        "the dose",
        "18 grams of ground coffee in and about 36 grams of espresso out is the classic starting ratio",
        "weigh both on a cheap kitchen scale instead of trusting the scoop",
      ),
      t(
        "the tamp",
        "a level, firm press matters far more than how hard you push",
        "look at the puck from the side: if it slopes, water will rush through the low side",
      ),
      t(
        "the milk",
        "cold whole milk steamed to about 60 °C stays sweet, and hotter than 70 °C it tastes flat",
        "touch the jug: when it is too hot to hold for more than a second, stop",
      ),
      t(
        "the beans",
        "beans roasted two to four weeks ago pull the most forgiving shots",
        "look for a roast date on the bag, not a best-before date",
      ),
      t(
        "the machine",
        "a machine needs 15 to 20 minutes to heat the group head properly",
        "run a blank shot of hot water through the portafilter before your first real one",
      ),
    ],
  },
  {
    pattern: /\b(sourdough|bread|baking|loaf)\b/i,
    things: [
      t(
        "the starter",
        "a starter is ready when it doubles within four to six hours of feeding",
        "drop a spoonful in water: if it floats, it is ready",
      ),
      t(
        "the flour",
        "strong bread flour with 12 to 13% protein gives the dough its structure",
        "check the protein figure on the bag before you buy",
      ),
      t(
        "the hydration",
        "75% water to flour is wet enough for an open crumb and still easy to shape",
        "weigh the water; cups are never the same twice",
      ),
      t(
        "the proof",
        "the bulk rise is done when the dough has grown by about half and jiggles",
        "press a floured finger in: if the dent springs back slowly, it is ready",
      ),
      t("the oven", "a lidded pot at 250 °C traps steam for the first 20 minutes", "preheat the pot for a full 45 minutes"),
      t(
        "the crust",
        "the lid comes off after 20 minutes so the crust can colour",
        "tap the base: a hollow sound means it is baked through",
      ),
    ],
  },
  {
    pattern: /\b(guitar|ukulele|bass)\b/i,
    things: [
      t("the chords", "G, C, D and E minor cover hundreds of songs", "play each one string by string and listen for a buzz"),
      t("the frets", "pressing just behind the fret takes half the pressure", "slide your finger closer to the metal until the buzz stops"),
      t("the strumming hand", "a loose wrist keeps the rhythm steady", "strum muted strings to a metronome at 60 beats a minute"),
      t(
        "the changes",
        "switching chords in time matters more than any single chord",
        "time yourself: how many clean changes in one minute",
      ),
      t("the tuning", "an out-of-tune guitar makes correct chords sound wrong", "tune before every session with a free tuner app"),
      t(
        "the practice routine",
        "fifteen focused minutes a day beats two hours on Sunday",
        "write down one thing to fix before you pick the guitar up",
      ),
    ],
  },
];

const BY_KIND: Record<TopicKind, Thing[]> = {
  place: [
    t(
      "getting around",
      "a rechargeable transit card works on most trains and buses and saves queueing for tickets",
      "check whether a rail pass actually beats single tickets for your route",
    ),
    t(
      "where to sleep",
      "hostels and business hotels near a main station cut both cost and travel time",
      "compare the price per night with the fare you would pay to get into the centre",
    ),
    t(
      "food",
      "lunch sets and markets cost a fraction of the same dish at dinner",
      "look for the places where people who work nearby are queueing",
    ),
    t(
      "money",
      "cash still matters in smaller towns, even where cards work in the cities",
      "carry enough for a day and know where the nearest ATM that takes your card is",
    ),
    t(
      "the neighbourhoods",
      "staying in one area per day saves hours on trains",
      "group the sights you want by district before you book anything",
    ),
    t("timing", "the shoulder seasons bring lower prices and smaller crowds", "check the local holiday calendar before you pick dates"),
  ],
  recipe: [
    t("the ingredients", "a few good ingredients do more than a long list of average ones", "taste each one on its own before it goes in"),
    t(
      "the heat",
      "a pan that is properly hot before the food goes in decides the texture",
      "flick in a drop of water: it should dance, not sit",
    ),
    t(
      "the seasoning",
      "salt added in stages tastes better than the same salt at the end",
      "taste at every stage and adjust a little at a time",
    ),
    t("the timing", "most dishes are ruined in the last two minutes, not the first ten", "set a timer for the step you usually overdo"),
    t(
      "the equipment",
      "one heavy pan and one sharp knife cover nearly every step",
      "if the knife slides off a tomato skin, it needs sharpening",
    ),
    t("the leftovers", "most dishes keep three days in the fridge and reheat best gently", "label the box with the date it was cooked"),
  ],
  product: [
    t("the price", "the launch price rarely holds for more than a few months", "check the price history before buying"),
    t(
      "the battery",
      "real-world battery life is usually 20 to 30% below the advertised figure",
      "run your own day of normal use and note the percentage at night",
    ),
    t("the build", "the hinges, buttons and ports are what fail first", "press and twist it gently in the shop and listen for creaks"),
    t(
      "the specs",
      "two numbers on the spec sheet matter for most people, and the rest is marketing",
      "pick the two that match how you will use it and ignore the others",
    ),
    t(
      "the warranty",
      "the return window is the cheapest insurance you will get",
      "put the last return date in your calendar on the day it arrives",
    ),
    t("the alternatives", "last year's model often does 90% of the job for far less", "compare it against the cheaper option side by side"),
  ],
  skill: [
    t(
      "the basics",
      "the first two or three fundamentals carry most of the progress",
      "can you do each one slowly without thinking about it",
    ),
    t("the practice", "short daily sessions beat long occasional ones", "keep a one-line log of what you practised each day"),
    t("the common mistakes", "most beginners make the same three mistakes in the first month", "film yourself once a week and compare"),
    t(
      "the tools",
      "cheap starter tools are fine until they hold you back",
      "upgrade only when you can name what the tool is stopping you from doing",
    ),
    t(
      "feedback",
      "one honest comment from someone better than you is worth a week alone",
      "ask one specific question, not whether it is good",
    ),
    t(
      "the next step",
      "a clear next goal keeps you practising after the novelty wears off",
      "write the next small goal down before you finish each session",
    ),
  ],
  general: [
    t("the basics", "the core idea fits in one sentence once you strip the jargon", "try explaining it to a friend in one breath"),
    t("a real example", "one worked example teaches more than ten definitions", "follow it through yourself with your own numbers"),
    t("the common mistake", "most people get the same part wrong first", "check that step twice before moving on"),
    t("the numbers", "one number usually decides the whole thing", "find where that number comes from before you trust it"),
    t("the sources", "the original source often says less than the headlines claim", "read the first paragraph of the source itself"),
    t("the next step", "knowing what to do tomorrow matters more than knowing everything", "pick one action you can take today"),
  ],
};

/** The things this topic is made of: a known topic's own list, else the kind's list. */
export function thingsOf(topic: string, kind: TopicKind): Thing[] {
  return TOPICS.find((v) => v.pattern.test(topic))?.things ?? BY_KIND[kind];
}
