// Thumbnail rendering in Node with the Worker's own code: SVG design → PNG through resvg-wasm and
// the bundled fonts. Prints the time per thumbnail; with --out DIR also writes the PNGs (1280 px
// and YouTube's 168 px preview) for a look. Then, with the route's own cache code (png-cache.ts)
// over an in-memory stand-in for the R2 bucket: renders per thumbnail version and the CPU of a
// cached preview; and the embedded designer's legibility over 50 topics (numbers and $ among the
// titles), measured on the 168 px render as the Worker does. Run: npm run bench:render [-- --out DIR]
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";

// The Worker imports .wasm as a compiled module and .ttf as bytes (wrangler.toml [[rules]]); do the same here.
const workerModules = {
  name: "worker-modules",
  setup(b) {
    b.onLoad({ filter: /\.wasm$/ }, (args) => ({
      contents: `import { readFileSync } from "node:fs"; export default new WebAssembly.Module(readFileSync(${JSON.stringify(args.path)}));`,
      loader: "js",
    }));
    b.onLoad({ filter: /\.ttf$/ }, (args) => ({
      contents: `import { readFileSync } from "node:fs"; const b = readFileSync(${JSON.stringify(args.path)}); export default b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength);`,
      loader: "js",
    }));
  },
};

const entry = `
export { renderPng } from "./worker/render/png";
export { renderThumbnailSvg, svgThumbnailDesigner } from "./worker/providers/svg-thumbnails";
export { writeOfflineScripts } from "./worker/providers/offline-scripts";
export { offlineTrendReport } from "./worker/providers/offline-trends";
export { cachedPng } from "./worker/render/png-cache";
export { legibleTreatment, LEGIBILITY_RULES } from "./worker/render/legibility";
`;
mkdirSync(".tmp", { recursive: true });
await build({
  stdin: { contents: entry, resolveDir: process.cwd(), loader: "ts" },
  bundle: true,
  platform: "node",
  format: "esm",
  outfile: ".tmp/bench-render.mjs",
  plugins: [workerModules],
  logLevel: "warning",
});
const lib = await import(pathToFileURL(".tmp/bench-render.mjs").href);

const outIndex = process.argv.indexOf("--out");
const outDir = outIndex > 0 ? process.argv[outIndex + 1] : null;
const TOPICS = [
  { topic: "Budget travel Japan", niche: null },
  { topic: "Weeknight meal prep", niche: "food" },
  { topic: "iPhone 17 Pro review", niche: null },
  { topic: "Learn guitar in 30 days", niche: null },
  { topic: "Productivity for remote workers", niche: null },
];
const STYLES = ["FACE_FOCUSED", "PRODUCT_DEMO", "VIRAL"];
const now = new Date("2026-11-20T12:00:00Z");

const jobs = [];
for (const { topic, niche } of TOPICS) {
  const trends = lib.offlineTrendReport({ topic, niche, audience: null }, now);
  const [script] = lib.writeOfflineScripts({
    topic,
    niche,
    audience: null,
    tone: null,
    trends,
    feedback: null,
    previous: [],
    revision: 1,
    count: 3,
  });
  const designs = await lib.svgThumbnailDesigner.design({ topic, script, styles: STYLES, niche });
  for (const d of designs)
    jobs.push({ topic, style: d.style, headline: d.headline, svg: lib.renderThumbnailSvg(d.style, d.headline, topic, { niche }) });
}

let t = performance.now();
await lib.renderPng(jobs[0].svg);
const first = performance.now() - t;
const times = [];
const sizes = [];
const small = [];
for (let round = 0; round < 3; round++) {
  for (const job of jobs) {
    t = performance.now();
    const png = await lib.renderPng(job.svg);
    times.push(performance.now() - t);
    sizes.push(png.length);
    t = performance.now();
    const preview = await lib.renderPng(job.svg, { width: 168 });
    small.push(performance.now() - t);
    if (round === 0 && outDir) {
      mkdirSync(outDir, { recursive: true });
      const name = `${job.topic.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-${job.style.toLowerCase()}`;
      writeFileSync(`${outDir}/${name}.png`, png);
      writeFileSync(`${outDir}/${name}-168.png`, preview);
      writeFileSync(`${outDir}/${name}.svg`, job.svg);
    }
  }
}
const sorted = (xs) => [...xs].sort((a, b) => a - b);
const pct = (xs, p) => sorted(xs)[Math.min(xs.length - 1, Math.floor(p * xs.length))];
const ms = (x) => `${x.toFixed(1)} ms`;
console.log(`first render (wasm init + fonts): ${ms(first)}`);
console.log(
  `1280x720 PNG: median ${ms(pct(times, 0.5))}, p95 ${ms(pct(times, 0.95))} over ${times.length} renders; size median ${Math.round(pct(sizes, 0.5) / 1024)} KB`,
);
console.log(`168 px preview: median ${ms(pct(small, 0.5))}`);
for (const job of jobs.slice(0, outDir ? jobs.length : 0)) console.log(`  ${job.topic} · ${job.style}: "${job.headline}"`);
const fontBytes = [
  "@expo-google-fonts/anton/400Regular/Anton_400Regular.ttf",
  "@expo-google-fonts/noto-sans/900Black/NotoSans_900Black.ttf",
  "@expo-google-fonts/noto-emoji/700Bold/NotoEmoji_700Bold.ttf",
]
  .map((f) => readFileSync(`node_modules/${f}`).length)
  .reduce((a, b) => a + b, 0);
console.log(
  `bundled fonts: ${Math.round(fontBytes / 1024)} KB; resvg wasm: ${Math.round(readFileSync("node_modules/@resvg/resvg-wasm/index_bg.wasm").length / 1024)} KB`,
);

// ---- renders per thumbnail version, through the route's cache code ----
/** Only what cachedPng uses of an R2 bucket: get and put by key. */
function memoryBucket() {
  const objects = new Map();
  return {
    objects,
    async get(key) {
      const bytes = objects.get(key);
      return bytes ? { arrayBuffer: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) } : null;
    },
    async put(key, bytes) {
      objects.set(key, new Uint8Array(bytes));
    },
  };
}
const bucket = memoryBucket();
const WIDTHS = [168, 246, 360, 1280];
const REQUESTS_PER_VERSION = 20;
let rendered = 0;
const cachedCpu = [];
for (const job of jobs)
  for (let i = 0; i < REQUESTS_PER_VERSION; i++)
    for (const width of WIDTHS) {
      const started = process.cpuUsage();
      const result = await lib.cachedPng(bucket, job.svg, width);
      const used = process.cpuUsage(started);
      if (result.rendered) rendered++;
      else if (width !== 1280) cachedCpu.push((used.user + used.system) / 1000);
    }
const versions = jobs.length * WIDTHS.length;
console.log(
  `renders per thumbnail version: ${(rendered / versions).toFixed(2)} (${rendered} renders for ${versions} version×width pairs over ${versions * REQUESTS_PER_VERSION} requests; 1 = rendered once, then kept)`,
);
console.log(
  `CPU per cached preview (SHA-256 of the SVG + one bucket read): median ${ms(pct(cachedCpu, 0.5))}, p95 ${ms(pct(cachedCpu, 0.95))} over ${cachedCpu.length}`,
);

// ---- legibility of the embedded designer over 50 topics ----
const SUBJECTS = [
  "Japan",
  "Home espresso",
  "Sourdough",
  "Budget travel Italy",
  "iPhone 17 Pro",
  "Guitar",
  "Remote work",
  "Meal prep",
  "Marathon training",
  "Houseplants",
  "Personal finance",
  "Mechanical keyboards",
  "Vegan baking",
  "Solo camping",
  "Chess openings",
  "Drone photography",
  "Minimalism",
  "Coffee roasting",
  "Bouldering",
  "Electric bikes",
  "Thailand",
  "Side hustles",
  "3D printing",
  "Skincare",
  "Home gym",
  "Lisbon",
  "Film photography",
  "Sushi at home",
  "Woodworking",
  "Learn Spanish",
  "Smart home",
  "Van life",
  "Budget PC build",
  "Paris",
  "Dog training",
  "Investing for beginners",
  "Pour-over coffee",
  "Hiking boots",
  "Standing desks",
  "Yoga",
  "Street food Mexico",
  "Notion setup",
  "Kettlebells",
  "Iceland road trip",
  "Pizza dough",
  "Study habits",
  "Podcast gear",
  "Gardening",
  "Vintage fashion",
  "Night photography",
];
const rules = lib.LEGIBILITY_RULES;
const figures = [];
for (let i = 0; i < SUBJECTS.length; i++) {
  const topic = SUBJECTS[i];
  const trends = lib.offlineTrendReport({ topic, niche: null, audience: null }, now);
  const [script] = lib.writeOfflineScripts({
    topic,
    niche: null,
    audience: null,
    tone: null,
    trends,
    feedback: null,
    previous: [],
    revision: 1,
    count: 1,
  });
  // A third of the titles carry a price, a third a count, as creators write them.
  const title = i % 3 === 0 ? `${topic} on $${20 + i} a Day` : i % 3 === 1 ? `${3 + (i % 9)} ${topic} Mistakes` : script.title;
  const designs = await lib.svgThumbnailDesigner.design({ topic, script: { ...script, title }, styles: STYLES, niche: null });
  for (const d of designs) {
    const draw = async (treatment) => ({
      full: lib.renderThumbnailSvg(d.style, d.headline, topic, { treatment }),
      mask: lib.renderThumbnailSvg(d.style, d.headline, topic, { treatment, layer: "mask" }),
    });
    const { legibility } = await lib.legibleTreatment(draw);
    figures.push({ topic, title, style: d.style, headline: d.headline, ...legibility });
  }
}
const passing = figures.filter((f) => f.passes).length;
const withMoney = figures.filter((f) => f.headline.includes("$"));
const withNumber = figures.filter((f) => /\d/.test(f.headline));
const quant = (key) => {
  const xs = figures.map((f) => f[key]);
  return `min ${Math.min(...xs).toFixed(3)}, median ${pct(xs, 0.5).toFixed(3)}`;
};
console.log(
  `legibility at ${rules.previewWidth} px, embedded designer, ${SUBJECTS.length} topics × 3 styles: ${passing}/${figures.length} pass (cap ≥ ${rules.minCapShare}, contrast ≥ ${rules.minContrast}, timestamp corner clear)`,
);
console.log(`  cap height share ${quant("cap_height_share")}; contrast ${quant("contrast_ratio")}`);
console.log(
  `  headlines with $: ${withMoney.length} (e.g. "${withMoney[0]?.headline}"), with a number: ${withNumber.length}; fixes used: ${figures.filter((f) => f.fixes.length).length}`,
);
for (const f of figures.filter((f) => !f.passes))
  console.log(
    `  FAIL ${f.topic} · ${f.style} "${f.headline}": cap ${f.cap_height_share}, contrast ${f.contrast_ratio}, corner clear ${f.timestamp_clear}`,
  );
if (passing < figures.length) process.exitCode = 1;
