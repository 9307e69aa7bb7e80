// Builds the static site into web/dist: hashed, minified, code-split ES modules plus index.html.
// API_BASE_URL (build-time env) points a standalone deployment (Cloudflare Pages) at the API;
// empty means same origin, which is how `npm start` serves it.
import { build, transform } from "esbuild";
import { minify } from "terser";
import { readFile, rm, writeFile, mkdir } from "node:fs/promises";
import { gzipSync } from "node:zlib";
import { dirname, join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const webDir = dirname(fileURLToPath(import.meta.url));
const outdir = join(webDir, "dist");

/** Files the first page loads: the entry, its static-import closure, and its CSS. */
function firstPageFiles(meta, entryOut) {
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    const out = meta.outputs[file];
    if (out.cssBundle) seen.add(out.cssBundle);
    for (const imp of out.imports) if (imp.kind === "import-statement" && !imp.external) visit(imp.path);
  };
  visit(entryOut);
  return [...seen];
}

/**
 * Long caching for hashed assets, and a strict CSP for every page: scripts only from this
 * origin, network only to this origin or the configured API (https and its wss twin).
 */
function headersFile(apiBase) {
  const api = apiBase ? new URL(apiBase).origin : "";
  const ws = api.replace(/^http/, "ws");
  const csp = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    // i.ytimg.com: the creator's own videos in the YouTube picker and the rotation monitor, and the
    // trend step's videos beside the variants in "How it looks on YouTube".
    `img-src 'self' data: https://image.pollinations.ai https://i.ytimg.com ${api}`.trim(),
    `connect-src 'self' ${api} ${ws}`.trim(),
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "form-action 'self'",
  ].join("; ");
  return [
    "/*",
    `  Content-Security-Policy: ${csp}`,
    "  X-Content-Type-Options: nosniff",
    "  Referrer-Policy: no-referrer",
    "/assets/*",
    "  Cache-Control: public, max-age=31536000, immutable",
    "",
  ].join("\n");
}

/**
 * `*.inject.css` imports as minified text: a lazily loaded chunk puts its own styles in the page
 * when it loads, so they weigh nothing on the first page (esbuild would not link a lazy chunk's CSS).
 */
const injectCss = {
  name: "inject-css",
  setup(b) {
    b.onLoad({ filter: /\.inject\.css$/ }, async (args) => {
      const { code } = await transform(await readFile(args.path, "utf8"), { loader: "css", minify: true });
      return { contents: code, loader: "text" };
    });
  },
};

/**
 * uPlot without the statics this app never calls. uPlot's ESM build attaches its whole toolkit to
 * the class (path builders for steps, bars and splines, data joining, cursor sync, date
 * formatting, log and asinh ranges…), which keeps it all alive past tree shaking; the charts use
 * only `new uPlot(opts, data, el)` with the default line and point paths (what uPlot needs inside
 * the constructor stays, since the constructor references it). Saves about 2.8 KB gzipped. The
 * build fails if uPlot's text changes, and if a web source starts using one of these statics.
 */
const UPLOT_UNUSED_STATICS = [
  "join",
  "fmtDate",
  "tzDate",
  "sync",
  "addGap",
  "clipGaps",
  "rangeLog",
  "rangeAsinh",
  "assign",
  "fmtNum",
  "rangeNum",
  "orient",
  "pxRatio",
];
const UPLOT_UNUSED_PATHS = ["stepped", "bars", "spline"];
const uplotTrim = {
  name: "uplot-trim",
  setup(b) {
    b.onLoad({ filter: /[\\/]uplot[\\/]dist[\\/]uPlot\.esm\.js$/ }, async (args) => {
      let code = await readFile(args.path, "utf8");
      const statics = new RegExp(`^\\s*uPlot\\.(${UPLOT_UNUSED_STATICS.join("|")})\\s*=\\s*\\w+;$`, "gm");
      const paths = new RegExp(`^\\s*\\(paths\\.(${UPLOT_UNUSED_PATHS.join("|")})\\s*=\\s*\\w+\\);$`, "gm");
      const removed = [...code.matchAll(statics), ...code.matchAll(paths)].length;
      if (removed !== UPLOT_UNUSED_STATICS.length + UPLOT_UNUSED_PATHS.length)
        throw new Error(`uplot-trim: found ${removed} of uPlot's unused statics; uPlot changed, check web/build.mjs`);
      code = code.replace(statics, "").replace(paths, "");
      return { contents: code, loader: "js" };
    });
    const used = new RegExp(`uPlot\\.(${UPLOT_UNUSED_STATICS.join("|")})\\b|\\.paths\\.(${UPLOT_UNUSED_PATHS.join("|")})\\b`);
    b.onLoad({ filter: /[\\/]web[\\/]src[\\/].*\.tsx?$/ }, async (args) => {
      const contents = await readFile(args.path, "utf8");
      if (used.test(contents)) throw new Error(`${args.path} uses a uPlot static the build removes (see uplotTrim in web/build.mjs)`);
      return { contents, loader: args.path.endsWith("x") ? "tsx" : "ts" };
    });
  },
};

export async function buildWeb({ apiBase = process.env.API_BASE_URL ?? "" } = {}) {
  await rm(outdir, { recursive: true, force: true });
  const result = await build({
    absWorkingDir: webDir,
    entryPoints: ["src/main.tsx"],
    bundle: true,
    splitting: true,
    format: "esm",
    target: "es2022",
    minify: true,
    metafile: true,
    outdir: "dist/assets",
    entryNames: "[name]-[hash]",
    chunkNames: "[name]-[hash]",
    assetNames: "[name]-[hash]",
    jsx: "automatic",
    jsxImportSource: "preact",
    define: { __API_BASE__: JSON.stringify(apiBase) },
    logLevel: "warning",
    plugins: [injectCss, uplotTrim],
  });
  const meta = result.metafile;
  // A second minifier pass: terser's compressor folds what esbuild's single pass leaves (about
  // 1.8 KB gzipped over the app, most of it in uPlot). File names keep esbuild's content hash: the
  // same input always gives the same output, so long caching stays right.
  for (const f of Object.keys(meta.outputs).filter((f) => f.endsWith(".js"))) {
    const out = await minify(await readFile(join(webDir, f), "utf8"), { module: true, compress: { passes: 2 }, mangle: true });
    await writeFile(join(webDir, f), out.code);
  }
  const entryOut = Object.keys(meta.outputs).find((f) => meta.outputs[f].entryPoint === "src/main.tsx");
  const first = firstPageFiles(meta, entryOut);
  const url = (f) => "/" + relative("dist", f).replaceAll("\\", "/");

  const tags = [
    ...first.filter((f) => f.endsWith(".css")).map((f) => `<link rel="stylesheet" href="${url(f)}" />`),
    ...first.filter((f) => f.endsWith(".js") && f !== entryOut).map((f) => `<link rel="modulepreload" href="${url(f)}" />`),
    `<script type="module" src="${url(entryOut)}"></script>`,
  ];
  const html = (await readFile(join(webDir, "index.html"), "utf8")).replace("<!-- build:assets -->", tags.join("\n    "));
  await mkdir(outdir, { recursive: true });
  await writeFile(join(outdir, "index.html"), html);
  // Hashed names never change content, so browsers may keep them forever (Pages and Workers
  // static assets both read _headers).
  await writeFile(join(outdir, "_headers"), headersFile(apiBase));

  const files = [];
  for (const f of Object.keys(meta.outputs)) {
    const body = await readFile(join(webDir, f));
    files.push({ file: url(f), bytes: body.length, gzip: gzipSync(body, { level: 9 }).length, first: first.includes(f) });
  }
  return { files, apiBase };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { files, apiBase } = await buildWeb();
  for (const f of files) console.log(`${f.first ? "*" : " "} ${f.file}  ${(f.gzip / 1024).toFixed(1)} KB gz`);
  console.log(`web/dist built (API base: ${apiBase || "same origin"}; * = loaded by the first page)`);
}
