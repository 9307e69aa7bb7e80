// YouTubeChannel over the Data API v3 with plain fetch (googleapis does not bundle on Workers):
// uploads, video details, thumbnails.set and title changes that keep the rest of the snippet.
import { chargeFor, type DataApiMethod, type QuotaCharge } from "../domain/youtube/quota";
import type { YouTubeConfig } from "./config";
import { YouTubeError } from "./errors";
import { downloadReport, ensureReachJob, listReports, queryWatchTime } from "./reports";
import { GoogleSession, type SessionDeps } from "./session";
import type { MutationOptions, ThumbnailResult, TitleResult, UploadSummary, VideoDetails, YouTubeChannel } from "./types";

export const MAX_THUMBNAIL_BYTES = 2 * 1024 * 1024;

interface Snippet {
  title: string;
  description?: string;
  tags?: string[];
  categoryId: string;
  channelId: string;
  publishedAt: string;
  defaultLanguage?: string;
  defaultAudioLanguage?: string;
  thumbnails?: Record<string, { url: string }>;
}

interface VideoResource {
  id: string;
  snippet?: Snippet;
  status?: { privacyStatus?: string; publishAt?: string };
  contentDetails?: { duration?: string };
}

const bestThumbnail = (t: Record<string, { url: string }> | undefined) =>
  (t && (t.maxres ?? t.standard ?? t.high ?? t.medium ?? t.default)?.url) ?? null;

function imageType(bytes: Uint8Array): "image/png" | "image/jpeg" | null {
  if ([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((v, i) => bytes[i] === v)) return "image/png";
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return "image/jpeg";
  return null;
}

async function sha256Hex(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  return [...digest].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** Opens the user's connected channel; throws YouTubeError not_connected or needs_reconnect. */
export async function openYouTubeChannel(deps: SessionDeps): Promise<YouTubeChannel> {
  return createYouTubeChannel(deps.cfg, await GoogleSession.open(deps));
}

export function createYouTubeChannel(cfg: YouTubeConfig, session: GoogleSession): YouTubeChannel {
  let charges: QuotaCharge[] = [];
  const channelId = session.connection.channelId;

  /** A Data API call, charged unless Google refused it before doing anything (401, quota, no answer). */
  async function call<T>(method: DataApiMethod, chargeId: string, what: string, url: string, init: RequestInit = {}): Promise<T> {
    const answer = await session.send(what, url, init);
    const refusedBeforeWork = answer.status === 401 || (answer.status === 403 && /quotaExceeded|dailyLimitExceeded/.test(answer.text));
    if (!refusedBeforeWork) charges.push(chargeFor(chargeId, method, session.now));
    return session.parse<T>(what, answer);
  }
  const readId = (method: DataApiMethod) => `${crypto.randomUUID()}:${method}`;
  const keyed = (opts: MutationOptions, method: DataApiMethod) => `${opts.idempotencyKey}#${opts.attempt ?? 1}:${method}`;

  async function videoResources(ids: string[], chargeId: string): Promise<VideoResource[]> {
    const q = new URLSearchParams({ part: "snippet,status,contentDetails", id: ids.join(","), maxResults: "50" });
    const body = await call<{ items?: VideoResource[] }>("videos.list", chargeId, "Reading videos", `${cfg.apiBase}/videos?${q}`);
    return body.items ?? [];
  }

  function details(v: VideoResource): VideoDetails {
    const s = v.snippet;
    return {
      id: v.id,
      title: s?.title ?? "",
      publishedAt: s?.publishedAt ?? "",
      privacyStatus: v.status?.privacyStatus ?? "unknown",
      publishAt: v.status?.publishAt ?? null,
      thumbnailUrl: bestThumbnail(s?.thumbnails),
      channelId: s?.channelId ?? "",
      ownedByChannel: s?.channelId === channelId,
      description: s?.description ?? "",
      tags: s?.tags ?? [],
      categoryId: s?.categoryId ?? "",
      defaultLanguage: s?.defaultLanguage ?? null,
      durationIso: v.contentDetails?.duration ?? null,
    };
  }

  return {
    channelId,
    reachJobId: session.connection.reachJobId,

    async listRecentUploads(limit = 25) {
      const max = String(Math.max(1, Math.min(50, Math.floor(limit))));
      const q = new URLSearchParams({ part: "contentDetails", playlistId: session.connection.uploadsPlaylistId, maxResults: max });
      const page = await call<{ items?: { contentDetails?: { videoId?: string } }[] }>(
        "playlistItems.list",
        readId("playlistItems.list"),
        "Listing uploads",
        `${cfg.apiBase}/playlistItems?${q}`,
      );
      const ids = (page.items ?? []).map((i) => i.contentDetails?.videoId).filter((id): id is string => !!id);
      if (ids.length === 0) return [];
      // The playlist lacks privacy and schedule; one videos.list adds them for the whole page.
      const byId = new Map((await videoResources(ids, readId("videos.list"))).map((v) => [v.id, details(v)]));
      return ids.flatMap((id): UploadSummary[] => {
        const d = byId.get(id);
        return d
          ? [
              {
                id,
                title: d.title,
                publishedAt: d.publishedAt,
                privacyStatus: d.privacyStatus,
                publishAt: d.publishAt,
                thumbnailUrl: d.thumbnailUrl,
              },
            ]
          : [];
      });
    },

    async getVideo(videoId) {
      const [video] = await videoResources([videoId], readId("videos.list"));
      return video ? details(video) : null;
    },

    async setThumbnail(videoId, image, opts): Promise<ThumbnailResult> {
      const contentType = imageType(image);
      if (!contentType) throw new YouTubeError("invalid_request", "A thumbnail must be a PNG or a JPEG.");
      if (image.byteLength > MAX_THUMBNAIL_BYTES)
        throw new YouTubeError("invalid_request", `A thumbnail may be at most 2 MB; this one is ${image.byteLength} bytes.`);
      const body = new Uint8Array(image);
      const q = new URLSearchParams({ videoId, uploadType: "media" });
      const answer = await call<{ items?: Record<string, { url: string }>[] }>(
        "thumbnails.set",
        keyed(opts, "thumbnails.set"),
        "Setting the thumbnail",
        `${cfg.uploadBase}/thumbnails/set?${q}`,
        {
          method: "POST",
          headers: { "content-type": contentType },
          body,
        },
      );
      return {
        videoId,
        idempotencyKey: opts.idempotencyKey,
        contentType,
        sha256: await sha256Hex(body),
        bytes: body.byteLength,
        thumbnailUrl: bestThumbnail(answer.items?.[0]),
        appliedAt: session.now,
      };
    },

    async updateTitle(videoId, title, opts): Promise<TitleResult> {
      const wanted = title.trim();
      if (!wanted || wanted.length > 100 || /[<>]/.test(wanted))
        throw new YouTubeError("invalid_request", "A YouTube title is 1 to 100 characters without < or >.");
      const [video] = await videoResources([videoId], keyed(opts, "videos.list"));
      if (!video?.snippet) throw new YouTubeError("not_found", `YouTube has no video ${videoId}.`, 404);
      const s = video.snippet;
      const base = { videoId, idempotencyKey: opts.idempotencyKey, title: wanted, previousTitle: s.title, appliedAt: session.now };
      if (s.title === wanted) return { ...base, unchanged: true };
      // videos.update replaces every mutable snippet field: send them all back, changing only the title.
      const snippet = {
        title: wanted,
        categoryId: s.categoryId,
        description: s.description ?? "",
        ...(s.tags ? { tags: s.tags } : {}),
        ...(s.defaultLanguage ? { defaultLanguage: s.defaultLanguage } : {}),
        ...(s.defaultAudioLanguage ? { defaultAudioLanguage: s.defaultAudioLanguage } : {}),
      };
      await call("videos.update", keyed(opts, "videos.update"), "Updating the title", `${cfg.apiBase}/videos?part=snippet`, {
        method: "PUT",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ id: videoId, snippet }),
      });
      return { ...base, unchanged: false };
    },

    ensureReachJob: () => ensureReachJob(session, cfg.reportingBase),
    listReports: (jobId, opts) => listReports(session, cfg.reportingBase, jobId, opts?.createdAfter),
    downloadReport: (report) => downloadReport(session, cfg.reportingBase, report),
    queryWatchTime: (videoId, startDay, endDay) => queryWatchTime(session, cfg.analyticsBase, videoId, startDay, endDay),

    takeCharges() {
      const taken = charges;
      charges = [];
      return taken;
    },
  };
}
