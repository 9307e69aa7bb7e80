// The workflow's live channel: a WebSocket to its Durable Object, with reconnect, resync and
// a polling fallback. The token never goes in the URL (URLs get logged) nor in a message: it
// travels in the Sec-WebSocket-Protocol header ("bearer.<token>"), so the server checks it and
// refuses an upgrade before it wakes the object. A refused upgrade looks like a network failure
// to the page; the polling fallback's own request then meets the 401 and ends the session.
import { API_PREFIX } from "./client";
import type { LiveMessage } from "./types";

export const SUBPROTOCOL = "creator-agent.v1";

export type LiveState = "connecting" | "live" | "reconnecting" | "polling" | "closed";

export interface LiveOptions {
  workflowId: string;
  token: () => string | null;
  onMessage: (msg: LiveMessage) => void;
  /** Full re-fetch (status + history): run after every (re)connect and on each polling tick. */
  resync: () => Promise<void>;
  onState: (s: LiveState) => void;
  onUnauthorized: () => void;
  onGone: () => void;
  pollMs?: number;
}

function socketUrl(id: string) {
  const url = new URL(`${API_PREFIX}/workflows/${encodeURIComponent(id)}/live`, location.href);
  url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
  return url.href;
}

/** Opens the channel and returns the function that closes it for good. */
export function openLive(o: LiveOptions): () => void {
  const pollMs = o.pollMs ?? 2000;
  let ws: WebSocket | null = null;
  let failures = 0;
  let closed = false;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let pollTimer: ReturnType<typeof setTimeout> | undefined;

  const poll = async () => {
    await o.resync().catch(() => {});
    if (!closed && pollTimer !== undefined) pollTimer = setTimeout(poll, pollMs);
  };
  const startPolling = () => {
    if (pollTimer !== undefined) return;
    o.onState("polling");
    pollTimer = setTimeout(poll, pollMs);
  };
  const stopPolling = () => {
    clearTimeout(pollTimer);
    pollTimer = undefined;
  };

  const retry = () => {
    failures++;
    // Keep the page moving by polling while the socket is down; retry with capped, jittered backoff.
    startPolling();
    const delay = Math.min(30_000, 500 * 2 ** failures) * (0.5 + Math.random() / 2);
    retryTimer = setTimeout(connect, delay);
  };

  function connect() {
    if (closed) return;
    if (pollTimer === undefined) o.onState(failures ? "reconnecting" : "connecting");
    let greeted = false;
    try {
      ws = new WebSocket(socketUrl(o.workflowId), [SUBPROTOCOL, `bearer.${o.token() ?? ""}`]);
    } catch {
      return retry();
    }
    ws.onmessage = (e) => {
      let msg: LiveMessage;
      try {
        msg = JSON.parse(String(e.data));
      } catch {
        return;
      }
      if (!greeted) {
        // The first message (the current state): we are live. Re-fetch everything so polls missed while
        // disconnected (history points included) show up and nothing stale stays on screen.
        greeted = true;
        failures = 0;
        stopPolling();
        o.onState("live");
        void o.resync().catch(() => {});
      }
      o.onMessage(msg);
    };
    ws.onclose = (e) => {
      ws = null;
      if (closed) return;
      if (e.code === 4401) return o.onUnauthorized();
      if (e.code === 4404) return o.onGone();
      retry();
    };
  }

  if (typeof WebSocket === "function") connect();
  else startPolling();

  return () => {
    closed = true;
    clearTimeout(retryTimer);
    stopPolling();
    ws?.close(1000, "page closed");
    o.onState("closed");
  };
}
