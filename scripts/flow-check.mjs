#!/usr/bin/env node
// Black-box check of the whole pipeline against a running app (default http://localhost:8787):
// start, reject, approve, select, watch impressions grow, declare a winner, results, and
// confirm polling stopped. Prints each step with its figures; exits non-zero on any failure.
// Usage: node scripts/flow-check.mjs [baseUrl] [--wait]   (run the app with --var AB_POLL_INTERVAL_SECONDS:1)
// --wait gives the app up to 2 minutes to come up first.
const args = process.argv.slice(2);
const base = (args.find((a) => !a.startsWith("--")) ?? "http://localhost:8787").replace(/\/$/, "") + "/api/v1";
let passed = 0;
let failed = 0;

function check(label, ok, detail = "") {
  if (ok) passed++;
  else failed++;
  console.log(`${ok ? "ok  " : "FAIL"} ${label}${detail ? ` — ${detail}` : ""}`);
  if (!ok) throw new Error(label);
}

async function api(method, path, { token, body } = {}) {
  const res = await fetch(base + path, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { "content-type": "application/json" } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  let json = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = text;
  }
  return { status: res.status, body: json };
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const total = (s) => s.variants.reduce((a, v) => a + v.impressions, 0);

if (args.includes("--wait")) {
  for (let i = 0; i < 240; i++) {
    const up = await fetch(`${base}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) break;
    await sleep(500);
  }
}

try {
  const email = `flow-${Date.now()}@example.com`;
  const password = "flow-check-password-1";
  check("register", (await api("POST", "/auth/register", { body: { email, password } })).status === 201);
  const login = await api("POST", "/auth/login", { body: { username: email, password } });
  check("login", login.status === 200, `token expires ${login.body.expires_at}`);
  const token = login.body.access_token;

  const t0 = Date.now();
  const start = await api("POST", "/workflows/start", { token, body: { topic: "home espresso on a budget", audience: "students" } });
  check(
    "start → awaiting_approval",
    start.status === 201 && start.body.status === "awaiting_approval",
    `${start.body.scripts.length} scripts in ${Date.now() - t0} ms`,
  );
  const id = start.body.id;
  console.log(`     first titles: ${start.body.scripts.map((s) => JSON.stringify(s.title)).join(", ")}`);

  const reject = await api("POST", `/workflows/${id}/approve`, { token, body: { action: "reject", feedback: "shorter, with more data" } });
  check(
    "reject with feedback → new scripts",
    reject.status === 200 && reject.body.script_revisions.length === 2,
    `revision 2 titles: ${reject.body.scripts.map((s) => JSON.stringify(s.title)).join(", ")}`,
  );

  const approve = await api("POST", `/workflows/${id}/approve`, {
    token,
    body: { action: "approve", script_id: reject.body.scripts[0].id },
  });
  check(
    "approve → 3 thumbnails",
    approve.status === 200 && approve.body.thumbnails.length === 3,
    approve.body.thumbnails.map((t) => t.style).join(", "),
  );
  const img = await fetch(base.replace("/api/v1", "") + approve.body.thumbnails[0].url);
  check("thumbnail loads without a token", img.status === 200 && (img.headers.get("content-type") ?? "").includes("svg"));

  const select = await api("POST", `/workflows/${id}/select-thumbnail`, { token, body: { thumbnail_id: approve.body.thumbnails[0].id } });
  check("select → ab_testing", select.status === 200 && select.body.status === "ab_testing");

  let s = (await api("GET", `/workflows/${id}/ab-status`, { token })).body;
  const seen = [total(s)];
  for (let i = 0; i < 4; i++) {
    await sleep(1300);
    s = (await api("GET", `/workflows/${id}/ab-status`, { token })).body;
    seen.push(total(s));
  }
  check(
    "impressions grow with 1 s polling",
    seen.every((v, i) => i === 0 || v >= seen[i - 1]) && seen.at(-1) > seen[0],
    `totals ${seen.join(" → ")}, ${s.polls} polls, confidence ${s.current_confidence.toFixed(3)}`,
  );

  const winner = s.is_running ? (s.leader_id ?? approve.body.thumbnails[0].id) : s.winner_id;
  if (s.is_running) {
    const declared = await api("POST", `/workflows/${id}/declare-winner`, { token, body: { thumbnail_id: winner } });
    check("declare-winner → completed", declared.status === 200 && declared.body.status === "completed");
  }
  const results = await api("GET", `/workflows/${id}/results`, { token });
  check(
    "results",
    results.status === 200 && results.body.export_ready === true,
    `${results.body.ab_test_summary.total_impressions} impressions, decision ${results.body.ab_test_summary.decision}`,
  );

  const frozen = (await api("GET", `/workflows/${id}/ab-status`, { token })).body;
  await sleep(2500);
  const later = (await api("GET", `/workflows/${id}/ab-status`, { token })).body;
  check(
    "polling stopped after completion",
    later.polls === frozen.polls && total(later) === total(frozen),
    `${later.polls} polls before and after 2.5 s`,
  );
} catch (err) {
  if (!(err instanceof Error && err.message)) console.error(err);
  else if (failed === 0) {
    failed++;
    console.error(`FAIL ${err.message}`);
  }
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
