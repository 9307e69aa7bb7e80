// The API: sub-apps composed with app.route(), one error shape, CORS from ALLOWED_ORIGINS.
import { Hono } from "hono";
import { cors } from "hono/cors";
import type { AppEnv } from "./env";
import { requireJsonBodies } from "./http/content-type";
import { handleError, problemResponse } from "./http/problem";
import { requireAuth, requireScope, workflowScopeFor } from "./http/require-auth";
import { actingTeam, requireRole, workflowRoleFor, workflowsTeam } from "./http/require-team";
import { accountRoutes } from "./routes/account";
import { faceImageRoutes, faceRoutes } from "./routes/faces";
import { apiKeyRoutes } from "./routes/api-keys";
import { authRoutes } from "./routes/auth";
import { healthRoutes } from "./routes/health";
import { openApiRoutes } from "./routes/openapi";
import { usageRoutes } from "./routes/usage";
import { invitationRoutes } from "./routes/invitations";
import { teamRoutes } from "./routes/teams";
import { webhookRoutes } from "./routes/webhooks";
import { thumbnailRoutes } from "./routes/thumbnails";
import { liveRoutes, workflowRoutes } from "./routes/workflows";
import { youtubeRoutes } from "./routes/youtube";

function allowedOrigins(list: string | undefined): Set<string> {
  return new Set(
    (list ?? "")
      .split(",")
      .map((o) => o.trim())
      .filter(Boolean),
  );
}

export const app = new Hono<AppEnv>();

app.use(
  "/api/*",
  cors({
    origin: (origin, c) => (allowedOrigins(c.env.ALLOWED_ORIGINS).has(origin) ? origin : null),
    allowHeaders: ["Authorization", "Content-Type", "Prefer", "X-Team-Id"],
    allowMethods: ["GET", "POST", "PATCH", "DELETE", "OPTIONS"],
    exposeHeaders: ["Retry-After", "Location", "Content-Disposition", "Preference-Applied"],
    maxAge: 600,
  }),
);
app.use("/api/*", async function securityHeaders(c, next) {
  await next();
  c.header("x-content-type-options", "nosniff");
  c.header("referrer-policy", "no-referrer");
});
// Every route, including ones added later: bodies are JSON unless content-type.ts names an exception.
app.use("/api/*", requireJsonBodies());

const api = new Hono<AppEnv>();
api.use("/auth/me", requireAuth());
api.route("/auth", authRoutes);
api.route("/health", healthRoutes);
api.route("/thumbnails", thumbnailRoutes);
api.route("/faces", faceImageRoutes); // public by capability, like thumbnails
api.route("/", openApiRoutes); // public: /openapi.json and /docs
api.route("/workflows", liveRoutes);
for (const prefix of ["/workflows", "/webhooks", "/api-keys", "/usage", "/account", "/teams", "/invitations"]) {
  api.use(prefix, requireAuth());
  api.use(`${prefix}/*`, requireAuth());
}
// API keys reach only what their scopes allow (sessions pass). Budgets are taken by the routes and
// the workflow object once the work is known to be valid (worker/limits/holds.ts).
api.use("/workflows", requireScope(workflowScopeFor));
api.use("/workflows/*", requireScope(workflowScopeFor));
api.use("/usage", requireScope("workflows:read"));
// The team each request acts for, and the caller's role there (worker/http/require-team.ts).
for (const prefix of ["/workflows", "/workflows/*"]) api.use(prefix, workflowsTeam(), requireRole(workflowRoleFor));
api.use("/usage", actingTeam());
api.route("/workflows", workflowRoutes);
api.route("/webhooks", webhookRoutes);
api.route("/api-keys", apiKeyRoutes);
api.route("/usage", usageRoutes);
api.route("/account/faces", faceRoutes);
api.route("/account", accountRoutes);
api.route("/teams", teamRoutes);
api.route("/invitations", invitationRoutes);
// Each YouTube route authenticates itself: Google's redirect to /youtube/callback carries no bearer token.
api.route("/youtube", youtubeRoutes);

app.route("/api/v1", api);
app.notFound((c) => problemResponse(c, 404, `No route for ${c.req.method} ${new URL(c.req.url).pathname}.`));
app.onError(handleError);
