/// <reference types="node" />
// YouTube Data API v3 for the signed-in channel: channels.list (mine), playlistItems.list (the
// uploads playlist), videos.list, videos.update (part=snippet, which overwrites the whole snippet
// as Google does) and thumbnails.set (a PNG or JPEG of at most 2 MB).
import type { IncomingMessage, ServerResponse } from "node:http";
import { authorizeCall, badRequest, chargeOrRefuse } from "./auth";
import { ERRORS, googleError, readBytes, readJson, send } from "./http";
import { inspectImage, MAX_THUMBNAIL_BYTES } from "./image";
import { SCOPE, type FakeVideo, type World, type Worlds } from "./world";

const READ = [SCOPE.readonly, SCOPE.forceSsl, SCOPE.youtube];
const WRITE = [SCOPE.forceSsl, SCOPE.youtube];
const etag = () => `"${Math.random().toString(36).slice(2)}"`;

/** Where the fake serves a thumbnail's bytes (GET answers them with their own content type). */
export const thumbnailUrl = (base: string, videoId: string, t: { sha256: string; contentType: string }) =>
  `${base}/vi/${videoId}/${t.sha256}.${t.contentType === "image/png" ? "png" : "jpg"}`;

function thumbnailSet(worlds: Worlds, world: World, videoId: string) {
  const url = thumbnailUrl(worlds.base, videoId, world.liveAt(videoId, world.now()));
  const size = (w: number, h: number) => ({ url, width: w, height: h });
  return { default: size(120, 90), medium: size(320, 180), high: size(480, 360), standard: size(640, 480), maxres: size(1280, 720) };
}

function videoResource(worlds: Worlds, world: World, v: FakeVideo, parts: string[]) {
  const out: Record<string, unknown> = { kind: "youtube#video", etag: etag(), id: v.id };
  if (parts.includes("snippet"))
    out.snippet = {
      ...v.snippet,
      thumbnails: thumbnailSet(worlds, world, v.id),
      localized: { title: v.snippet.title, description: v.snippet.description },
    };
  if (parts.includes("status")) out.status = v.status;
  if (parts.includes("contentDetails")) out.contentDetails = v.contentDetails;
  return out;
}

const partsOf = (q: URLSearchParams) =>
  (q.get("part") ?? "")
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean);

export async function dataApi(worlds: Worlds, req: IncomingMessage, res: ServerResponse, path: string): Promise<boolean> {
  const q = new URL(req.url ?? "/", "http://fake").searchParams;
  const method = req.method ?? "GET";

  if (method === "GET" && path === "/youtube/v3/channels") {
    const call = authorizeCall(worlds, req, res, "channels.list", READ);
    if (!call || !chargeOrRefuse(call.world, res, "channels.list", 1)) return true;
    if (!partsOf(q).length) return (badRequest(res, "required", "Required parameter: part"), true);
    if (q.get("mine") !== "true")
      return (badRequest(res, "missingRequiredParameter", "No filter selected. Expected one of: mine, id, forHandle"), true);
    const c = call.world.channel;
    return (
      send(res, 200, {
        kind: "youtube#channelListResponse",
        etag: etag(),
        pageInfo: { totalResults: 1, resultsPerPage: 5 },
        items: [
          {
            kind: "youtube#channel",
            etag: etag(),
            id: c.id,
            snippet: { title: c.title, description: "", customUrl: `@${call.world.name}`, publishedAt: "2020-01-01T00:00:00Z" },
            contentDetails: { relatedPlaylists: { likes: "", uploads: c.uploads } },
          },
        ],
      }),
      true
    );
  }

  if (method === "GET" && path === "/youtube/v3/playlistItems") {
    const call = authorizeCall(worlds, req, res, "playlistItems.list", READ);
    if (!call || !chargeOrRefuse(call.world, res, "playlistItems.list", 1)) return true;
    const { world } = call;
    if (q.get("playlistId") !== world.channel.uploads)
      return (
        googleError(
          res,
          404,
          "playlistNotFound",
          "The playlist identified with the request's <code>playlistId</code> parameter cannot be found.",
          "youtube.playlistItem",
        ),
        true
      );
    const all = [...world.videos.values()]
      .filter((v) => v.snippet.channelId === world.channel.id)
      .sort((a, b) => (a.snippet.publishedAt < b.snippet.publishedAt ? 1 : -1));
    const max = Math.min(50, Number(q.get("maxResults") ?? 5));
    const start = Number(q.get("pageToken")?.replace("page", "") ?? 0);
    const page = all.slice(start, start + max);
    return (
      send(res, 200, {
        kind: "youtube#playlistItemListResponse",
        etag: etag(),
        ...(start + max < all.length ? { nextPageToken: `page${start + max}` } : {}),
        pageInfo: { totalResults: all.length, resultsPerPage: max },
        items: page.map((v, i) => ({
          kind: "youtube#playlistItem",
          etag: etag(),
          id: `PLI${v.id}`,
          snippet: {
            publishedAt: v.snippet.publishedAt,
            channelId: world.channel.id,
            title: v.snippet.title,
            description: v.snippet.description,
            thumbnails: thumbnailSet(worlds, world, v.id),
            playlistId: world.channel.uploads,
            position: start + i,
            resourceId: { kind: "youtube#video", videoId: v.id },
          },
          contentDetails: { videoId: v.id, videoPublishedAt: v.status.publishAt ?? v.snippet.publishedAt },
        })),
      }),
      true
    );
  }

  if (method === "GET" && path === "/youtube/v3/videos") {
    const call = authorizeCall(worlds, req, res, "videos.list", READ);
    if (!call || !chargeOrRefuse(call.world, res, "videos.list", 1)) return true;
    const parts = partsOf(q);
    if (!parts.length) return (badRequest(res, "required", "Required parameter: part"), true);
    const items = (q.get("id") ?? "").split(",").flatMap((id) => call.world.videos.get(id) ?? []);
    return (
      send(res, 200, {
        kind: "youtube#videoListResponse",
        etag: etag(),
        items: items.map((v) => videoResource(worlds, call.world, v, parts)),
        pageInfo: { totalResults: items.length, resultsPerPage: items.length },
      }),
      true
    );
  }

  if (method === "PUT" && path === "/youtube/v3/videos") {
    const call = authorizeCall(worlds, req, res, "videos.update", WRITE);
    if (!call || !chargeOrRefuse(call.world, res, "videos.update", 50)) return true;
    const { world } = call;
    if (partsOf(q).join(",") !== "snippet") return (badRequest(res, "invalidPart", "This fake supports part=snippet only."), true);
    const body = await readJson<{ id?: string; snippet?: Partial<FakeVideo["snippet"]> }>(req);
    if (!body) return (badRequest(res, "parseError", "Parse Error"), true);
    const video = body.id ? world.videos.get(body.id) : undefined;
    if (!body.id || !video)
      return (googleError(res, 404, "videoNotFound", "The video that you are trying to update cannot be found.", "youtube.video"), true);
    if (video.snippet.channelId !== world.channel.id)
      return (ERRORS.forbidden(res, "The video that you are trying to update is not yours."), true);
    const s = body.snippet ?? {};
    if (!s.title || s.title.length > 100 || /[<>]/.test(s.title))
      return (badRequest(res, "invalidTitle", "The request metadata specifies an invalid or empty video title."), true);
    if (!s.categoryId)
      return (badRequest(res, "invalidCategoryId", "The snippet.categoryId property specifies an invalid category ID."), true);
    const before = { title: video.snippet.title, description: video.snippet.description, tags: video.snippet.tags };
    // Like Google: every mutable snippet field takes the value sent, and a field left out is cleared.
    video.snippet = {
      ...video.snippet,
      title: s.title,
      description: s.description ?? "",
      categoryId: s.categoryId,
      tags: s.tags,
      defaultLanguage: s.defaultLanguage,
    };
    world.record("videos.update", {
      video_id: video.id,
      title: s.title,
      before,
      description_kept: before.description === video.snippet.description,
      tags_kept: JSON.stringify(before.tags) === JSON.stringify(video.snippet.tags),
    });
    return (send(res, 200, videoResource(worlds, world, video, ["snippet"])), true);
  }

  if (method === "POST" && path === "/upload/youtube/v3/thumbnails/set") {
    const call = authorizeCall(worlds, req, res, "thumbnails.set", WRITE);
    if (!call) return true;
    const { world } = call;
    const video = world.videos.get(q.get("videoId") ?? "");
    if (!video)
      return (
        googleError(res, 404, "videoNotFound", "The video that you are trying to update cannot be found.", "youtube.thumbnail"),
        true
      );
    if (!world.channel.phoneVerified)
      return (ERRORS.forbidden(res, "The authenticated user doesn't have permissions to upload and set custom video thumbnails."), true);
    if (video.snippet.channelId !== world.channel.id)
      return (ERRORS.forbidden(res, "The thumbnail can't be set for the specified video."), true);
    const bytes = await readBytes(req, MAX_THUMBNAIL_BYTES);
    if (!bytes) return (googleError(res, 413, "mediaBodyTooLarge", "Media larger than 2097152 bytes is not allowed.", "global"), true);
    if (!chargeOrRefuse(world, res, "thumbnails.set", 50)) return true;
    const contentType = (req.headers["content-type"] ?? "").split(";")[0]!.trim().toLowerCase();
    if (contentType !== "image/png" && contentType !== "image/jpeg")
      return (badRequest(res, "invalidImage", `The content type '${contentType}' is not image/png or image/jpeg.`), true);
    const facts = inspectImage(bytes, contentType);
    if (typeof facts === "string") return (badRequest(res, "invalidImage", `The provided image content is invalid: ${facts}.`), true);
    world.images.set(facts.sha256, { contentType, bytes });
    // The truth label says what these bytes are ("original" when a video's own first thumbnail comes back).
    const label = world.truth.get(facts.sha256)?.label ?? null;
    const replaced = world.liveAt(video.id, world.now());
    world.thumbnails
      .get(video.id)!
      .push({ at: world.now(), sha256: facts.sha256, label, contentType, width: facts.width, height: facts.height, bytes: facts.bytes });
    world.record("thumbnails.set", {
      video_id: video.id,
      sha256: facts.sha256,
      label,
      content_type: contentType,
      width: facts.width,
      height: facts.height,
      bytes: facts.bytes,
      replaced: { sha256: replaced.sha256, label: replaced.label },
    });
    return (send(res, 200, { kind: "youtube#thumbnailSetResponse", etag: etag(), items: [thumbnailSet(worlds, world, video.id)] }), true);
  }
  return false;
}
