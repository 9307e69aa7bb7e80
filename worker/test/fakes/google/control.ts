/// <reference types="node" />
// The test and demo controls, under /__control/ and ?world=<name> (default "default"):
//   GET  clock | POST clock {set?, advance_days?, advance_hours?, advance_ms?, speed?} | POST clock {align: true}
//        (moving a world's clock breaks its alignment with a Worker on YOUTUBE_CLOCK_EPOCH and
//        YOUTUBE_DAY_SECONDS; fine for tests that drive both clocks, undone by {align: true})
//   POST faults {op, kind, times?} (op: "thumbnails.set", "videos.update", "videos.list", "oauth.token",
//        "reporting.reports.list", ..., or "*"; kind: expired_token | forbidden | quota_exceeded |
//        server_error | invalid_grant) | DELETE faults
//   POST consent {mode: approve | deny | readonly_only}
//   POST truth {sha256, ctr, avg_view_seconds?, label?}   the true CTR of a thumbnail (by its bytes' hash)
//   POST live {video_id, sha256, label?}                 put a thumbnail live without an upload
//   POST delete-video {video_id}                         the creator deletes the video (Data API calls on it answer 404)
//   POST small-original {video_id}                      the video's thumbnail becomes a 480×360 copy (no maxres)
//   POST testing-mode {refresh_days}                      refresh tokens die after that many days (null: never)
//   POST expire-refresh-tokens                            every refresh token of the world stops working
//   POST quota {daily_limit} | POST channel {phone_verified} | POST reissue {day}
//   GET  log?since=<seq>&event=<name> | GET state
import type { IncomingMessage, ServerResponse } from "node:http";
import { isDay, pacificDay } from "../../../domain/youtube/pacific";
import { thumbnailUrl } from "./data-api";
import { readJson, send } from "./http";
import { sha256 } from "./image";
import { encodePng } from "./originals";
import { FAULT_KINDS, type FaultKind, type Worlds } from "./world";

type Body = Record<string, unknown>;

export async function control(worlds: Worlds, req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
  const q = new URL(req.url ?? "/", "http://fake").searchParams;
  const world = worlds.get(q.get("world") || "default");
  const name = path.slice("/__control/".length);
  const method = req.method ?? "GET";
  const body = method === "POST" ? ((await readJson<Body>(req)) ?? {}) : {};
  const bad = (message: string) => send(res, 400, { error: message });
  const num = (key: string) => (typeof body[key] === "number" ? (body[key] as number) : undefined);

  switch (`${method} ${name}`) {
    case "GET clock":
      return send(res, 200, world.clockState());
    case "POST clock": {
      if (body.align === true) {
        world.align();
        world.record("clock.set", world.clockState());
        return send(res, 200, world.clockState());
      }
      let now = typeof body.set === "string" ? Date.parse(body.set) : world.now();
      if (Number.isNaN(now)) return bad("set must be an ISO date-time");
      now += (num("advance_days") ?? 0) * 86_400_000 + (num("advance_hours") ?? 0) * 3_600_000 + (num("advance_ms") ?? 0);
      world.setClock(now, num("speed"));
      world.record("clock.set", world.clockState());
      return send(res, 200, world.clockState());
    }
    case "POST faults": {
      const kind = body.kind as FaultKind;
      if (typeof body.op !== "string" || !FAULT_KINDS.includes(kind))
        return bad(`op is required; kind is one of ${FAULT_KINDS.join(", ")}`);
      world.faults.push({ op: body.op, kind, remaining: num("times") ?? 1 });
      return send(res, 200, { armed: world.faults.filter((f) => f.remaining > 0) });
    }
    case "DELETE faults":
      world.faults.length = 0;
      return send(res, 200, { armed: [] });
    case "POST consent":
      if (!["approve", "deny", "readonly_only"].includes(body.mode as string)) return bad("mode is approve, deny or readonly_only");
      world.consent = body.mode as typeof world.consent;
      return send(res, 200, { mode: world.consent });
    case "POST truth": {
      const ctr = num("ctr");
      if (typeof body.sha256 !== "string" || ctr === undefined || ctr < 0 || ctr > 1) return bad("sha256 and ctr (0-1) are required");
      world.truth.set(body.sha256, {
        ctr,
        avgViewSeconds: num("avg_view_seconds") ?? 240,
        label: typeof body.label === "string" ? body.label : undefined,
      });
      return send(res, 200, { sha256: body.sha256, ...world.truth.get(body.sha256) });
    }
    case "POST live": {
      const history = world.thumbnails.get(body.video_id as string);
      if (!history || typeof body.sha256 !== "string") return bad("video_id (a video of this world) and sha256 are required");
      const label = typeof body.label === "string" ? body.label : (world.truth.get(body.sha256)?.label ?? null);
      const known = world.images.get(body.sha256); // e.g. a video's original: its URL then serves it
      const contentType = known?.contentType ?? "image/png";
      history.push({ at: world.now(), sha256: body.sha256, label, contentType, width: 1280, height: 720, bytes: known?.bytes.length ?? 0 });
      world.record("thumbnail.live", { video_id: body.video_id, sha256: body.sha256, label, by: "control" });
      return send(res, 200, { ok: true });
    }
    case "POST small-original": {
      // A video whose only thumbnail copy is 480×360 (YouTube's hqdefault when no maxres exists).
      const history = world.thumbnails.get(body.video_id as string);
      if (!history) return bad("video_id (a video of this world) is required");
      const bytes = encodePng(480, 360, (x, y) => [(x * 3) & 255, (y * 5) & 255, 90]);
      const sha = sha256(bytes);
      world.images.set(sha, { contentType: "image/png", bytes });
      history.push({
        at: world.now(),
        sha256: sha,
        label: "original",
        contentType: "image/png",
        width: 480,
        height: 360,
        bytes: bytes.length,
      });
      world.record("thumbnail.live", { video_id: body.video_id, sha256: sha, label: "original", by: "control", width: 480, height: 360 });
      return send(res, 200, { sha256: sha });
    }
    case "POST delete-video": {
      if (!world.videos.delete(body.video_id as string)) return bad("video_id (a video of this world) is required");
      world.record("video.deleted", { video_id: body.video_id });
      return send(res, 200, { deleted: body.video_id });
    }
    case "POST testing-mode":
      world.refreshLifetimeMs = body.refresh_days === null ? null : (num("refresh_days") ?? 7) * 86_400_000;
      return send(res, 200, { refresh_days: world.refreshLifetimeMs === null ? null : world.refreshLifetimeMs / 86_400_000 });
    case "POST expire-refresh-tokens": {
      let n = 0;
      for (const g of worlds.grants.values()) if (g.world === world.name && !g.revoked) ((g.refreshExpiresAt = world.now()), n++);
      world.record("oauth.refresh_tokens_expired", { grants: n });
      return send(res, 200, { expired: n });
    }
    case "POST quota":
      if (!num("daily_limit")) return bad("daily_limit is required");
      world.quotaLimit = num("daily_limit")!;
      return send(res, 200, { daily_limit: world.quotaLimit });
    case "POST channel":
      world.channel.phoneVerified = body.phone_verified !== false;
      return send(res, 200, world.channel);
    case "POST reissue": {
      if (typeof body.day !== "string" || !isDay(body.day)) return bad("day (YYYY-MM-DD) is required");
      world.reissues.set(body.day, [...(world.reissues.get(body.day) ?? []), world.now()]);
      world.record("reporting.reissue", { report_day: body.day });
      return send(res, 200, { day: body.day });
    }
    case "GET log": {
      const since = Number(q.get("since") ?? 0);
      const event = q.get("event");
      return send(
        res,
        200,
        world.log.filter((e) => e.seq > since && (!event || e.event === event)),
      );
    }
    case "GET state": {
      const now = world.now();
      return send(res, 200, {
        world: world.name,
        clock: world.clockState(),
        channel: world.channel,
        quota: { day: pacificDay(now), used: world.quotaUsed.get(pacificDay(now)) ?? 0, limit: world.quotaLimit },
        videos: [...world.videos.values()].map((v) => {
          const live = world.liveAt(v.id, now);
          const history = world.thumbnails.get(v.id) ?? [];
          return {
            id: v.id,
            title: v.snippet.title,
            description: v.snippet.description,
            tags: v.snippet.tags ?? null,
            privacy: v.status.privacyStatus,
            live_thumbnail: {
              sha256: live.sha256,
              label: live.label,
              is_original: live.sha256 === history[0]?.sha256,
              width: live.width,
              height: live.height,
              url: thumbnailUrl(worlds.base, v.id, live),
              since: live.at ? new Date(live.at).toISOString() : null,
            },
            thumbnail_changes: history.length - 1,
          };
        }),
        jobs: world.jobs,
      });
    }
  }
  send(res, 404, { error: `no control ${method} /__control/${name}` });
}
