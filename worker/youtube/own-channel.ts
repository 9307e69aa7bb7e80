// channels.list?mine=true with a fresh access token, before any connection row exists.
import { chargeFor, type QuotaCharge } from "../domain/youtube/quota";
import { fetchWithTimeout } from "../lib/fetch-timeout";
import type { YouTubeConfig } from "./config";
import { fromGoogleAnswer, YouTubeError } from "./errors";

export interface OwnChannel {
  id: string;
  title: string;
  uploadsPlaylistId: string;
}

/** The signed-in account's channel, or null for a Google account without one. */
export async function fetchOwnChannel(
  cfg: YouTubeConfig,
  accessToken: string,
  nowMs: number,
): Promise<{ channel: OwnChannel | null; charge: QuotaCharge }> {
  const url = `${cfg.apiBase}/channels?${new URLSearchParams({ part: "snippet,contentDetails", mine: "true" })}`;
  const answer = await fetchWithTimeout(
    fetch,
    url,
    { headers: { authorization: `Bearer ${accessToken}` } },
    cfg.timeoutMs,
    async (res) => ({
      status: res.status,
      body: (await res.json().catch(() => null)) as {
        items?: { id: string; snippet?: { title?: string }; contentDetails?: { relatedPlaylists?: { uploads?: string } } }[];
      } | null,
    }),
  ).catch((err: unknown) => {
    throw new YouTubeError(
      "unavailable",
      `Reading the channel: YouTube could not be reached (${err instanceof Error ? err.name : "error"}).`,
    );
  });
  const charge = chargeFor(`${crypto.randomUUID()}:channels.list`, "channels.list", nowMs);
  if (answer.status !== 200 || !answer.body) throw fromGoogleAnswer("Reading the channel", answer.status, answer.body, nowMs);
  const item = answer.body.items?.[0];
  const uploads = item?.contentDetails?.relatedPlaylists?.uploads;
  return { channel: item && uploads ? { id: item.id, title: item.snippet?.title ?? item.id, uploadsPlaylistId: uploads } : null, charge };
}
