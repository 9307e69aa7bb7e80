// Linking the video under test: the creator picks an upload or pastes a URL or id; the video must
// be theirs and public or scheduled, and a very young video earns a warning, because the decay
// after upload is steepest in the first two days and would favour whichever variant runs first.

const ID = /^[A-Za-z0-9_-]{11}$/;
const HOSTS = new Set(["youtube.com", "www.youtube.com", "m.youtube.com", "music.youtube.com", "youtu.be", "www.youtu.be"]);

/** The 11-character video id in a pasted id or YouTube URL (watch, youtu.be, shorts, live, embed), or null. */
export function parseVideoRef(input: string): string | null {
  const text = input.trim();
  if (ID.test(text)) return text;
  let url: URL;
  try {
    url = new URL(/^[a-z]+:\/\//i.test(text) ? text : `https://${text}`);
  } catch {
    return null;
  }
  if (!HOSTS.has(url.hostname.toLowerCase())) return null;
  const candidate = url.hostname.toLowerCase().endsWith("youtu.be")
    ? url.pathname.split("/")[1]
    : url.pathname === "/watch"
      ? url.searchParams.get("v")
      : /^\/(shorts|live|embed|v)\/([^/?#]+)/.exec(url.pathname)?.[2];
  return candidate && ID.test(candidate) ? candidate : null;
}

export interface LinkableVideo {
  channelId: string;
  privacyStatus: string;
  /** When a scheduled (private) video goes public, else null. */
  publishAt: string | null;
  publishedAt: string;
}

export interface LinkCheck {
  ok: boolean;
  /** Why the video cannot be linked. */
  problems: string[];
  /** Things the creator should know but may accept. */
  warnings: string[];
}

export const YOUNG_VIDEO_DAYS = 2;

export function checkVideoLink(video: LinkableVideo, connectedChannelId: string, nowMs: number): LinkCheck {
  const problems: string[] = [];
  const warnings: string[] = [];
  if (video.channelId !== connectedChannelId) problems.push("This video belongs to another channel than the one connected.");
  const scheduled = video.privacyStatus === "private" && video.publishAt !== null;
  if (video.privacyStatus !== "public" && !scheduled)
    problems.push(`The video is ${video.privacyStatus}; a test needs a public or scheduled video.`);
  const liveSince = Date.parse(scheduled ? video.publishAt! : video.publishedAt);
  const ageDays = (nowMs - liveSince) / 86_400_000;
  if (problems.length === 0 && ageDays < YOUNG_VIDEO_DAYS)
    warnings.push("The video is less than 2 days old: impressions fall fastest now, which would favour the variant that runs first.");
  return { ok: problems.length === 0, problems, warnings };
}
