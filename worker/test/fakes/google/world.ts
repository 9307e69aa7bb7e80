/// <reference types="node" />
// The fake's state. A "world" is one Google account with one channel, its own simulated clock,
// injected faults, Data API quota and event log, so test files running side by side never share
// a clock. The authorize request's login_hint picks the world ("default" without one); tokens
// remember theirs.
import { randomBytes } from "node:crypto";
import { addDays, pacificDay, pacificMidnight } from "../../../domain/youtube/pacific";
import { originalThumbnail } from "./originals";

const DAY = 86_400_000;
export const SCOPE = {
  forceSsl: "https://www.googleapis.com/auth/youtube.force-ssl",
  readonly: "https://www.googleapis.com/auth/youtube.readonly",
  youtube: "https://www.googleapis.com/auth/youtube",
  analytics: "https://www.googleapis.com/auth/yt-analytics.readonly",
};

export interface FakeVideo {
  id: string;
  snippet: {
    publishedAt: string;
    channelId: string;
    title: string;
    description: string;
    tags?: string[];
    categoryId: string;
    channelTitle: string;
    defaultLanguage?: string;
  };
  status: { uploadStatus: string; privacyStatus: "public" | "private" | "unlisted"; publishAt?: string; embeddable: boolean };
  contentDetails: { duration: string; definition: string };
  /** Typical daily impressions on a middling weekday once the launch boost has faded. */
  baseImpressions: number;
}

export interface ThumbnailChange {
  at: number;
  sha256: string;
  label: string | null;
  contentType: string;
  width: number;
  height: number;
  bytes: number;
}

export interface Grant {
  id: string;
  world: string;
  clientId: string;
  scopes: string[];
  refreshToken: string;
  refreshExpiresAt: number | null;
  revoked: boolean;
}

export type FaultKind = "expired_token" | "forbidden" | "quota_exceeded" | "server_error" | "invalid_grant";
export const FAULT_KINDS: FaultKind[] = ["expired_token", "forbidden", "quota_exceeded", "server_error", "invalid_grant"];

export interface LogEntry {
  seq: number;
  /** Simulated time (ISO) and its Pacific day. */
  at: string;
  day: string;
  event: string;
  [detail: string]: unknown;
}

export interface ReportJob {
  id: string;
  reportTypeId: string;
  name: string;
  createTime: string;
  createdAt: number;
}

export const newId = (prefix = "", bytes = 12) => `${prefix}${randomBytes(bytes).toString("base64url")}`;

export class World {
  readonly channel: { id: string; title: string; uploads: string; phoneVerified: boolean };
  readonly videos = new Map<string, FakeVideo>();
  /** Each video's uploads in time order; the first is the original thumbnail. */
  readonly thumbnails = new Map<string, ThumbnailChange[]>();
  readonly images = new Map<string, { contentType: string; bytes: Buffer }>();
  /** True behaviour per thumbnail (by sha256 of its bytes): CTR and average view duration. */
  readonly truth = new Map<string, { ctr: number; avgViewSeconds: number; label?: string }>();
  readonly faults: { op: string; kind: FaultKind; remaining: number }[] = [];
  readonly log: LogEntry[] = [];
  readonly quotaUsed = new Map<string, number>();
  readonly jobs: ReportJob[] = [];
  /** Extra versions of a day's report, created by POST /__control/reissue: day -> creation times. */
  readonly reissues = new Map<string, number[]>();
  quotaLimit = 10_000;
  consent: "approve" | "deny" | "readonly_only" = "approve";
  /** Google's Testing publishing status: refresh tokens die after 7 days. null = in production. */
  refreshLifetimeMs: number | null = null;
  /** sim = clock.sim + (real − clock.real) × speed; it starts at sim = real = epoch (see ClockSpec). */
  private clock: { sim: number; real: number; speed: number };

  constructor(
    readonly name: string,
    readonly spec: ClockSpec = { speed: 1, epoch: Date.now() },
  ) {
    this.clock = { sim: spec.epoch, real: spec.epoch, speed: spec.speed };
    const startMs = this.now();
    const id = `UC${Buffer.from(name).toString("base64url").padEnd(22, "x").slice(0, 22)}`;
    this.channel = { id, title: `Fake channel (${name})`, uploads: `UU${id.slice(2)}`, phoneVerified: true };
    const videos: [string, string, number, FakeVideo["status"]["privacyStatus"], number][] = [
      ["fkVidLaunch", "I rebuilt my desk setup for $200", 1, "public", 1800],
      ["fkVidRecent", "5 espresso mistakes everyone makes", 4, "public", 2400],
      ["fkVidSteady", "Home coffee gear tier list", 12, "public", 3000],
      ["fkVidOlder1", "The truth about cold brew", 40, "public", 900],
      ["fkVidPrivat", "Draft: behind the scenes", 2, "private", 0],
      ["fkVidSched1", "Premiere: latte art in 60 seconds", -2, "private", 1500],
    ];
    for (const [vid, title, ageDays, privacy, base] of videos) {
      const published = startMs - ageDays * DAY;
      this.videos.set(vid, {
        id: vid,
        snippet: {
          publishedAt: new Date(Math.min(published, startMs)).toISOString(),
          channelId: id,
          title,
          description: `${title}.\n\nGear list and chapters below.\n00:00 Intro`,
          tags: ["coffee", "espresso", vid.toLowerCase()],
          categoryId: "26",
          channelTitle: this.channel.title,
          defaultLanguage: "en",
        },
        status: {
          uploadStatus: "processed",
          privacyStatus: privacy,
          embeddable: true,
          ...(ageDays < 0 ? { publishAt: new Date(published).toISOString() } : {}),
        },
        contentDetails: { duration: "PT9M41S", definition: "hd" },
        baseImpressions: base,
      });
      this.addOriginal(vid);
    }
    // Someone else's video, for "does this video belong to the connected channel?".
    this.videos.set("fkVidOthers", { ...structuredClone(this.videos.get("fkVidSteady")!), id: "fkVidOthers", baseImpressions: 0 });
    this.videos.get("fkVidOthers")!.snippet.channelId = "UCsomebodyElse00000000";
    this.addOriginal("fkVidOthers");
  }

  /** A video's first thumbnail: real PNG bytes, served like an upload, whose true label is "original". */
  private addOriginal(videoId: string) {
    const o = originalThumbnail(videoId);
    this.images.set(o.sha256, { contentType: o.contentType, bytes: o.bytes });
    this.truth.set(o.sha256, { ctr: 0.045, avgViewSeconds: 250, label: "original" });
    this.thumbnails.set(videoId, [
      { at: 0, sha256: o.sha256, label: "original", contentType: o.contentType, width: o.width, height: o.height, bytes: o.bytes.length },
    ]);
  }

  now(): number {
    return this.clock.sim + (Date.now() - this.clock.real) * this.clock.speed;
  }

  /**
   * Moves this world's clock (POST /__control/clock). Tests that drive the clock themselves use
   * it; after it, this world no longer agrees with a Worker running on YOUTUBE_CLOCK_EPOCH and
   * YOUTUBE_DAY_SECONDS, until `align()`.
   */
  setClock(simMs: number, speed = this.clock.speed) {
    this.clock = { sim: simMs, real: Date.now(), speed };
  }

  /** Back to the shared mapping sim = epoch + (real − epoch) × speed. */
  align() {
    this.clock = { sim: this.spec.epoch, real: this.spec.epoch, speed: this.spec.speed };
  }

  /** Whether this world still reads the same time as a Worker configured with the shared epoch and speed. */
  aligned(): boolean {
    const c = this.clock;
    return c.speed === this.spec.speed && Math.abs(c.sim - (this.spec.epoch + (c.real - this.spec.epoch) * c.speed)) < 1;
  }

  clockState() {
    const now = this.now();
    return {
      now: new Date(now).toISOString(),
      pacific_day: pacificDay(now),
      speed: this.clock.speed,
      epoch: this.spec.epoch,
      aligned: this.aligned(),
    };
  }

  record(event: string, detail: Record<string, unknown> = {}): LogEntry {
    const now = this.now();
    const entry = { seq: this.log.length + 1, at: new Date(now).toISOString(), day: pacificDay(now), event, ...detail };
    this.log.push(entry);
    return entry;
  }

  /** Consumes one injected fault for an operation ("*" matches any), if one is armed. */
  takeFault(op: string): FaultKind | null {
    const fault = this.faults.find((f) => (f.op === op || f.op === "*") && f.remaining > 0);
    if (!fault) return null;
    fault.remaining--;
    this.record("fault.injected", { op, kind: fault.kind });
    return fault.kind;
  }

  /** Charges Data API units for today, or answers false when the project's quota is spent. */
  charge(units: number): boolean {
    const day = pacificDay(this.now());
    const used = this.quotaUsed.get(day) ?? 0;
    if (used + units > this.quotaLimit) return false;
    this.quotaUsed.set(day, used + units);
    return true;
  }

  /** The thumbnail live at an instant. */
  liveAt(videoId: string, ms: number): ThumbnailChange {
    const changes = this.thumbnails.get(videoId) ?? [];
    let live = changes[0]!;
    for (const c of changes) if (c.at <= ms) live = c;
    return live;
  }

  /** Which thumbnails were live during a Pacific day, with the share of the day each had. */
  sharesOfDay(videoId: string, day: string): { change: ThumbnailChange; share: number }[] {
    const start = pacificMidnight(day);
    const end = pacificMidnight(addDays(day, 1));
    const cuts = [start, ...(this.thumbnails.get(videoId) ?? []).map((c) => c.at).filter((at) => at > start && at < end), end];
    const shares = new Map<ThumbnailChange, number>();
    for (let i = 0; i + 1 < cuts.length; i++) {
      const live = this.liveAt(videoId, cuts[i]!);
      shares.set(live, (shares.get(live) ?? 0) + (cuts[i + 1]! - cuts[i]!) / (end - start));
    }
    return [...shares].map(([change, share]) => ({ change, share }));
  }

  truthOf(sha: string) {
    const known = this.truth.get(sha);
    if (known) return known;
    // An unknown variant gets a stable CTR between 3% and 9% from its hash.
    const u = parseInt(sha.slice(0, 8), 16) / 2 ** 32;
    return { ctr: 0.03 + 0.06 * u, avgViewSeconds: 180 + Math.round(120 * u) };
  }
}

/**
 * Every world's clock: sim = epoch + (real − epoch) × speed, the same mapping as the Worker's
 * YOUTUBE_CLOCK_EPOCH and YOUTUBE_DAY_SECONDS (speed = 86400 / day seconds), so that a swap the
 * Worker makes at its "midnight Pacific" lands on the fake's midnight too.
 */
export interface ClockSpec {
  /** Simulated seconds per real second: 1440 makes a day last a minute. */
  speed: number;
  /** ms since 1970 where simulated and real time coincide. */
  epoch: number;
}

/** Every world, plus the token and code tables that say which world a credential belongs to. */
export class Worlds {
  readonly worlds = new Map<string, World>();
  readonly grants = new Map<string, Grant>();
  readonly refreshTokens = new Map<string, string>();
  readonly accessTokens = new Map<string, { grantId: string; expiresAt: number }>();
  readonly codes = new Map<
    string,
    { grantId: string; redirectUri: string; challenge: string | null; method: string | null; expiresAt: number; used: boolean }
  >();
  base = "";

  constructor(readonly clock: ClockSpec = { speed: 1, epoch: Date.now() }) {}

  get(name: string): World {
    let world = this.worlds.get(name);
    if (!world) this.worlds.set(name, (world = new World(name, this.clock)));
    return world;
  }

  /** The grant and world behind a bearer access token, or null when it is unknown, revoked or expired. */
  fromAccessToken(token: string | undefined): { grant: Grant; world: World } | null {
    const access = token && this.accessTokens.get(token);
    const grant = access && this.grants.get(access.grantId);
    if (!access || !grant || grant.revoked) return null;
    const world = this.get(grant.world);
    return access.expiresAt > world.now() ? { grant, world } : null;
  }
}
