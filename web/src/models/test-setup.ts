// How the A/B test will run, chosen at thumbnail selection: simulated viewers, numbers pushed by
// the creator's tools, or a rotation on the creator's own YouTube video (the video, its check,
// what varies, the titles and the length). The request body is derived here, in one place.
import { computed, createModel, signal } from "@preact/signals";
import type { z } from "zod";
import type { RotationVary, SelectThumbnailRequest, YouTubeVideoCheck } from "../../../worker/shared/contract";
import type { YouTubeUploads } from "../../../worker/shared/youtube";
import { api, errorText } from "../api/client";
import type { WorkflowState } from "../api/types";

export type TestSource = "simulated" | "external" | "youtube";
export type SelectBody = z.input<typeof SelectThumbnailRequest>;
export type Upload = YouTubeUploads["items"][number];

/** The rotation design's default length: 14 days for 2 variants, 21 for 3 (a week per variant). */
export const defaultDays = (variants: number) => (variants <= 2 ? 14 : 7 * variants);
export const MIN_DAYS = 4;
export const MAX_DAYS = 63;

type WorkflowScripts = Pick<WorkflowState, "scripts" | "script_revisions" | "approved_script_id" | "thumbnails">;

/**
 * The title each variant shows when titles vary: the approved script's title for the pick, the
 * other current scripts' titles (in order) for the rest; "" where there is none left to offer.
 */
export function defaultTitles(wf: WorkflowScripts, pickId: string): Record<string, string> {
  const approved =
    wf.scripts.find((s) => s.id === wf.approved_script_id) ??
    wf.script_revisions.flatMap((r) => r.scripts).find((s) => s.id === wf.approved_script_id);
  const others = wf.scripts.filter((s) => s.id !== approved?.id && s.title.trim() && s.title.trim() !== approved?.title.trim());
  const out: Record<string, string> = {};
  let next = 0;
  for (const t of wf.thumbnails) {
    if (t.id === pickId) out[t.id] = approved?.title.trim() ?? "";
    else out[t.id] = others[next++]?.title.trim() ?? "";
  }
  return out;
}

export const titlesVary = (vary: RotationVary) => vary !== "thumbnail";

export interface SetupInput {
  pickId: string;
  source: TestSource;
  video: string;
  vary: RotationVary;
  days: number;
  titles: Record<string, string>;
}

/** The select-thumbnail request: a YouTube rotation carries its settings, the other sources only their name. */
export function selectBody(s: SetupInput): SelectBody {
  if (s.source !== "youtube") return { thumbnail_id: s.pickId, analytics_source: s.source };
  return {
    thumbnail_id: s.pickId,
    analytics_source: "youtube",
    youtube: {
      video: s.video.trim(),
      vary: s.vary,
      days: s.days,
      ...(titlesVary(s.vary) ? { titles: Object.fromEntries(Object.entries(s.titles).map(([k, v]) => [k, v.trim()])) } : {}),
    },
  };
}

/** Why a YouTube rotation cannot start yet, in words (empty: it can). */
export function blockers(s: SetupInput, check: { ref: string; result: YouTubeVideoCheck } | null): string[] {
  if (s.source !== "youtube") return [];
  const out: string[] = [];
  if (!s.video.trim()) out.push("Choose your video.");
  else if (!check || check.ref !== s.video.trim()) out.push("Check the video first.");
  else if (!check.result.ok) out.push("This video cannot be used (see above).");
  if (!Number.isInteger(s.days) || s.days < MIN_DAYS || s.days > MAX_DAYS) out.push(`Choose ${MIN_DAYS} to ${MAX_DAYS} days.`);
  if (titlesVary(s.vary) && Object.values(s.titles).some((t) => !t.trim())) out.push("Give every variant a title.");
  return out;
}

export const TestSetupModel = createModel((workflow: () => WorkflowScripts) => {
  const pickId = signal("");
  const source = signal<TestSource>("simulated");
  const video = signal("");
  const vary = signal<RotationVary>("thumbnail");
  const days = signal(defaultDays(workflow().thumbnails.length));
  /** Titles the creator typed, over the defaults for the current pick. */
  const edited = signal<Record<string, string>>({});
  const uploads = signal<Upload[] | null>(null);
  const uploadsError = signal<string | null>(null);
  const check = signal<{ ref: string; result: YouTubeVideoCheck } | null>(null);
  const checking = signal(false);
  const checkError = signal<unknown>(null);

  const titles = computed(() => ({ ...defaultTitles(workflow(), pickId.value), ...edited.value }));
  const input = computed<SetupInput>(() => ({
    pickId: pickId.value,
    source: source.value,
    video: video.value,
    vary: vary.value,
    days: days.value,
    titles: titles.value,
  }));
  const body = computed(() => selectBody(input.value));
  const blocked = computed(() => blockers(input.value, check.value));

  return {
    pickId,
    source,
    video,
    vary,
    days,
    edited,
    uploads,
    uploadsError,
    check,
    checking,
    checkError,
    titles,
    body,
    blocked,
    setTitle(id: string, title: string) {
      edited.value = { ...edited.peek(), [id]: title };
    },
    async loadUploads() {
      uploadsError.value = null;
      try {
        uploads.value = (await api<YouTubeUploads>("GET", "/youtube/videos?limit=12")).items;
      } catch (e) {
        uploadsError.value = errorText(e);
      }
    },
    /** Asks the server whether the video can be linked: on this channel, public or scheduled, and how old. */
    async checkVideo(ref = video.peek()) {
      const r = ref.trim();
      video.value = r;
      if (!r) return;
      checking.value = true;
      checkError.value = null;
      try {
        const result = await api<YouTubeVideoCheck>("GET", `/youtube/videos/check?video=${encodeURIComponent(r)}`);
        if (video.peek() === r) check.value = { ref: r, result };
      } catch (e) {
        check.value = null;
        checkError.value = e;
      } finally {
        checking.value = false;
      }
    },
  };
});
export type TestSetup = InstanceType<typeof TestSetupModel>;
