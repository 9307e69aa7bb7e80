// `npm run bench:web`: builds the web app and prints gzipped sizes against the budgets.
import { buildWeb } from "../web/build.mjs";

const FIRST_BUDGET = 25 * 1024;
const TOTAL_BUDGET = 60 * 1024;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

const { files } = await buildWeb();
const code = files.filter((f) => /\.(js|css)$/.test(f.file));
const first = code.filter((f) => f.first).reduce((s, f) => s + f.gzip, 0);
const total = code.reduce((s, f) => s + f.gzip, 0);

for (const f of code.sort((a, b) => b.gzip - a.gzip))
  console.log(`${f.first ? "first" : "lazy "}  ${kb(f.gzip).padStart(8)} gz  ${kb(f.bytes).padStart(8)} raw  ${f.file}`);
console.log(`First page (JS+CSS, gzip): ${kb(first)}  (budget ${kb(FIRST_BUDGET)}) ${first <= FIRST_BUDGET ? "OK" : "OVER"}`);
console.log(`Everything (JS+CSS, gzip): ${kb(total)}  (budget ${kb(TOTAL_BUDGET)}) ${total <= TOTAL_BUDGET ? "OK" : "OVER"}`);
if (first > FIRST_BUDGET || total > TOTAL_BUDGET) process.exitCode = 1;
