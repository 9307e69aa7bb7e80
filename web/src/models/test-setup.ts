// How the A/B test will run, chosen at thumbnail selection: simulated viewers, numbers pushed by
// the creator's tools, or a rotation on the creator's own YouTube video (the video, its check,
// which thumbnails take turns, what varies, the titles and the length). The request body is
// derived here, in one place.
import { batch, computed, createModel, signal } from "@preact/signals";
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
 * The thumbnails a rotation tests, in the workflow's order: all of them, or the pick and `pair`
 * (the one other the creator chose). Without a pick, or with a pair that cannot be, all of them.
 */
export function testedVariants(ids: string[], pickId: string, pair: string | null): string[] {
  if (!pair || !pickId || pair === pickId || !ids.includes(pair) || !ids.includes(pickId)) return ids;
  return ids.filter((id) => id === pickId || id === pair);
}

/** The length once the number of variants changes: it follows the default unless the creator typed their own. */
export const daysAfterCount = (days: number, from: number, to: number) => (days === defaultDays(from) ? defaultDays(to) : days);

/**
 * The title each tested variant shows when titles vary: the approved script's title for the pick,
 * the other current scripts' titles (in order) for the rest; "" where there is none left to offer.
 * The server fills missing titles the same way, over the same variants.
 */
export function defaultTitles(wf: WorkflowScripts, pickId: string, ids = wf.thumbnails.map((t) => t.id)): Record<string, string> {
  const approved =
    wf.scripts.find((s) => s.id === wf.approved_script_id) ??
    wf.script_revisions.flatMap((r) => r.scripts).find((s) => s.id === wf.approved_script_id);
  const others = wf.scripts.filter((s) => s.id !== approved?.id && s.title.trim() && s.title.trim() !== approved?.title.trim());
  const out: Record<string, string> = {};
  let next = 0;
  for (const id of ids) {
    if (id === pickId) out[id] = approved?.title.trim() ?? "";
    else out[id] = others[next++]?.title.trim() ?? "";
  }
  return out;
}

export const titlesVary = (vary: RotationVary) => vary !== "thumbnail";

export interface SetupInput {
  pickId: string;
  source: TestSource;
  video: string;
  vary: RotationVary;
  /** The tested thumbnails when the creator chose two; null for all of them (the server's default). */
  variants: string[] | null;
  days: number;
  titles: Record<string, string>;
}

/** The titles of the tested variants only, trimmed. */
function titlesOf(s: SetupInput): Record<string, string> {
  const ids = s.variants ?? Object.keys(s.titles);
  return Object.fromEntries(ids.map((id) => [id, (s.titles[id] ?? "").trim()]));
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
      ...(s.variants ? { variants: s.variants } : {}),
      days: s.days,
      ...(titlesVary(s.vary) ? { titles: titlesOf(s) } : {}),
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
  if (titlesVary(s.vary) && Object.values(titlesOf(s)).some((t) => !t)) out.push("Give every variant a title.");
  return out;
}

export const TestSetupModel = createModel((workflow: () => WorkflowScripts) => {
  const pickId = signal("");
  const source = signal<TestSource>("simulated");
  const video = signal("");
  const vary = signal<RotationVary>("thumbnail");
  /** The one other thumbnail in a two-variant test; null: all of them take turns. */
  const pair = signal<string | null>(null);
  const days = signal(defaultDays(workflow().thumbnails.length));
  /** Titles the creator typed, over the defaults for the current pick. */
  const edited = signal<Record<string, string>>({});
  const uploads = signal<Upload[] | null>(null);
  const uploadsError = signal<string | null>(null);
  const check = signal<{ ref: string; result: YouTubeVideoCheck } | null>(null);
  const checking = signal(false);
  const checkError = signal<unknown>(null);

  const allIds = computed(() => workflow().thumbnails.map((t) => t.id));
  const variants = computed(() => testedVariants(allIds.value, pickId.value, pair.value));
  /** Only the tested variants' titles; what the creator typed for another is kept for if it comes back. */
  const titles = computed(() => {
    const defaults = defaultTitles(workflow(), pickId.value, variants.value);
    return Object.fromEntries(variants.value.map((id) => [id, edited.value[id] ?? defaults[id]]));
  });
  const input = computed<SetupInput>(() => ({
    pickId: pickId.value,
    source: source.value,
    video: video.value,
    vary: vary.value,
    variants: variants.value.length < allIds.value.length ? variants.value : null,
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
    pair,
    variants,
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
    /** Two variants (the pick and `id`) or, with null, all of them; the length follows unless typed. */
    choosePair(id: string | null) {
      const to = testedVariants(allIds.peek(), pickId.peek(), id).length;
      batch(() => {
        days.value = daysAfterCount(days.peek(), variants.peek().length, to);
        pair.value = id;
      });
    },
    /** A new pick that was the pair swaps roles with the old pick, so the same two stay tested. */
    choosePick(id: string) {
      batch(() => {
        if (pair.peek() === id) pair.value = pickId.peek() || null;
        pickId.value = id;
      });
    },
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
