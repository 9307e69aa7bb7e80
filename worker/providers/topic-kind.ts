// What kind of video a topic is (a place, a product, a skill, a recipe, or something else), so
// the offline writer's outlines and the thumbnails' art fit it. Plain word rules, in priority
// order, tested in worker/test/offline-writer-kind.test.ts; no model, no network.

export type TopicKind = "place" | "product" | "skill" | "recipe" | "general";

export interface TopicProfile {
  kind: TopicKind;
  /** The topic as the creator typed it, with known place names capitalised ("japan" → "Japan"). */
  topic: string;
  /** Two or three words that name the subject, for titles and headlines: "Japan", "meal prep". */
  subject: string;
  /** The place named in the topic, if any, in its usual spelling. */
  place: string | null;
}

// Countries, regions and cities creators most often make travel videos about, as usually spelled.
const PLACES =
  "Japan|Tokyo|Kyoto|Osaka|Hokkaido|Okinawa|Korea|Seoul|Busan|China|Beijing|Shanghai|Hong Kong|Taiwan|Taipei|" +
  "Thailand|Bangkok|Chiang Mai|Phuket|Vietnam|Hanoi|Ho Chi Minh City|Cambodia|Laos|Singapore|Malaysia|" +
  "Kuala Lumpur|Indonesia|Bali|Philippines|India|Nepal|Sri Lanka|Maldives|Dubai|Turkey|Istanbul|Israel|Jordan|" +
  "Egypt|Morocco|Marrakech|Kenya|Tanzania|South Africa|Cape Town|France|Paris|Italy|Rome|Venice|Florence|Milan|" +
  "Sicily|Spain|Barcelona|Madrid|Portugal|Lisbon|Porto|Greece|Athens|Santorini|Croatia|Germany|Berlin|Munich|" +
  "Austria|Vienna|Switzerland|Netherlands|Amsterdam|Belgium|Brussels|London|Scotland|Edinburgh|Ireland|Dublin|" +
  "Iceland|Norway|Sweden|Stockholm|Denmark|Copenhagen|Finland|Poland|Krakow|Prague|Czechia|Hungary|Budapest|" +
  "Europe|Asia|Africa|USA|New York|NYC|Los Angeles|San Francisco|Las Vegas|Chicago|Miami|Hawaii|Alaska|California|" +
  "Florida|Texas|Canada|Vancouver|Toronto|Montreal|Mexico|Mexico City|Cancun|Peru|Cusco|Machu Picchu|Brazil|" +
  "Rio de Janeiro|Argentina|Buenos Aires|Patagonia|Chile|Colombia|Costa Rica|Cuba|Australia|Sydney|Melbourne|" +
  "New Zealand|Yosemite|Yellowstone";

// Longest first, so "Mexico City" wins over "Mexico".
const KNOWN_PLACES = PLACES.split("|").sort((a, b) => b.length - a.length);

interface Rule {
  kind: TopicKind;
  pattern: RegExp;
}

const NICHE_RULES: Rule[] = [
  { kind: "place", pattern: /\b(travel|tourism|backpack|destinations?|van ?life|expat)/ },
  { kind: "recipe", pattern: /\b(food|cook|recipe|baking|kitchen|culinary|meal)/ },
  { kind: "product", pattern: /\b(tech|gadget|review|unboxing|gear|hardware|consumer)/ },
  { kind: "skill", pattern: /\b(education|tutorial|learning|lessons?|music|art|coding|language|diy|crafts?)\b/ },
];

// Checked in order: a "camera review" is a product even when the niche is travel.
const TOPIC_RULES: Rule[] = [
  { kind: "product", pattern: /\b(review|unboxing|vs\.?|versus|worth (buying|it)|buying guide|teardown|hands[- ]on)\b/ },
  {
    kind: "recipe",
    pattern:
      /\b(recipes?|cook(ing)?|bak(e|ing|ed)|roast(ed)?|fried|grilled|braised|stuffed|stews?|homemade|meal ?prep|dinners?|lunch(es)?|breakfasts?|soups?|bread|sourdough|pasta|curry|ramen|noodles|cakes?|cookies|salads?|smoothies?|sauces?|stir[- ]fry|bbq|barbecue|grill(ing)?|vegan meals?|air fryer meals?|dishes)\b/,
  },
  {
    kind: "place",
    pattern:
      /\b(travel(l?ing)?|trip|itinerary|vacation|holiday|backpacking|road ?trip|things to do in|days in|weekend in|visit(ing)?|(city|walking|food|street food) tour|hostels?|city guide|island|national park)\b/,
  },
  {
    kind: "product",
    pattern:
      /\b(iphone|ipad|macbook|android|pixel|galaxy|phones?|laptops?|tablets?|cameras?|lens(es)?|headphones|earbuds|keyboards?|monitors?|gpu|consoles?|ps5|xbox|switch 2|drones?|smartwatch|speakers?|e-?bikes?|espresso machines?|air fryers?|vacuums?|gadgets?)\b/,
  },
  {
    kind: "skill",
    pattern:
      /\b(learn(ing)?|how to|tutorial|course|lessons?|practi[cs]e|beginners?|guitar|piano|drums|violin|singing|drawing|painting|sketching|photography|editing|coding|programming|python|javascript|excel|chess|spanish|french|japanese|german|language|calligraphy|knitting|crochet|woodworking|skateboarding|swimming|yoga|public speaking|writing)\b/,
  },
];

const GENERIC_WORDS =
  /\b(ultimate|complete|beginners?'?s?|for beginners|easy|simple|quick|best|top|budget|cheap|affordable|guide|tips?|tricks?|hacks?|how to|learn(ing)?|tutorial|review|unboxing|honest|recipes?|travel(l?ing)?|trip|itinerary|in \d{4}|\d{4}|explained|basics)\b/gi;

// Compiled once: a topic is checked against every name, on every script and thumbnail request.
const PLACE_PATTERNS = KNOWN_PLACES.map((name) => ({
  name,
  find: new RegExp(`(^|[^\\p{L}])${name.replace(/ /g, "\\s+")}($|[^\\p{L}])`, "iu"),
  casing: new RegExp(`(^|[^\\p{L}])(${name.replace(/ /g, "\\s+")})(?=$|[^\\p{L}])`, "giu"),
}));

export function findPlace(text: string): string | null {
  for (const { name, find } of PLACE_PATTERNS) if (find.test(text)) return name;
  return null;
}

export function topicKind(topic: string, niche: string | null = null): TopicKind {
  const text = topic.toLowerCase();
  for (const rule of TOPIC_RULES) if (rule.pattern.test(text)) return rule.kind;
  if (findPlace(topic)) return "place";
  const nicheText = (niche ?? "").toLowerCase();
  for (const rule of NICHE_RULES) if (rule.pattern.test(nicheText)) return rule.kind;
  return "general";
}

/** The topic with known place names in their usual spelling; everything else as typed. */
export function withPlaceCasing(text: string): string {
  let out = text;
  for (const { name, casing } of PLACE_PATTERNS) out = out.replace(casing, (_m, pre: string) => pre + name);
  return out;
}

const DOUBLED = new Set(["swim", "run", "sit", "shop", "plan", "get", "cut", "knit", "jog", "chop", "skip", "stop"]);

/** "draw" → "drawing", "code" → "coding", "swim" → "swimming": "how to draw hands" is about drawing hands. */
function gerund(verb: string): string {
  const v = verb.toLowerCase();
  if (v.endsWith("ing")) return verb;
  if (DOUBLED.has(v)) return `${verb}${verb.at(-1)}ing`;
  if (/[^e]e$/.test(v)) return `${verb.slice(0, -1)}ing`;
  return `${verb}ing`;
}

const JOINING_WORDS = /^(or|and|vs\.?|versus|&|\+|nor|of)$/i;

function shortSubject(topic: string, kind: TopicKind, place: string | null): string {
  if (kind === "place" && place) return place;
  const stripped = topic
    .replace(/^\s*(how to|learn(ing)? to)\s+(\p{L}+)/iu, (_m, _a, _b, verb: string) => gerund(verb))
    .replace(/\s+(for|with|on|in|at|to|without)\s+.*$/i, "")
    .replace(GENERIC_WORDS, " ")
    .replace(/[^\p{L}\p{N}'’&+\- ]/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
  const words = (stripped || topic.trim()).split(" ");
  // Keep the tail (the head noun in English): "weeknight meal prep" → "meal prep".
  let keep = words.slice(-3).join(" ").length <= 14 ? 3 : 2;
  // A tail that opens on a joining word ("or ryokan" from "hostels or ryokan") names half a
  // choice; take the word before it too, so the subject is the whole pair.
  while (keep < words.length && JOINING_WORDS.test(words[words.length - keep]!)) keep++;
  return words.slice(-keep).join(" ");
}

export function topicProfile(rawTopic: string, niche: string | null = null): TopicProfile {
  const typed = rawTopic.trim().replace(/\s+/g, " ");
  const kind = topicKind(typed, niche);
  // Only a travel topic gets place casing: "roast turkey" and "chile con carne" are food.
  const topic = kind === "place" ? withPlaceCasing(typed) : typed;
  const place = kind === "place" ? findPlace(topic) : null;
  return { kind, topic, subject: shortSubject(topic, kind, place), place };
}
