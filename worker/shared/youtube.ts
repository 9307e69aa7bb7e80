// The YouTube connection's part of the contract: request and response schemas of
// /api/v1/youtube, shared by the routes, the OpenAPI document and the web app.
import { z } from "zod";

/** A path on this site to come back to after Google's consent page (never another origin). */
const ReturnPath = z
  .string()
  .max(200)
  .regex(/^\/(?![/\\])[\w\-./?=&%]*$/, "a path on this site, starting with a single /");

export const ConnectYouTubeRequest = z.strictObject({
  return_to: ReturnPath.optional().describe("Where the browser lands after consent; default /settings"),
});

export const YouTubeConnectStart = z.object({
  authorize_url: z.string().describe("Navigate the browser here (Google's consent page)"),
  expires_at: z.string().describe("The connect attempt's deadline (10 minutes)"),
});

export const YouTubeStatus = z.enum(["not_connected", "connected", "needs_reconnect"]);

export const YouTubeConnection = z.object({
  configured: z.boolean().describe("False when the server lacks the Google client or TOKEN_ENCRYPTION_KEY"),
  you_host: z
    .boolean()
    .optional()
    .describe("True on a local development install (ENVIRONMENT=development, e.g. `npm start`): the creator is the host who sets it up"),
  status: YouTubeStatus,
  channel: z.object({ id: z.string(), title: z.string() }).nullable(),
  scopes: z.array(z.string()),
  connected_at: z.string().nullable(),
  reach_job_id: z.string().nullable(),
  last_error: z.string().nullable(),
  quota: z.object({
    day: z.string().describe("Today in Pacific time; Google's quota resets at its midnight"),
    used_units: z.number().int().describe("Data API units spent today by the whole app (Google's limit is per project)"),
    your_units: z.number().int(),
    budget_units: z.number().int(),
  }),
});

export const YouTubeUpload = z.object({
  id: z.string(),
  title: z.string(),
  published_at: z.string(),
  privacy_status: z.string(),
  publish_at: z.string().nullable(),
  thumbnail_url: z.string().nullable(),
});

export const YouTubeUploads = z.object({ channel_id: z.string(), items: z.array(YouTubeUpload) });
export const YouTubeUploadsQuery = z.object({ limit: z.coerce.number().int().min(1).max(50).default(25) });
export const YouTubeVideoCheckQuery = z.object({
  video: z.string().trim().min(1).max(300).describe("A YouTube URL or 11-character video id"),
});
export const YouTubeDisconnected = z.object({
  revoked: z.boolean().describe("False if Google could not be reached; the tokens are forgotten anyway"),
});

export type YouTubeConnection = z.infer<typeof YouTubeConnection>;
export type YouTubeUploads = z.infer<typeof YouTubeUploads>;
