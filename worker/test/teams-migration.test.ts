// Migration 0007 (issue 21) on a database made with the previous schema: every table of
// 0000–0006 gets rows, 0007 runs, and each row is checked afterwards, in its new place.
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { workflowAccess } from "../teams/access";
import { A, B, WF, WF_B, fillSchema6 } from "./teams-migration-fixture";

const db = env.DB;
const run = (sql: string, ...params: unknown[]) =>
  db
    .prepare(sql)
    .bind(...params)
    .run();
const all = async (sql: string, ...params: unknown[]) =>
  (
    await db
      .prepare(sql)
      .bind(...params)
      .all<Record<string, unknown>>()
  ).results;

/** Empties this file's database (the setup applied every migration), children before parents. */
async function dropEverything(): Promise<void> {
  for (let round = 0; round < 10; round++) {
    const tables = (
      await all("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%'")
    ).map((t) => t.name as string);
    if (tables.length === 0) return;
    for (const name of tables) await run(`DROP TABLE "${name}"`).catch(() => undefined);
  }
  throw new Error("tables left after dropping");
}

async function apply(names: (n: string) => boolean): Promise<void> {
  for (const m of env.TEST_MIGRATIONS.filter((m) => names(m.name))) {
    for (const q of m.queries) await run(q);
  }
}

describe("migration 0007_teams", () => {
  beforeAll(async () => {
    await dropEverything();
    await apply((n) => n < "0007");
    await fillSchema6();
    await apply((n) => n.startsWith("0007"));
  });

  it("gives every account its personal team, owned by it, with the account's id", async () => {
    expect(await all("SELECT id, name, personal_of FROM teams ORDER BY id")).toEqual([
      { id: A, name: "Personal", personal_of: A },
      { id: B, name: "Personal", personal_of: B },
    ]);
    expect(await all("SELECT team_id, user_id, role, joined_at FROM team_members ORDER BY team_id")).toEqual([
      { team_id: A, user_id: A, role: "owner", joined_at: 1_790_000_000_000 },
      { team_id: B, user_id: B, role: "owner", joined_at: 1_790_000_000_001 },
    ]);
    expect(await all("SELECT count(*) AS n FROM team_invitations")).toEqual([{ n: 0 }]);
  });

  it("moves each row into its account's personal team, every other column unchanged", async () => {
    const t = 1_790_000_000_000;
    expect(await all("SELECT * FROM users ORDER BY id")).toEqual([
      { id: A, email: "a@example.com", password_hash: "hash-a", created_at: t },
      { id: B, email: "b@example.com", password_hash: "hash-b", created_at: t + 1 },
    ]);
    expect(await all("SELECT * FROM workflows ORDER BY id")).toEqual([
      {
        id: WF,
        team_id: A,
        created_by: A,
        topic: "espresso",
        status: "ab_testing",
        requires_action: null,
        created_at: t,
        updated_at: t + 5,
      },
      {
        id: WF_B,
        team_id: B,
        created_by: B,
        topic: "tea",
        status: "awaiting_script_approval",
        requires_action: "approve_script",
        created_at: t + 2,
        updated_at: t + 3,
      },
    ]);
    expect(await all("SELECT * FROM sessions")).toEqual([
      { id: "ses_a", user_id: A, created_at: t, expires_at: t + 7 * 86_400_000, user_agent: "Firefox" },
    ]);
    expect(await all("SELECT * FROM login_throttle")).toEqual([
      { key: "pair:a@example.com|1.2.3.4", email: "a@example.com", failures: 2, locked_until: 0, last_failure_at: t },
    ]);
    expect(await all("SELECT * FROM api_keys")).toEqual([
      {
        id: "key_a",
        team_id: A,
        created_by: A,
        name: "ci",
        prefix: "cat_abcd",
        key_hash: "hash-key-a",
        created_at: t,
        last_used_at: t + 9,
        revoked_at: null,
        scopes: "workflows:read metrics:write",
      },
    ]);
    expect(await all("SELECT * FROM token_usage")).toEqual([
      {
        id: "tu_a",
        team_id: A,
        workflow_id: WF,
        model: "gpt",
        prompt_tokens: 120,
        completion_tokens: 80,
        estimated_cost_usd: 0.002,
        created_at: t,
      },
    ]);
    expect(await all("SELECT * FROM trend_cache")).toEqual([{ cache_key: "coffee", value: "{}", expires_at: t + 1000, created_at: t }]);
    expect(await all("SELECT * FROM webhook_endpoints")).toEqual([
      {
        id: "whe_a",
        team_id: A,
        created_by: A,
        url: "https://hooks.example.com/a",
        events: "[]",
        secret: "whsec_x",
        created_at: t,
        disabled_at: null,
        disabled_reason: null,
      },
    ]);
    expect(await all("SELECT * FROM webhook_deliveries")).toEqual([
      {
        message_id: "msg_1",
        attempt: 1,
        endpoint_id: "whe_a",
        event: "workflow.status_changed",
        attempted_at: t,
        status_code: 200,
        error: null,
        duration_ms: 12,
        outcome: "delivered",
        next_retry_at: null,
      },
    ]);
    expect(await all("SELECT * FROM budget_reservations")).toEqual([
      { id: "res_a", team_id: A, kind: "test", tokens: 0, cost_usd: 0, expires_at: t + 60_000, workflow_id: WF },
    ]);
    expect(await all("SELECT * FROM usage_counters ORDER BY subject")).toEqual([
      { subject: A, name: "workflows", window_start: t, count: 3 },
      { subject: "ip:1.2.3.4", name: "registrations", window_start: t, count: 1 },
    ]);
    expect(await all("SELECT * FROM youtube_connections")).toEqual([
      {
        team_id: A,
        connected_by: A,
        channel_id: "UC_a",
        channel_title: "A cooks",
        uploads_playlist_id: "UU_a",
        status: "connected",
        scopes: "s1 s2",
        access_token_sealed: "v1.iv.ct",
        access_expires_at: t + 3600_000,
        refresh_token_sealed: "v1.iv2.ct2",
        refresh_expires_at: null,
        reach_job_id: "job_1",
        last_error: null,
        connected_at: t,
        updated_at: t,
      },
    ]);
    expect(await all("SELECT * FROM youtube_oauth_states")).toEqual([
      {
        state_hash: "st_b",
        user_id: B,
        code_verifier: "verifier",
        browser_hash: "bh",
        redirect_uri: "http://localhost/cb",
        return_to: "/settings",
        created_at: t,
        expires_at: t + 600_000,
        team_id: B,
      },
    ]);
    expect(await all("SELECT * FROM youtube_quota_ledger")).toEqual([
      { id: "q_1", day: "2026-12-01", team_id: A, method: "thumbnails.set", units: 50, at: t },
    ]);
    expect(await all("SELECT * FROM youtube_rotations")).toEqual([
      {
        workflow_id: WF,
        team_id: A,
        video_id: "UC_a/vid00000001",
        state: "active",
        updated_at: t,
        first_day: "2026-12-01",
        last_day: "2026-12-18",
        units_per_day: 150,
      },
    ]);
  });

  it("leaves a consistent database the app reads as before", async () => {
    expect(await all("PRAGMA foreign_key_check")).toEqual([]);
    expect(await workflowAccess({ DB: db, SESSION_CACHE_SECONDS: "0" }, A, WF)).toEqual({ teamId: A, role: "owner" });
    expect(await workflowAccess({ DB: db, SESSION_CACHE_SECONDS: "0" }, B, WF)).toBeNull();
    // The one-live-test-per-video rule survived the rebuild.
    await expect(
      run(
        "INSERT INTO youtube_rotations (workflow_id, team_id, video_id, state, updated_at) VALUES ('other', ?, 'UC_a/vid00000001', 'active', 0)",
        B,
      ),
    ).rejects.toThrow(/UNIQUE/);
    // A member's account going no longer takes a team's rows with it: B joins A's team, starts work there, and goes.
    await run("INSERT INTO team_members (team_id, user_id, role, joined_at) VALUES (?, ?, 'editor', 0)", A, B);
    await run(
      "INSERT INTO workflows (id, team_id, created_by, topic, status, created_at, updated_at) VALUES ('wf_by_b', ?, ?, 'x', 'failed', 0, 0)",
      A,
      B,
    );
    await run("DELETE FROM users WHERE id = ?", B);
    expect(await all("SELECT id, team_id, created_by FROM workflows WHERE team_id = ? ORDER BY id", A)).toEqual([
      { id: WF, team_id: A, created_by: A },
      { id: "wf_by_b", team_id: A, created_by: null },
    ]);
    // B's personal team and its rows went with B, as before the migration.
    expect(await all("SELECT id FROM teams WHERE id = ?", B)).toEqual([]);
    expect(await all("SELECT id FROM workflows WHERE id = ?", WF_B)).toEqual([]);
  });
});
