// The OpenAPI 3.1 document, generated: request bodies and queries are the very zod schemas the
// routes validate with, responses are the contract's response schemas, converted by z.toJSONSchema.
// The route table below adds only what code cannot know (summaries, statuses); a test fails when
// a route of the app is missing from it.
import { z } from "zod";
import * as A from "../auth/contract";
import * as C from "../shared/contract";
import * as I from "../shared/integrations";
import * as F from "../shared/faces";
import * as Y from "../shared/youtube";

type Schema = z.ZodType;
type Method = "get" | "post" | "put" | "patch" | "delete";

export interface Operation {
  method: Method;
  /** Hono form, as in app.routes: /api/v1/workflows/:id/status */
  path: string;
  tag: string;
  summary: string;
  auth: "bearer" | "none";
  /** Acts for the team named by the X-Team-Id header (default: your personal team). */
  team?: boolean;
  body?: Schema;
  /** Also accepts the OAuth2 password form (login). */
  form?: boolean;
  /** The body is the raw bytes of one of these media types (image uploads), not JSON. */
  binary?: readonly string[];
  query?: z.ZodObject;
  ok: { status: number; schema?: Schema; description?: string; contentType?: string };
  errors?: number[];
}

const V1 = "/api/v1";
const W = `${V1}/workflows/:id`;
const EmptyBody = z.strictObject({});
const IMAGE_TYPES = ["image/png", "image/jpeg"] as const;
const HistoryQuery = z.object({ points: z.number().int().min(10).max(2000).default(300).describe("How many points the chart wants (first and last looks exact)") });
const ExportQuery = z.object({ format: z.enum(["json", "markdown"]).default("json") });

export const OPERATIONS: Operation[] = [
  { method: "post", path: `${V1}/auth/register`, tag: "Accounts", summary: "Create an account", auth: "none", body: C.RegisterRequest, ok: { status: 201, schema: C.Account }, errors: [400, 409, 429] },
  { method: "post", path: `${V1}/auth/login`, tag: "Accounts", summary: "Sign in for a 7-day bearer token", auth: "none", body: C.LoginRequest, form: true, ok: { status: 200, schema: C.TokenResponse }, errors: [400, 401, 429, 503] },
  { method: "get", path: `${V1}/auth/me`, tag: "Accounts", summary: "The signed-in account (API keys get 403)", auth: "bearer", ok: { status: 200, schema: C.Account }, errors: [403] },
  { method: "post", path: `${V1}/auth/logout`, tag: "Accounts", summary: "Sign out: revoke this session", auth: "bearer", ok: { status: 204 }, errors: [403] },
  { method: "post", path: `${V1}/auth/logout-all`, tag: "Accounts", summary: "Sign out everywhere: revoke every session", auth: "bearer", ok: { status: 204 }, errors: [403] },
  { method: "post", path: `${V1}/auth/password`, tag: "Accounts", summary: "Change the password; every other session is revoked", auth: "bearer", body: A.ChangePasswordRequest, ok: { status: 204 }, errors: [400, 403, 429] },
  { method: "get", path: `${V1}/auth/sessions`, tag: "Accounts", summary: "Your signed-in sessions", auth: "bearer", ok: { status: 200, schema: A.SessionList }, errors: [403] },
  { method: "delete", path: `${V1}/auth/sessions/:id`, tag: "Accounts", summary: "Revoke one session", auth: "bearer", ok: { status: 204 }, errors: [403, 404] },
  { method: "get", path: `${V1}/account/export`, tag: "Accounts", summary: "Everything stored about you, as a JSON download (no secrets)", auth: "bearer", ok: { status: 200, description: "JSON attachment", contentType: "application/json" }, errors: [403] },
  { method: "delete", path: `${V1}/account`, tag: "Accounts", summary: "Delete your account and everything in it (needs the password)", auth: "bearer", body: A.DeleteAccountRequest, ok: { status: 204 }, errors: [400, 403, 429] },
  { method: "get", path: `${V1}/account/faces`, tag: "Accounts", summary: "My face: your 1–4 reference photos for face-focused thumbnails", auth: "bearer", ok: { status: 200, schema: F.FacePhotoList }, errors: [403] },
  { method: "post", path: `${V1}/account/faces`, tag: "Accounts", summary: "Add a photo of yourself (PNG or JPEG ≤ 2 MB, ≤ 8.3 megapixels, ≥ 256 px a side; decoded and stored re-encoded as JPEG ≤ 1024 px without EXIF or location)", auth: "bearer", binary: IMAGE_TYPES, ok: { status: 201, schema: F.FacePhoto }, errors: [400, 403, 409, 413, 415] },
  { method: "put", path: `${V1}/account/faces/:photoId`, tag: "Accounts", summary: "Replace one photo (same rules as adding)", auth: "bearer", binary: IMAGE_TYPES, ok: { status: 200, schema: F.FacePhoto }, errors: [400, 403, 404, 413, 415] },
  { method: "delete", path: `${V1}/account/faces/:photoId`, tag: "Accounts", summary: "Delete one photo", auth: "bearer", ok: { status: 204 }, errors: [403, 404] },
  { method: "get", path: `${V1}/faces/:userId/:file`, tag: "Accounts", summary: "A face photo (<id>.jpg) or its PNG preview (<id>.png?width=168|246|360); the unguessable path is the capability", auth: "none", ok: { status: 200, description: "JPEG or PNG image", contentType: "image/jpeg" }, errors: [400, 404] },
  { method: "get", path: `${V1}/health`, tag: "Service", summary: "Health and configured providers", auth: "none", ok: { status: 200, schema: C.Health }, errors: [503] },
  { method: "get", path: `${V1}/openapi.json`, tag: "Service", summary: "This document", auth: "none", ok: { status: 200, description: "OpenAPI 3.1 document" } },
  { method: "get", path: `${V1}/docs`, tag: "Service", summary: "Interactive API reference", auth: "none", ok: { status: 200, description: "HTML page", contentType: "text/html" } },
  { method: "get", path: `${V1}/thumbnails/:workflowId/:file`, tag: "Workflows", summary: "A thumbnail image (<id>.svg, <id>.png with ?width=168|246|360|1280, or an upload's <id>.png/.jpg); the unguessable id is the capability", auth: "none", ok: { status: 200, description: "SVG, PNG or JPEG image", contentType: "image/png" }, errors: [404] },
  { method: "post", path: `${V1}/workflows/start`, tag: "Workflows", summary: "Start a workflow: trends, then scripts (send 'Prefer: respond-async' for a 202 before generation)", auth: "bearer", team: true, body: C.StartWorkflowRequest, ok: { status: 201, schema: C.WorkflowState }, errors: [400, 403, 429] },
  { method: "get", path: `${V1}/workflows`, tag: "Workflows", summary: "Your workflows, newest first", auth: "bearer", team: true, query: C.ListWorkflowsQuery, ok: { status: 200, schema: C.WorkflowList }, errors: [400, 403] },
  { method: "get", path: `${W}/status`, tag: "Workflows", summary: "The whole state of a workflow, and your role in its team", auth: "bearer", ok: { status: 200, schema: C.WorkflowStatusView }, errors: [403, 404] },
  { method: "get", path: `${W}/live`, tag: "Workflows", summary: "WebSocket of state changes and A/B looks (offer the subprotocols 'creator-agent.v1' and 'bearer.<token>')", auth: "none", ok: { status: 101, description: "Switching to WebSocket" }, errors: [400, 401, 403, 404] },
  { method: "post", path: `${W}/approve`, tag: "Workflows", summary: "Approve a script, or reject the set with feedback", auth: "bearer", body: C.ApproveRequest, ok: { status: 200, schema: C.WorkflowState }, errors: [400, 403, 404, 409, 429] },
  { method: "post", path: `${W}/chapters`, tag: "Workflows", summary: "Set the real chapter times after recording (typed, or a pasted chapter list); the Studio package uses them", auth: "bearer", body: C.SetChaptersRequest, ok: { status: 200, schema: C.WorkflowState }, errors: [400, 403, 404, 409] },
  { method: "post", path: `${W}/edit-script`, tag: "Workflows", summary: "Save your own version of a script as a new revision (at the script gate)", auth: "bearer", body: C.EditScriptRequest, ok: { status: 200, schema: C.WorkflowState }, errors: [400, 403, 404, 409] },
  { method: "post", path: `${W}/thumbnails/:thumbnailId/regenerate`, tag: "Workflows", summary: "Redraw one thumbnail with a new headline and palette (and, with an image model, new art; use_my_face ticks your photos in)", auth: "bearer", body: C.RegenerateThumbnailRequest, ok: { status: 200, schema: C.WorkflowState }, errors: [400, 403, 404, 409] },
  { method: "post", path: `${W}/thumbnails/:thumbnailId/upload`, tag: "Workflows", summary: "Replace one thumbnail with your own 16:9 PNG or JPEG (≤ 2 MB, ≤ 8.3 megapixels; the body is the image, decoded and stored re-encoded at 1280×720 without metadata)", auth: "bearer", binary: IMAGE_TYPES, ok: { status: 200, schema: C.WorkflowState }, errors: [400, 403, 404, 409, 413, 415] },
  { method: "post", path: `${W}/select-thumbnail`, tag: "Workflows", summary: "Pick a thumbnail and start the A/B test", auth: "bearer", body: C.SelectThumbnailRequest, ok: { status: 200, schema: C.WorkflowState }, errors: [400, 403, 404, 409, 429] },
  { method: "get", path: `${W}/ab-status`, tag: "A/B test", summary: "Live A/B test figures", auth: "bearer", ok: { status: 200, schema: C.AbStatus }, errors: [403, 404, 409] },
  { method: "get", path: `${W}/ab-history`, tag: "A/B test", summary: "Cumulative impressions and clicks per look, thinned to ?points for a chart", auth: "bearer", query: HistoryQuery, ok: { status: 200, schema: C.AbHistory }, errors: [403, 404, 409] },
  { method: "get", path: `${W}/ab-history.csv`, tag: "A/B test", summary: "Every look as CSV: cumulative impressions and clicks per variant", auth: "bearer", ok: { status: 200, description: "CSV attachment", contentType: "text/csv" }, errors: [403, 404, 409] },
  { method: "post", path: `${W}/metrics`, tag: "A/B test", summary: "Push external analytics (API keys welcome)", auth: "bearer", body: C.MetricsPushRequest, ok: { status: 200, schema: C.AbStatus }, errors: [400, 403, 404, 409] },
  { method: "post", path: `${W}/declare-winner`, tag: "A/B test", summary: "End the test with your pick", auth: "bearer", body: C.DeclareWinnerRequest, ok: { status: 200, schema: C.WorkflowState }, errors: [400, 403, 404, 409] },
  { method: "post", path: `${W}/stop-test`, tag: "A/B test", summary: "Stop the test now", auth: "bearer", body: EmptyBody, ok: { status: 200, schema: C.WorkflowState }, errors: [400, 403, 404, 409] },
  { method: "get", path: `${W}/results`, tag: "Workflows", summary: "The winning package (409 before completion)", auth: "bearer", ok: { status: 200, schema: C.Results }, errors: [403, 404, 409] },
  { method: "get", path: `${W}/export`, tag: "Workflows", summary: "Download the results as JSON or Markdown", auth: "bearer", query: ExportQuery, ok: { status: 200, description: "Attachment", contentType: "application/json" }, errors: [403, 404, 409] },
  { method: "post", path: `${V1}/webhooks`, tag: "Webhooks", summary: "Register an endpoint; the secret is shown once", auth: "bearer", team: true, body: I.CreateWebhookRequest, ok: { status: 201, schema: I.WebhookEndpointCreated }, errors: [400, 409, 403] },
  { method: "get", path: `${V1}/webhooks`, tag: "Webhooks", summary: "Your endpoints (no secrets)", auth: "bearer", team: true, ok: { status: 200, schema: I.WebhookEndpointList }, errors: [403] },
  { method: "delete", path: `${V1}/webhooks/:id`, tag: "Webhooks", summary: "Delete an endpoint", auth: "bearer", team: true, ok: { status: 204 }, errors: [404, 403] },
  { method: "post", path: `${V1}/webhooks/:id/rotate-secret`, tag: "Webhooks", summary: "Replace the signing secret (and re-enable the endpoint)", auth: "bearer", team: true, body: EmptyBody, ok: { status: 200, schema: I.RotatedSecret }, errors: [404, 403] },
  { method: "get", path: `${V1}/webhooks/:id/deliveries`, tag: "Webhooks", summary: "Delivery attempts, newest first", auth: "bearer", team: true, ok: { status: 200, schema: I.DeliveryAttemptList }, errors: [404, 403] },
  { method: "post", path: `${V1}/api-keys`, tag: "API keys", summary: "Create an API key; it is shown once (signed-in users only)", auth: "bearer", team: true, body: A.CreateScopedApiKeyRequest, ok: { status: 201, schema: A.ScopedApiKeyCreated }, errors: [400, 403, 409] },
  { method: "get", path: `${V1}/api-keys`, tag: "API keys", summary: "Your API keys with their scopes", auth: "bearer", team: true, ok: { status: 200, schema: A.ScopedApiKeyList }, errors: [403] },
  { method: "get", path: `${V1}/usage`, tag: "Accounts", summary: "Your LLM token use and your budgets: used, limit and when each resets", auth: "bearer", team: true, ok: { status: 200, schema: A.UsageReport }, errors: [403] },
  { method: "delete", path: `${V1}/api-keys/:id`, tag: "API keys", summary: "Revoke an API key at once", auth: "bearer", team: true, ok: { status: 204 }, errors: [403, 404] },
  { method: "post", path: `${V1}/youtube/connect`, tag: "YouTube", summary: "Start connecting your channel: Google's consent URL for the browser to open (signed-in users only)", auth: "bearer", team: true, body: Y.ConnectYouTubeRequest, ok: { status: 200, schema: Y.YouTubeConnectStart }, errors: [400, 403, 503] },
  { method: "get", path: `${V1}/youtube/callback`, tag: "YouTube", summary: "Google's redirect after consent; sends the browser on with ?youtube=connected or ?youtube=error&reason=...", auth: "none", ok: { status: 303, description: "Redirect to the app" } },
  { method: "get", path: `${V1}/youtube`, tag: "YouTube", summary: "Your channel connection, its status and today's quota use", auth: "bearer", team: true, ok: { status: 200, schema: Y.YouTubeConnection } },
  { method: "delete", path: `${V1}/youtube`, tag: "YouTube", summary: "Revoke Google's grant and forget the tokens (signed-in users only)", auth: "bearer", team: true, ok: { status: 200, schema: Y.YouTubeDisconnected }, errors: [403, 404] },
  { method: "get", path: `${V1}/youtube/videos/check`, tag: "YouTube", summary: "Check a video before a rotation test: yours, public or scheduled, under 2 days old, and the plan (the chance to prove a 10/20/50% CTR lift)", auth: "bearer", team: true, query: Y.YouTubeVideoCheckQuery, ok: { status: 200, schema: C.YouTubeVideoCheck }, errors: [400, 404, 409, 429, 503] },
  { method: "get", path: `${V1}/youtube/videos`, tag: "YouTube", summary: "Your recent uploads, for picking the video to test", auth: "bearer", team: true, query: Y.YouTubeUploadsQuery, ok: { status: 200, schema: Y.YouTubeUploads }, errors: [400, 409, 429, 503] },
  { method: "get", path: `${V1}/teams`, tag: "Teams", summary: "Your teams (the personal one first) and your role in each", auth: "bearer", ok: { status: 200, schema: C.TeamList }, errors: [403] },
  { method: "post", path: `${V1}/teams`, tag: "Teams", summary: "Create a team; you are its owner", auth: "bearer", body: C.CreateTeamRequest, ok: { status: 201, schema: C.TeamSummary }, errors: [400, 403, 409] },
  { method: "get", path: `${V1}/teams/:id`, tag: "Teams", summary: "A team: its members and (for the owner) its pending invitations", auth: "bearer", ok: { status: 200, schema: C.TeamDetail }, errors: [403, 404] },
  { method: "patch", path: `${V1}/teams/:id`, tag: "Teams", summary: "Rename the team (owner)", auth: "bearer", body: C.RenameTeamRequest, ok: { status: 200, description: "The team" }, errors: [400, 403, 404] },
  { method: "delete", path: `${V1}/teams/:id`, tag: "Teams", summary: "Delete the team and everything in it (owner; not a personal team)", auth: "bearer", ok: { status: 204 }, errors: [403, 404, 409] },
  { method: "post", path: `${V1}/teams/:id/invitations`, tag: "Teams", summary: "Invite an address as editor or viewer (owner): the single-use link, valid 7 days, is shown once", auth: "bearer", body: C.InviteRequest, ok: { status: 201, schema: C.InvitationCreated }, errors: [400, 403, 404, 409] },
  { method: "delete", path: `${V1}/teams/:id/invitations/:invitationId`, tag: "Teams", summary: "Withdraw a pending invitation (owner)", auth: "bearer", ok: { status: 204 }, errors: [403, 404] },
  { method: "patch", path: `${V1}/teams/:id/members/:userId`, tag: "Teams", summary: "Change a member's role to editor or viewer (owner)", auth: "bearer", body: C.ChangeRoleRequest, ok: { status: 200, description: "The new role" }, errors: [400, 403, 404, 409] },
  { method: "delete", path: `${V1}/teams/:id/members/:userId`, tag: "Teams", summary: "Remove a member (owner), or leave (your own id; the owner transfers ownership first)", auth: "bearer", ok: { status: 204 }, errors: [403, 404, 409] },
  { method: "post", path: `${V1}/teams/:id/transfer`, tag: "Teams", summary: "Make another member the owner; you become an editor (owner)", auth: "bearer", body: C.TransferRequest, ok: { status: 200, description: "The new owner" }, errors: [400, 403, 404, 409] },
  { method: "get", path: `${V1}/invitations/:token`, tag: "Teams", summary: "What an invitation link offers (signed in)", auth: "bearer", ok: { status: 200, schema: C.InvitationPreview }, errors: [403, 404, 409, 410] },
  { method: "post", path: `${V1}/invitations/:token/accept`, tag: "Teams", summary: "Join the team (only with the invited address; once)", auth: "bearer", body: EmptyBody, ok: { status: 200, schema: C.Membership }, errors: [400, 403, 404, 409, 410] },
  { method: "post", path: `${V1}/invitations/:token/decline`, tag: "Teams", summary: "Turn the invitation down", auth: "bearer", body: EmptyBody, ok: { status: 204 }, errors: [400, 403, 404, 409, 410] },
];

/** Every schema that gets a name under components/schemas. */
const NAMED: Record<string, Schema> = {
  Problem: C.Problem,
  FacePhoto: F.FacePhoto,
  FacePhotoList: F.FacePhotoList,
  Account: C.Account,
  TokenResponse: C.TokenResponse,
  Health: C.Health,
  RegisterRequest: C.RegisterRequest,
  LoginRequest: C.LoginRequest,
  StartWorkflowRequest: C.StartWorkflowRequest,
  SetChaptersRequest: C.SetChaptersRequest,
  ApproveRequest: C.ApproveRequest,
  SelectThumbnailRequest: C.SelectThumbnailRequest,
  DeclareWinnerRequest: C.DeclareWinnerRequest,
  MetricsPushRequest: C.MetricsPushRequest,
  EmptyBody,
  RegenerateThumbnailRequest: C.RegenerateThumbnailRequest,
  EditScriptRequest: C.EditScriptRequest,
  Script: C.ScriptSchema,
  Trend: C.Trend,
  TrendReport: C.TrendReport,
  ScriptRevision: C.ScriptRevision,
  Thumbnail: C.Thumbnail,
  VariantStats: C.VariantStats,
  AbStatus: C.AbStatus,
  AbHistory: C.AbHistory,
  WorkflowState: C.WorkflowState,
  WorkflowList: C.WorkflowList,
  WorkflowStatusView: C.WorkflowStatusView,
  TeamSummary: C.TeamSummary,
  TeamList: C.TeamList,
  TeamDetail: C.TeamDetail,
  TeamMember: C.TeamMember,
  PendingInvitation: C.PendingInvitation,
  InvitationCreated: C.InvitationCreated,
  InvitationPreview: C.InvitationPreview,
  Membership: C.Membership,
  CreateTeamRequest: C.CreateTeamRequest,
  RenameTeamRequest: C.RenameTeamRequest,
  InviteRequest: C.InviteRequest,
  ChangeRoleRequest: C.ChangeRoleRequest,
  TransferRequest: C.TransferRequest,
  Results: C.Results,
  CreateWebhookRequest: I.CreateWebhookRequest,
  WebhookEndpoint: I.WebhookEndpoint,
  WebhookEndpointCreated: I.WebhookEndpointCreated,
  WebhookEndpointList: I.WebhookEndpointList,
  RotatedSecret: I.RotatedSecret,
  DeliveryAttempt: I.DeliveryAttempt,
  DeliveryAttemptList: I.DeliveryAttemptList,
  CreateApiKeyRequest: A.CreateScopedApiKeyRequest,
  ApiKey: A.ScopedApiKey,
  ApiKeyCreated: A.ScopedApiKeyCreated,
  ApiKeyList: A.ScopedApiKeyList,
  ChangePasswordRequest: A.ChangePasswordRequest,
  DeleteAccountRequest: A.DeleteAccountRequest,
  Session: A.Session,
  SessionList: A.SessionList,
  UsageReport: A.UsageReport,
  ConnectYouTubeRequest: Y.ConnectYouTubeRequest,
  YouTubeConnectStart: Y.YouTubeConnectStart,
  YouTubeConnection: Y.YouTubeConnection,
  YouTubeDisconnected: Y.YouTubeDisconnected,
  YouTubeUpload: Y.YouTubeUpload,
  YouTubeUploads: Y.YouTubeUploads,
  YouTubeVideoCheck: C.YouTubeVideoCheck,
  RotationPlanAdvice: C.RotationPlanAdvice,
  YouTubeTestSettings: C.YouTubeTestSettings,
  RotationStatus: C.RotationStatus,
  RotationDay: C.RotationDay,
  RotationSwap: C.RotationSwap,
  UsageTotals: C.UsageTotals,
  WorkflowStatusChanged: I.WorkflowStatusChanged,
  AbTestCompleted: I.AbTestCompleted,
  YouTubeRotationEvent: I.YouTubeRotationEvent,
};

export const toOpenApiPath = (honoPath: string) => honoPath.replace(/:(\w+)/g, "{$1}");

function components(): { schemas: Record<string, unknown>; ids: Map<Schema, string> } {
  const registry = z.registry<{ id: string }>();
  const ids = new Map<Schema, string>();
  for (const [id, schema] of Object.entries(NAMED)) {
    registry.add(schema, { id });
    ids.set(schema, id);
  }
  // "input" describes what clients send: defaults are optional and transforms are invisible.
  const out = z.toJSONSchema(registry, { io: "input", unrepresentable: "any", uri: (id) => `#/components/schemas/${id}` }) as { schemas: Record<string, Record<string, unknown>> };
  const schemas = Object.fromEntries(Object.entries(out.schemas).map(([id, { $schema: _s, $id: _i, ...rest }]) => [id, rest]));
  return { schemas, ids };
}

const STATUS_TEXT: Record<number, string> = { 410: "Expired or withdrawn", 413: "Too large", 415: "Unsupported media type", 400: "Invalid input", 401: "Missing or invalid credentials", 403: "Not allowed with these credentials", 404: "Not found, or not yours", 409: "Wrong state or conflict", 429: "Too many attempts, or a budget is used up; see Retry-After", 503: "Degraded" };

export function buildOpenApiDocument(serverUrl?: string) {
  const { schemas, ids } = components();
  const ref = (schema: Schema) => {
    const id = ids.get(schema);
    if (!id) throw new Error("every schema in the route table must be named in NAMED");
    return { $ref: `#/components/schemas/${id}` };
  };
  const problem = (status: number) => ({ description: STATUS_TEXT[status] ?? "Error", content: { "application/problem+json": { schema: ref(C.Problem) } } });

  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of OPERATIONS) {
    const path = toOpenApiPath(op.path);
    const parameters: unknown[] = [...path.matchAll(/\{(\w+)\}/g)].map((m) => ({ name: m[1], in: "path", required: true, schema: { type: "string" } }));
    if (op.team) parameters.push({ name: "X-Team-Id", in: "header", required: false, description: "The team to act for (default: your personal team, whose id is your user id); a team you are not in, or another team than an API key's own, is 404", schema: { type: "string" } });
    if (op.query) {
      const q = z.toJSONSchema(op.query, { io: "input", unrepresentable: "any" }) as { properties?: Record<string, unknown>; required?: string[] };
      for (const [name, schema] of Object.entries(q.properties ?? {})) parameters.push({ name, in: "query", required: q.required?.includes(name) ?? false, schema });
    }
    const responses: Record<string, unknown> = {
      [op.ok.status]: {
        description: op.ok.description ?? "OK",
        ...(op.ok.schema ? { content: { "application/json": { schema: ref(op.ok.schema) } } } : op.ok.contentType ? { content: { [op.ok.contentType]: {} } } : {}),
      },
    };
    // A team route also answers 404 to a non-member and 403 to a member without the role.
    const statuses = new Set([...(op.auth === "bearer" ? [401] : []), ...(op.team ? [403, 404] : []), ...(op.errors ?? [])]);
    for (const status of [...statuses].sort()) responses[status] = problem(status);
    const body = op.binary
      ? { required: true, content: Object.fromEntries(op.binary.map((type) => [type, { schema: { type: "string", contentMediaType: type } }])) }
      : op.body && {
          required: true,
          content: {
            "application/json": { schema: ref(op.body) },
            ...(op.form ? { "application/x-www-form-urlencoded": { schema: ref(op.body) } } : {}),
          },
        };
    (paths[path] ??= {})[op.method] = {
      operationId: `${op.method}${path.replace(/[{}]/g, "").replace(/[^A-Za-z0-9]+(\w)?/g, (_m, c: string | undefined) => (c ?? "").toUpperCase())}`,
      tags: [op.tag],
      summary: op.summary,
      ...(op.auth === "bearer" ? { security: [{ bearer: [] }] } : { security: [] }),
      ...(parameters.length ? { parameters } : {}),
      ...(body ? { requestBody: body } : {}),
      responses,
    };
  }

  const webhook = (type: I.WebhookEventType, data: Schema, summary: string) => ({
    post: {
      summary,
      description: "Signed per Standard Webhooks: webhook-id, webhook-timestamp and webhook-signature (v1,<base64 HMAC-SHA256 of id.timestamp.body>) headers. Answer 2xx; 410 disables the endpoint; anything else is retried for about 28 hours.",
      requestBody: {
        content: {
          "application/json": {
            schema: { type: "object", required: ["type", "timestamp", "data"], properties: { type: { const: type }, timestamp: { type: "string", format: "date-time" }, data: ref(data) } },
          },
        },
      },
      responses: { "204": { description: "Received" } },
    },
  });

  return {
    openapi: "3.1.0",
    info: {
      title: "Creator Agent Toolbox API",
      version: "1.0.0",
      description: "Trends to scripts to thumbnails to an A/B test, one workflow at a time. Authenticate with a bearer token from /auth/login or an API key from /api-keys. Every error is RFC 9457 problem+json.",
    },
    ...(serverUrl ? { servers: [{ url: serverUrl }] } : {}),
    tags: [...new Set(OPERATIONS.map((o) => o.tag))].map((name) => ({ name })),
    paths,
    webhooks: {
      "workflow.status_changed": webhook("workflow.status_changed", I.WorkflowStatusChanged, "Sent on every workflow transition"),
      "ab_test.completed": webhook("ab_test.completed", I.AbTestCompleted, "Sent when an A/B test ends"),
      "youtube.swap_applied": webhook("youtube.swap_applied", I.YouTubeRotationEvent, "A rotation put a variant (or the original) on the video"),
      "youtube.swap_failed": webhook("youtube.swap_failed", I.YouTubeRotationEvent, "A swap failed; retry_at says when it is tried again"),
      "youtube.reconnect_needed": webhook("youtube.reconnect_needed", I.YouTubeRotationEvent, "The channel needs reconnecting; the rotation is paused"),
      "youtube.data_arrived": webhook("youtube.data_arrived", I.YouTubeRotationEvent, "YouTube's numbers for one or more days arrived or were re-issued"),
      "youtube.restored": webhook("youtube.restored", I.YouTubeRotationEvent, "At the end, the winner or the original is back on the video"),
      "youtube.restore_failed": webhook("youtube.restore_failed", I.YouTubeRotationEvent, "The restore failed; it is retried until it works or the channel is disconnected"),
    },
    components: {
      schemas,
      securitySchemes: { bearer: { type: "http", scheme: "bearer", description: "A JWT from /auth/login, or an API key (cat_...)" } },
    },
  };
}
