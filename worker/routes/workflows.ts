import { isUuid } from "../lib/ids";
import { and, desc, eq, lt, or } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import { Hono } from "hono";
import { z } from "zod";
import { workflows } from "../db/schema";
import { abConfigFrom, abSeed, withPlannedImpressions } from "../domain/config";
import { DEFAULT_CHART_POINTS, MAX_CHART_POINTS } from "../domain/history";
import { overBudget, refuse } from "../domain/refusal";
import { parseChapterList } from "../domain/chapters";
import { resultsMarkdown } from "../domain/results";
import type { CreatorCommand } from "../domain/workflow";
import type { AppEnv, Env } from "../env";
import { UnsafeSecretError } from "../auth/secret";
import { verifyToken } from "../auth/tokens";
import { LIVE_SUBPROTOCOL, VERIFIED_TEAM_HEADER, VERIFIED_USER_HEADER } from "../do/live-sockets";
import { actorOf } from "../http/actor";
import { noWorkflow } from "../http/require-team";
import { workflowAccess } from "../teams/access";
import { ApiError, unwrap } from "../http/problem";
import { accountOf, unsafeSecret } from "../http/require-auth";
import { parseBody, parseQuery, readBytes } from "../http/validate";
import { START, spendingFrom, take } from "../limits/holds";
import { IMAGE_CAPS, declaredImageType, reencodeThumbnail } from "../lib/upload-image";
import {
  ApproveRequest,
  DeclareWinnerRequest,
  EditScriptRequest,
  SetChaptersRequest,
  ListWorkflowsQuery,
  MetricsPushRequest,
  RegenerateThumbnailRequest,
  SelectThumbnailRequest,
  StartWorkflowRequest,
  type RequiredAction,
  type Results,
  type WorkflowList,
  type WorkflowStatus,
  type WorkflowStatusView,
} from "../shared/contract";

const EmptyBody = z.strictObject({});
/** The statuses whose dashboard row shows a thumbnail and the test's progress. */
const PREVIEWED = new Set(["awaiting_thumbnail_selection", "ab_testing", "completed"]);

export function workflowStub(env: Env, id: string) {
  // Unknown or malformed ids get the same 404 as someone else's workflow.
  if (!isUuid(id)) throw new ApiError(404, "No workflow with this id belongs to you.");
  return env.WORKFLOW.get(env.WORKFLOW.idFromName(id));
}

interface Cursor {
  c: number;
  i: string;
}

const encodeCursor = (c: Cursor) => btoa(JSON.stringify(c)).replace(/=+$/, "");
function decodeCursor(text: string): Cursor {
  try {
    const c = JSON.parse(atob(text)) as Cursor;
    if (typeof c.c === "number" && typeof c.i === "string") return c;
  } catch {
    // fall through
  }
  throw new ApiError(400, "The query string is invalid.", [{ path: "cursor", message: "is not a cursor this API returned" }]);
}

/** The package's image links made absolute from the serving origin, so an export works anywhere. */
function absolute(results: Results, requestUrl: string): Results {
  const origin = new URL(requestUrl).origin;
  const abs = (u: string) => (u.startsWith("/") ? `${origin}${u}` : u);
  const t = results.winning_content.thumbnail;
  return {
    ...results,
    winning_content: { ...results.winning_content, thumbnail: { ...t, url: abs(t.url), png_url: abs(t.png_url) } },
    studio: { ...results.studio, thumbnail_png_url: abs(results.studio.thumbnail_png_url) },
  };
}

/**
 * The live socket. It sits before requireAuth because browsers cannot set an Authorization header
 * on a WebSocket: the page offers the subprotocols ["creator-agent.v1", "bearer.<token>"], and
 * the token (session-checked) is verified here, before the workflow's object is woken at all.
 */
export const liveRoutes = new Hono<AppEnv>().get("/:id/live", async (c) => {
  if (c.req.header("upgrade")?.toLowerCase() !== "websocket") throw new ApiError(400, "This endpoint only accepts WebSocket upgrades.");
  const offered = (c.req.header("sec-websocket-protocol") ?? "").split(",").map((p) => p.trim());
  const token = offered.find((p) => p.startsWith("bearer."))?.slice("bearer.".length);
  const userId =
    offered.includes(LIVE_SUBPROTOCOL) && token
      ? await verifyToken(token, c.env).catch((err: unknown) => {
          throw err instanceof UnsafeSecretError ? unsafeSecret(err) : err;
        })
      : null;
  if (!userId) throw new ApiError(401, `Offer the subprotocols '${LIVE_SUBPROTOCOL}' and 'bearer.<access token>'.`);
  const stub = workflowStub(c.env, c.req.param("id"));
  // Any member may watch; a non-member gets the same 404 as for a workflow that does not exist.
  const access = await workflowAccess(c.env, userId, c.req.param("id"));
  if (!access) throw noWorkflow();
  const forwarded = new Request(c.req.raw);
  forwarded.headers.set(VERIFIED_USER_HEADER, userId);
  forwarded.headers.set(VERIFIED_TEAM_HEADER, access.teamId);
  const res = await stub.fetch(forwarded);
  if (res.status === 404) throw new ApiError(404, "No workflow with this id belongs to you.");
  return res;
});

export const workflowRoutes = new Hono<AppEnv>()
  .post("/start", async (c) => {
    const input = await parseBody(c, StartWorkflowRequest);
    const id = crypto.randomUUID();
    const location = `/api/v1/workflows/${id}/status`;
    // The budgets are taken once the body is valid (worker/limits/holds.ts); a new id cannot be a duplicate.
    const taken = await take(c.env.DB, c.get("teamId"), spendingFrom(c.env), START, Date.now());
    if (!taken.ok) return unwrap(refuse(overBudget(taken.refusal)));
    let status = 500;
    try {
      // RFC 7240: with "Prefer: respond-async" the answer comes once the workflow is stored, and
      // its progress ("finding trends", "writing scripts") arrives on the live channel.
      const respond = /\brespond-async\b/i.test(c.req.header("prefer") ?? "") ? "async" : "sync";
      const state = unwrap(await workflowStub(c.env, id).create(c.get("teamId"), id, input, respond, accountOf(c.get("principal"))));
      status = respond === "async" ? 202 : 201;
      if (respond === "async") return c.json(state, 202, { location, "preference-applied": "respond-async" });
      return c.json(state, 201, { location });
    } finally {
      await taken.settle(status);
    }
  })
  .get("/", async (c) => {
    const q = parseQuery(c, ListWorkflowsQuery);
    const db = drizzle(c.env.DB);
    const conditions = [eq(workflows.teamId, c.get("teamId"))];
    if (q.status) conditions.push(eq(workflows.status, q.status));
    if (q.cursor) {
      const cur = decodeCursor(q.cursor);
      conditions.push(or(lt(workflows.createdAt, cur.c), and(eq(workflows.createdAt, cur.c), lt(workflows.id, cur.i)))!);
    }
    const rows = await db
      .select()
      .from(workflows)
      .where(and(...conditions))
      .orderBy(desc(workflows.createdAt), desc(workflows.id))
      .limit(q.limit + 1)
      .all();
    const page = rows.slice(0, q.limit);
    const last = page.at(-1);
    // Rows with thumbnails or a test ask their own object for a picture (at most `limit`, in parallel).
    const previews = await Promise.all(
      page.map(async (r) => {
        if (!PREVIEWED.has(r.status)) return null;
        // One row that cannot answer (an object purged mid-deletion) leaves its picture out, not the list.
        const preview = await workflowStub(c.env, r.id)
          .preview(c.get("teamId"))
          .catch(() => null);
        return preview?.ok ? preview.value : null;
      }),
    );
    const body: WorkflowList = {
      items: page.map((r, i) => ({
        id: r.id,
        topic: r.topic,
        status: r.status as WorkflowStatus,
        requires_action: r.requiresAction as RequiredAction | null,
        created_at: new Date(r.createdAt).toISOString(),
        updated_at: new Date(r.updatedAt).toISOString(),
        preview: previews[i] ?? null,
        your_role: c.get("role"),
      })),
      next_cursor: rows.length > q.limit && last ? encodeCursor({ c: last.createdAt, i: last.id }) : null,
    };
    return c.json(body);
  })
  .get("/:id/status", async (c) => {
    const state = unwrap(await workflowStub(c.env, c.req.param("id")).view(c.get("teamId")));
    return c.json({ ...state, your_role: c.get("role") } satisfies WorkflowStatusView);
  })
  .post("/:id/approve", async (c) => {
    const stub = workflowStub(c.env, c.req.param("id"));
    const body = await parseBody(c, ApproveRequest);
    const by = await actorOf(c);
    const command: CreatorCommand =
      body.action === "approve"
        ? { type: "approve", script_id: body.script_id, by }
        : { type: "reject", feedback: body.feedback ?? null, by };
    return c.json(unwrap(await stub.execute(c.get("teamId"), command, "workflow", spendingFrom(c.env))));
  })
  .post("/:id/edit-script", async (c) => {
    const stub = workflowStub(c.env, c.req.param("id"));
    const edit = await parseBody(c, EditScriptRequest);
    return c.json(
      unwrap(await stub.execute(c.get("teamId"), { type: "edit_script", edit, new_id: crypto.randomUUID(), by: await actorOf(c) })),
    );
  })
  .post("/:id/chapters", async (c) => {
    const stub = workflowStub(c.env, c.req.param("id"));
    const body = await parseBody(c, SetChaptersRequest);
    const pasted = "text" in body ? parseChapterList(body.text) : null;
    if (pasted?.problems.length)
      throw new ApiError(
        400,
        "The chapter list cannot be used.",
        pasted.problems.map((message) => ({ path: "text", message })),
      );
    const chapters = "reset" in body ? null : "chapters" in body ? body.chapters : (pasted?.chapters ?? null);
    return c.json(unwrap(await stub.execute(c.get("teamId"), { type: "set_chapters", chapters, by: await actorOf(c) })));
  })
  .post("/:id/thumbnails/:thumbnailId/regenerate", async (c) => {
    const stub = workflowStub(c.env, c.req.param("id"));
    const { use_my_face } = await parseBody(c, RegenerateThumbnailRequest);
    return c.json(
      unwrap(await stub.regenerateThumbnail(c.get("teamId"), c.req.param("thumbnailId"), use_my_face ?? false, await actorOf(c))),
    );
  })
  .post("/:id/thumbnails/:thumbnailId/upload", async (c) => {
    const stub = workflowStub(c.env, c.req.param("id"));
    const declared = declaredImageType(c.req.header("content-type"));
    const upload = reencodeThumbnail(await readBytes(c, IMAGE_CAPS.maxBytes), declared);
    return c.json(unwrap(await stub.uploadThumbnail(c.get("teamId"), c.req.param("thumbnailId"), upload, await actorOf(c))));
  })
  .post("/:id/select-thumbnail", async (c) => {
    const id = c.req.param("id");
    const stub = workflowStub(c.env, id);
    const body = await parseBody(c, SelectThumbnailRequest);
    const seed = abSeed(c.env, id, () => crypto.getRandomValues(new Uint32Array(1))[0]!);
    const config = withPlannedImpressions(abConfigFrom(c.env), body.planned_impressions);
    return c.json(unwrap(await stub.selectThumbnail(c.get("teamId"), body, config, seed, spendingFrom(c.env), await actorOf(c))));
  })
  .get("/:id/ab-status", async (c) => c.json(unwrap(await workflowStub(c.env, c.req.param("id")).abStatus(c.get("teamId")))))
  .get("/:id/ab-history", async (c) => {
    const { points } = parseQuery(
      c,
      z.object({ points: z.coerce.number().int().min(10).max(MAX_CHART_POINTS).default(DEFAULT_CHART_POINTS) }),
    );
    return c.json(unwrap(await workflowStub(c.env, c.req.param("id")).abHistory(c.get("teamId"), points)));
  })
  .get("/:id/ab-history.csv", async (c) => {
    const csv = unwrap(await workflowStub(c.env, c.req.param("id")).abHistory(c.get("teamId"), "csv")) as string;
    return c.body(csv, 200, {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="ab-history-${c.req.param("id").slice(0, 8)}.csv"`,
    });
  })
  .post("/:id/metrics", async (c) => {
    const stub = workflowStub(c.env, c.req.param("id"));
    const body = await parseBody(c, MetricsPushRequest);
    return c.json(unwrap(await stub.execute(c.get("teamId"), { type: "push", metrics: body }, "ab_test")));
  })
  .post("/:id/declare-winner", async (c) => {
    const stub = workflowStub(c.env, c.req.param("id"));
    const { thumbnail_id } = await parseBody(c, DeclareWinnerRequest);
    return c.json(unwrap(await stub.execute(c.get("teamId"), { type: "declare", thumbnail_id, by: await actorOf(c) })));
  })
  .post("/:id/stop-test", async (c) => {
    const stub = workflowStub(c.env, c.req.param("id"));
    await parseBody(c, EmptyBody);
    return c.json(unwrap(await stub.execute(c.get("teamId"), { type: "stop", by: await actorOf(c) })));
  })
  .get("/:id/results", async (c) =>
    c.json(absolute(unwrap(await workflowStub(c.env, c.req.param("id")).results(c.get("teamId"))), c.req.url)),
  )
  .get("/:id/export", async (c) => {
    const { format } = parseQuery(c, z.object({ format: z.enum(["json", "markdown"]).default("json") }));
    const results = absolute(unwrap(await workflowStub(c.env, c.req.param("id")).results(c.get("teamId"))), c.req.url);
    const name = `creator-package-${results.workflow_id.slice(0, 8)}`;
    if (format === "markdown") {
      return c.body(resultsMarkdown(results, new URL(c.req.url).origin), 200, {
        "content-type": "text/markdown; charset=utf-8",
        "content-disposition": `attachment; filename="${name}.md"`,
      });
    }
    return c.body(JSON.stringify(results, null, 2), 200, {
      "content-type": "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="${name}.json"`,
    });
  });
