// The creator's YouTube channel as the app sees it: the connection (GET /youtube), connecting
// (POST /youtube/connect, then the browser goes to Google's consent page), disconnecting, and the
// words for each state. Lives in the YouTube chunk; the first page never loads it.
import { computed, createModel, signal } from "@preact/signals";
import type { z } from "zod";
import type { YouTubeConnection, YouTubeConnectStart, YouTubeDisconnected } from "../../../worker/shared/youtube";
import { api, errorText } from "../api/client";

export type Connection = YouTubeConnection;
type ConnectStart = z.infer<typeof YouTubeConnectStart>;

export interface ConnectionView {
  state: "unconfigured" | "not_connected" | "connected" | "needs_reconnect";
  title: string;
  detail: string | null;
  /** The button's words, or null when there is nothing to connect to. */
  connectLabel: string | null;
}

/** Google's own guide to the OAuth client the README's "Setting up Google Cloud" steps create. */
export const GOOGLE_OAUTH_GUIDE = "https://developers.google.com/youtube/v3/guides/auth/server-side-web-apps";

/**
 * What the YouTube test gives a creator and what it needs, worded for whoever can act: the
 * creator who runs the app themselves (`npm start` on a laptop), or one whose host sets it up.
 */
export function youtubeSetupWords(youHost: boolean): string {
  const gives =
    "Testing on your own video rotates the thumbnails on your published video, one a day, and YouTube's own daily numbers decide.";
  return youHost
    ? `${gives} You run this app, so set it up once: a Google Cloud OAuth client's id and secret and a TOKEN_ENCRYPTION_KEY in .dev.vars (the README's "Setting up Google Cloud", about 15 minutes).`
    : `${gives} Whoever runs this app needs to connect it to Google once (the README's "Setting up Google Cloud" steps); ask them to. Until then, use simulated viewers or your own tools.`;
}

/** The connection in words: what it is, what is wrong, and what the creator can do. */
export function connectionView(c: Connection): ConnectionView {
  if (!c.configured)
    return {
      state: "unconfigured",
      title: c.you_host ? "Set up YouTube on this computer" : "YouTube is not set up on this server yet",
      detail: youtubeSetupWords(c.you_host === true),
      connectLabel: null,
    };
  if (c.status === "connected")
    return { state: "connected", title: `Connected to ${c.channel?.title ?? "your channel"}`, detail: null, connectLabel: null };
  if (c.status === "needs_reconnect")
    return {
      state: "needs_reconnect",
      title: `${c.channel?.title ?? "Your channel"} needs reconnecting`,
      detail: `${c.last_error ? `${c.last_error} ` : ""}Running tests are paused until you reconnect; nothing is swapped or guessed meanwhile.`,
      connectLabel: "Reconnect YouTube",
    };
  return {
    state: "not_connected",
    title: "Not connected",
    detail: "Connect your channel to test thumbnails and titles on your own published video.",
    connectLabel: "Connect YouTube",
  };
}

/** The message after Google sends the browser back (?youtube=connected or ?youtube=error&reason=…). */
export function callbackOutcome(query: URLSearchParams): { ok: boolean; text: string } | null {
  const outcome = query.get("youtube");
  if (outcome === "connected") return { ok: true, text: "Your YouTube channel is connected." };
  if (outcome !== "error") return null;
  const reason = query.get("reason") ?? "unknown";
  const words: Record<string, string> = {
    access_denied: "you did not allow access on Google's page",
    consent_failed: "Google's consent page reported an error",
    state_invalid: "the connect link was not recognised or was already used; start again",
    state_expired: "the connect link had expired (10 minutes); start again",
    browser_mismatch: "finish connecting in the same browser you started in",
    exchange_failed: "Google did not accept the sign-in; try again",
    scopes_missing: "Google did not grant every permission the test needs; allow all of them",
    no_refresh_token: "Google sent no lasting access; remove the app in your Google account, then connect again",
    no_channel: "this Google account has no YouTube channel",
    connect_failed: "the channel could not be saved; try again",
  };
  return { ok: false, text: `YouTube was not connected: ${words[reason] ?? reason.replaceAll("_", " ")}.` };
}

export const YouTubeModel = createModel(() => {
  const connection = signal<Connection | null>(null);
  const loadError = signal<string | null>(null);
  const busy = signal<"connect" | "disconnect" | null>(null);
  const actionError = signal<string | null>(null);
  const notice = signal<string | null>(null);
  const view = computed(() => (connection.value ? connectionView(connection.value) : null));
  const connected = computed(() => connection.value?.status === "connected");

  const load = async () => {
    loadError.value = null;
    try {
      connection.value = await api<Connection>("GET", "/youtube");
    } catch (e) {
      loadError.value = errorText(e);
    }
  };

  return {
    connection,
    loadError,
    busy,
    actionError,
    notice,
    view,
    connected,
    load,
    /** Asks the server for Google's consent URL and goes there; Google sends the browser back to `returnTo`. */
    async connect(returnTo: string) {
      busy.value = "connect";
      actionError.value = null;
      try {
        const start = await api<ConnectStart>("POST", "/youtube/connect", { return_to: returnTo });
        location.assign(start.authorize_url);
      } catch (e) {
        actionError.value = errorText(e);
        busy.value = null;
      }
    },
    async disconnect() {
      busy.value = "disconnect";
      actionError.value = null;
      notice.value = null;
      try {
        const r = await api<z.infer<typeof YouTubeDisconnected>>("DELETE", "/youtube");
        notice.value = r.revoked
          ? "Disconnected. Google no longer lets this app use your channel."
          : "Disconnected here. Google could not be reached to revoke access; remove the app in your Google account's security settings.";
        await load();
      } catch (e) {
        actionError.value = errorText(e);
      } finally {
        busy.value = null;
      }
    },
  };
});
export type YouTube = InstanceType<typeof YouTubeModel>;
