// The interactive API reference: one self-contained page (no CDN; deployments may have no
// internet and the CSP forbids it anyway) that reads ./openapi.json, lists every operation with
// its schemas, and sends requests with the token you paste. DOM is built with textContent only.

export const DOCS_SCRIPT = String.raw`
const $ = (tag, props = {}, ...kids) => { const el = Object.assign(document.createElement(tag), props); el.append(...kids.filter((k) => k != null)); return el; };
const tokenInput = document.getElementById("token");
tokenInput.value = sessionStorage.getItem("api-token") || "";
tokenInput.addEventListener("change", () => sessionStorage.setItem("api-token", tokenInput.value.trim()));
let doc;
const resolve = (s) => (s && s.$ref ? doc.components.schemas[s.$ref.split("/").pop()] : s);
function example(s, depth = 0) {
  s = resolve(s) || {};
  if (depth > 6) return null;
  if (s.default !== undefined) return s.default;
  if (s.const !== undefined) return s.const;
  if (s.enum) return s.enum[0];
  const alt = s.oneOf || s.anyOf;
  if (alt) return example(alt[0], depth + 1);
  if (s.type === "object" || s.properties) {
    const out = {};
    for (const [k, v] of Object.entries(s.properties || {})) if ((s.required || []).includes(k) || depth === 0) out[k] = example(v, depth + 1);
    return out;
  }
  if (s.type === "array") return [example(s.items, depth + 1)];
  if (s.type === "integer" || s.type === "number") return s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : 0);
  if (s.type === "boolean") return false;
  if (s.format === "email") return "you@example.com";
  return "string";
}
function schemaBlock(title, s) {
  const name = s && s.$ref ? s.$ref.split("/").pop() : "";
  return $("details", {}, $("summary", { textContent: title + (name ? " — " + name : "") }), $("pre", { textContent: JSON.stringify(resolve(s), null, 2) }));
}
function operation(path, method, op) {
  const inputs = {};
  const params = (op.parameters || []).map((p) => {
    inputs[p.name] = $("input", { placeholder: p.in + (p.required ? ", required" : ""), name: p.name });
    return $("label", {}, $("span", { textContent: p.name }), inputs[p.name]);
  });
  const json = op.requestBody && op.requestBody.content["application/json"];
  const body = json ? $("textarea", { rows: 8, ariaLabel: "Request body (JSON)", value: JSON.stringify(example(json.schema), null, 2) }) : null;
  const out = $("pre", { className: "out" });
  const send = $("button", { textContent: "Send", type: "button" });
  send.addEventListener("click", async () => {
    let url = path.replace(/\{(\w+)\}/g, (_, n) => encodeURIComponent(inputs[n].value));
    const query = new URLSearchParams();
    for (const p of op.parameters || []) if (p.in === "query" && inputs[p.name].value) query.set(p.name, inputs[p.name].value);
    if ([...query].length) url += "?" + query;
    const headers = {};
    if (tokenInput.value.trim()) headers.authorization = "Bearer " + tokenInput.value.trim();
    if (body) headers["content-type"] = "application/json";
    out.textContent = "…";
    try {
      const res = await fetch(url, { method: method.toUpperCase(), headers, body: body ? body.value : undefined });
      const text = await res.text();
      let shown = text;
      try { shown = JSON.stringify(JSON.parse(text), null, 2); } catch {}
      out.textContent = res.status + " " + res.statusText + "\n\n" + shown;
    } catch (err) { out.textContent = String(err); }
  });
  const responses = Object.entries(op.responses).map(([status, r]) => {
    const s = r.content && (r.content["application/json"] || r.content["application/problem+json"]);
    return s && s.schema ? schemaBlock(status + " " + r.description, s.schema) : $("div", { className: "muted", textContent: status + " " + r.description });
  });
  return $("details", { className: "op" },
    $("summary", {}, $("b", { className: "m " + method, textContent: method.toUpperCase() }), $("code", { textContent: path }), $("span", { className: "muted", textContent: " " + (op.summary || "") }), op.security && op.security.length ? $("span", { className: "lock", textContent: "auth" }) : null),
    $("div", { className: "body" }, ...params, json ? schemaBlock("Request body", json.schema) : null, body, send, ...responses, out));
}
fetch("./openapi.json").then((r) => r.json()).then((d) => {
  doc = d;
  document.getElementById("title").textContent = d.info.title + " " + d.info.version;
  document.getElementById("intro").textContent = d.info.description;
  const main = document.getElementById("ops");
  for (const tag of d.tags.map((t) => t.name)) {
    main.append($("h2", { textContent: tag }));
    for (const [path, ops] of Object.entries(d.paths)) for (const [method, op] of Object.entries(ops)) if (op.tags.includes(tag)) main.append(operation(path, method, op));
  }
  main.append($("h2", { textContent: "Webhook events" }));
  for (const [name, hook] of Object.entries(d.webhooks || {})) {
    main.append($("details", { className: "op" }, $("summary", {}, $("b", { className: "m post", textContent: "EVENT" }), $("code", { textContent: name }), $("span", { className: "muted", textContent: " " + hook.post.summary })),
      $("div", { className: "body" }, $("p", { textContent: hook.post.description }), schemaBlock("Payload", hook.post.requestBody.content["application/json"].schema.properties.data))));
  }
});
`;

export const DOCS_HTML = (scriptHash: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src '${scriptHash}'; style-src 'unsafe-inline'; connect-src 'self'">
<title>API reference</title>
<style>
/* Colours as variables, so the dark theme (prefers-color-scheme) is one block; every pair keeps
   at least 4.5:1 in both themes. Long paths wrap, so a phone needs no sideways scrolling. */
:root{color-scheme:light dark;--fg:#1d2433;--bg:#fff;--muted:#586070;--line:#d5d9e2;--soft:#f3f4f7;--get:#0a7045;--post:#0a58b8;--delete:#b3261e;--link:#0b5cad}
@media (prefers-color-scheme:dark){:root{--fg:#e6edf3;--bg:#0f1317;--muted:#a3adb8;--line:#3d444d;--soft:#1c2128;--get:#56d364;--post:#79c0ff;--delete:#ff7b72;--link:#6cb6ff}}
body{font:15px/1.5 system-ui,sans-serif;margin:0 auto;max-width:980px;padding:1rem 1.5rem;color:var(--fg);background:var(--bg)}
a{color:var(--link)}
header{display:flex;gap:1rem;align-items:center;flex-wrap:wrap}h1{font-size:1.4rem;margin:.5rem 0}
#token{flex:1 1 260px;min-width:0;padding:.4rem;font:13px monospace}h2{margin-top:2rem;border-bottom:1px solid var(--line)}
.op{border:1px solid var(--line);border-radius:6px;margin:.4rem 0}.op>summary{cursor:pointer;padding:.45rem .6rem}
summary{min-height:24px}
.body{padding:.4rem .8rem .8rem;border-top:1px solid var(--line)}.m{display:inline-block;width:4.2rem;font-size:12px;font-weight:700}
.get{color:var(--get)}.post{color:var(--post)}.delete{color:var(--delete)}.muted{color:var(--muted)}code{font-size:13px;overflow-wrap:anywhere}
label{display:flex;gap:.5rem;margin:.3rem 0}label span{width:9rem;font:13px monospace}input{flex:1;min-width:0;padding:.25rem}
input,textarea,button{color:inherit;background:var(--bg);border:1px solid var(--muted);border-radius:4px}
textarea{width:100%;font:13px monospace;box-sizing:border-box}pre{background:var(--soft);padding:.5rem;overflow:auto;font-size:12px}
button{margin:.4rem 0;padding:.3rem 1.2rem;min-height:32px;cursor:pointer}.lock{margin-left:.5rem;font-size:11px;border:1px solid var(--muted);border-radius:3px;padding:0 .3rem;color:var(--muted)}.out:empty{display:none}
</style></head><body>
<header><h1 id="title">API reference</h1><input id="token" placeholder="Bearer token or API key (kept in this tab only)" autocomplete="off"></header>
<p id="intro" class="muted"></p><p class="muted">Machine-readable: <a href="./openapi.json">openapi.json</a></p>
<main id="ops"></main>
<script>${DOCS_SCRIPT}</script>
</body></html>`;

/** The CSP source for the inline script, so the page needs neither 'unsafe-inline' nor a CDN. */
export async function docsScriptHash(): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(DOCS_SCRIPT));
  let binary = "";
  for (const b of new Uint8Array(digest)) binary += String.fromCharCode(b);
  return `sha256-${btoa(binary)}`;
}
