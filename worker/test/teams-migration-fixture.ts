// Rows in every table of schema 0006, for the migration test (teams-migration.test.ts).
import { env } from "cloudflare:workers";

const run = (sql: string, ...params: unknown[]) =>
  env.DB.prepare(sql)
    .bind(...params)
    .run();

export const A = "11111111-1111-4111-8111-111111111111";
export const B = "22222222-2222-4222-8222-222222222222";
export const WF = "33333333-3333-4333-8333-333333333333";
export const WF_B = "44444444-4444-4444-8444-444444444444";

/** One or more rows in every table of schema 0006. */
export async function fillSchema6(): Promise<void> {
  const t = 1_790_000_000_000;
  await run(
    "INSERT INTO users (id, email, password_hash, created_at) VALUES (?, 'a@example.com', 'hash-a', ?), (?, 'b@example.com', 'hash-b', ?)",
    A,
    t,
    B,
    t + 1,
  );
  await run(
    "INSERT INTO workflows (id, user_id, topic, status, requires_action, created_at, updated_at) VALUES (?, ?, 'espresso', 'ab_testing', NULL, ?, ?), (?, ?, 'tea', 'awaiting_script_approval', 'approve_script', ?, ?)",
    WF,
    A,
    t,
    t + 5,
    WF_B,
    B,
    t + 2,
    t + 3,
  );
  await run(
    "INSERT INTO sessions (id, user_id, created_at, expires_at, user_agent) VALUES ('ses_a', ?, ?, ?, 'Firefox')",
    A,
    t,
    t + 7 * 86_400_000,
  );
  await run(
    "INSERT INTO login_throttle (key, email, failures, locked_until, last_failure_at) VALUES ('pair:a@example.com|1.2.3.4', 'a@example.com', 2, 0, ?)",
    t,
  );
  await run(
    "INSERT INTO api_keys (id, user_id, name, prefix, key_hash, created_at, last_used_at, revoked_at, scopes) VALUES ('key_a', ?, 'ci', 'cat_abcd', 'hash-key-a', ?, ?, NULL, 'workflows:read metrics:write')",
    A,
    t,
    t + 9,
  );
  await run(
    "INSERT INTO token_usage (id, user_id, workflow_id, model, prompt_tokens, completion_tokens, estimated_cost_usd, created_at) VALUES ('tu_a', ?, ?, 'gpt', 120, 80, 0.002, ?)",
    A,
    WF,
    t,
  );
  await run("INSERT INTO trend_cache (cache_key, value, expires_at, created_at) VALUES ('coffee', '{}', ?, ?)", t + 1000, t);
  await run(
    "INSERT INTO webhook_endpoints (id, user_id, url, events, secret, created_at, disabled_at, disabled_reason) VALUES ('whe_a', ?, 'https://hooks.example.com/a', '[]', 'whsec_x', ?, NULL, NULL)",
    A,
    t,
  );
  await run(
    "INSERT INTO webhook_deliveries (message_id, attempt, endpoint_id, event, attempted_at, status_code, error, duration_ms, outcome, next_retry_at) VALUES ('msg_1', 1, 'whe_a', 'workflow.status_changed', ?, 200, NULL, 12, 'delivered', NULL)",
    t,
  );
  await run(
    "INSERT INTO budget_reservations (id, user_id, kind, tokens, cost_usd, expires_at, workflow_id) VALUES ('res_a', ?, 'test', 0, 0, ?, ?)",
    A,
    t + 60_000,
    WF,
  );
  await run(
    "INSERT INTO usage_counters (subject, name, window_start, count) VALUES (?, 'workflows', ?, 3), ('ip:1.2.3.4', 'registrations', ?, 1)",
    A,
    t,
    t,
  );
  await run(
    `INSERT INTO youtube_connections (user_id, channel_id, channel_title, uploads_playlist_id, status, scopes, access_token_sealed, access_expires_at,
       refresh_token_sealed, refresh_expires_at, reach_job_id, last_error, connected_at, updated_at)
     VALUES (?, 'UC_a', 'A cooks', 'UU_a', 'connected', 's1 s2', 'v1.iv.ct', ?, 'v1.iv2.ct2', NULL, 'job_1', NULL, ?, ?)`,
    A,
    t + 3600_000,
    t,
    t,
  );
  await run(
    "INSERT INTO youtube_oauth_states (state_hash, user_id, code_verifier, browser_hash, redirect_uri, return_to, created_at, expires_at) VALUES ('st_b', ?, 'verifier', 'bh', 'http://localhost/cb', '/settings', ?, ?)",
    B,
    t,
    t + 600_000,
  );
  await run(
    "INSERT INTO youtube_quota_ledger (id, day, user_id, method, units, at) VALUES ('q_1', '2026-12-01', ?, 'thumbnails.set', 50, ?)",
    A,
    t,
  );
  await run(
    "INSERT INTO youtube_rotations (workflow_id, user_id, video_id, state, updated_at, first_day, last_day, units_per_day) VALUES (?, ?, 'UC_a/vid00000001', 'active', ?, '2026-12-01', '2026-12-18', 150)",
    WF,
    A,
    t,
  );
}
