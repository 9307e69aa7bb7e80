// Thumbnail rendering in Node with the Worker's own code: SVG design → PNG through resvg-wasm and
// the bundled fonts. Prints the time per thumbnail; with --out DIR also writes the PNGs (1280 px
// and YouTube's 168 px preview) for a look. Run: npm run bench:render [-- --out /tmp/thumbs]
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
