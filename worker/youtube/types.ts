// What the YouTube integration offers the rest of the Worker (routes, and the workflow's Durable
// Object for rotations). Every method may throw YouTubeError; see errors.ts for what each kind asks of the caller.
import type { QuotaCharge } from "../domain/youtube/quota";
import type { ReachReportVersion } from "../domain/youtube/reach-csv";

export interface MutationOptions {
  /**
   * Names the change, e.g. `${workflowId}:swap:2026-11-21`. Quota charges are keyed by it (with
   * the attempt), so recording them again after a retried alarm counts nothing twice.
   */
  idempotencyKey: string;
  /**
   * Bump it when retrying a call that may have reached Google: Google charged that call too, so it
   * needs its own ledger row. Default 1.
   */
  attempt?: number;
}

export interface UploadSummary {
  id: string;
  title: string;
  publishedAt: string;
  privacyStatus: string;
  /** For scheduled videos: when they go public. */
  publishAt: string | null;
  thumbnailUrl: string | null;
}

export interface VideoDetails extends UploadSummary {
  channelId: string;
  /** False when the video exists but is not on the connected channel. */
  ownedByChannel: boolean;
  description: string;
  tags: string[];
  categoryId: string;
  defaultLanguage: string | null;
  durationIso: string | null;
}

export interface ThumbnailResult {
  videoId: string;
  idempotencyKey: string;
  contentType: "image/png" | "image/jpeg";
  sha256: string;
  bytes: number;
  /** The largest thumbnail URL YouTube returned: its answer is the proof the upload was taken. */
  thumbnailUrl: string | null;
  appliedAt: number;
}

export interface TitleResult {
  videoId: string;
  idempotencyKey: string;
  title: string;
  previousTitle: string;
  /** True when the title was already this: nothing was sent (a retried swap costs 1 unit, not 51). */
  unchanged: boolean;
  appliedAt: number;
}

export interface ReportingJob {
  id: string;
  reportTypeId: string;
  createTime: string;
}

export interface ReportFile {
  id: string;
  jobId: string;
  startTime: string;
  endTime: string;
  createTime: string;
  downloadUrl: string;
}

export interface WatchTimeDay {
  day: string;
  views: number;
  estimatedMinutesWatched: number;
  averageViewDurationSeconds: number;
}

export interface YouTubeChannel {
  readonly channelId: string;
  /** The channel's reach reporting job, as stored on connect; null until it exists. */
  readonly reachJobId: string | null;
  listRecentUploads(limit?: number): Promise<UploadSummary[]>;
  /** null when YouTube has no such video (deleted, or a typo). */
  getVideo(videoId: string): Promise<VideoDetails | null>;
  /** Uploads a PNG or JPEG (≤ 2 MB; 1280×720 recommended); 50 units. */
  setThumbnail(videoId: string, image: Uint8Array, opts: MutationOptions): Promise<ThumbnailResult>;
  /** Read-modify-write of the snippet, so description, tags and category survive; 51 units (1 when unchanged). */
  updateTitle(videoId: string, title: string, opts: MutationOptions): Promise<TitleResult>;
  /** Finds or creates the channel_reach_basic_a1 job; safe to call on every connect. */
  ensureReachJob(): Promise<ReportingJob>;
  /** Every report of a job (all pages), optionally only those created after an RFC 3339 time. */
  listReports(jobId: string, opts?: { createdAfter?: string }): Promise<ReportFile[]>;
  downloadReport(report: ReportFile): Promise<ReachReportVersion>;
  /** Views and watch time per Pacific day (YYYY-MM-DD, inclusive); days without views are absent. */
  queryWatchTime(videoId: string, startDay: string, endDay: string): Promise<WatchTimeDay[]>;
  /**
   * The Data API charges of the calls made since the last take (failed calls included, since
   * Google charges them). The caller records them with recordCharges after committing its own state.
   */
  takeCharges(): QuotaCharge[];
}
