// Live updates over hibernatable WebSockets. The token never travels in the URL: a page opens
// the socket, then sends {"type":"auth","token":...} as its first message. Until then it
// receives nothing, and a socket that does not authenticate in time is closed.
import { verifyToken } from "../auth/tokens";
import { toAbStatus } from "../domain/ab-test";
import { toWorkflowState } from "../domain/view";
import type { WorkflowEvent, WorkflowRecord } from "../domain/workflow";
import type { Env } from "../env";
import type { LiveMessage } from "../shared/contract";

const AUTH_TIMEOUT_MS = 10_000;

interface Attachment {
  userId: string | null;
  openedAt: number;
}

export const CLOSE = { badToken: 4401, notFound: 4404, authTimeout: 4408, badMessage: 4400 } as const;

export class LiveSockets {
  constructor(
    private readonly ctx: DurableObjectState,
    private readonly env: Env,
    private readonly record: () => WorkflowRecord | null,
  ) {}

  accept(request: Request): Response {
    if (request.headers.get("upgrade")?.toLowerCase() !== "websocket") {
      return new Response(JSON.stringify({ detail: "Expected a WebSocket upgrade." }), { status: 426 });
    }
    const { 0: client, 1: server } = new WebSocketPair();
    this.ctx.acceptWebSocket(server);
    server.serializeAttachment({ userId: null, openedAt: Date.now() } satisfies Attachment);
    // Best effort while the object is awake; broadcast() also sweeps late sockets after hibernation.
    setTimeout(() => this.closeIfUnauthenticated(server), AUTH_TIMEOUT_MS);
    return new Response(null, { status: 101, webSocket: client });
  }

  async onMessage(ws: WebSocket, message: string | ArrayBuffer): Promise<void> {
    const attachment = ws.deserializeAttachment() as Attachment;
    let parsed: unknown;
    try {
      parsed = JSON.parse(typeof message === "string" ? message : new TextDecoder().decode(message));
    } catch {
      ws.close(CLOSE.badMessage, "messages must be JSON");
      return;
    }
    const msg = parsed as { type?: unknown; token?: unknown };
    if (msg.type === "ping") {
      ws.send(JSON.stringify({ type: "pong" }));
      return;
    }
    if (attachment.userId !== null) return; // Authenticated sockets only listen.
    if (msg.type !== "auth" || typeof msg.token !== "string") {
      ws.close(CLOSE.badToken, "first message must be auth");
      return;
    }
    const userId = await verifyToken(msg.token, this.env.JWT_SECRET);
    if (!userId) {
      ws.close(CLOSE.badToken, "invalid token");
      return;
    }
    const record = this.record();
    if (!record || record.owner_id !== userId) {
      ws.close(CLOSE.notFound, "not found");
      return;
    }
    ws.serializeAttachment({ ...attachment, userId } satisfies Attachment);
    ws.send(JSON.stringify({ type: "state", workflow: toWorkflowState(record) } satisfies LiveMessage));
  }

  onClose(ws: WebSocket, code: number): void {
    try {
      ws.close(code === 1005 ? 1000 : code, "closing");
    } catch {
      // Already closed.
    }
  }

  /**
   * Tells open pages exactly what a commit's events say: a `poll` message per look, and one
   * `state` message when anything else happened (a status change, a notice).
   */
  announce(record: WorkflowRecord, events: WorkflowEvent[]): void {
    for (const event of events) {
      if (event.type === "looked") this.broadcast({ type: "poll", ab_test: toAbStatus(record.ab!), point: event.point });
    }
    if (events.some((e) => e.type !== "looked")) this.broadcast({ type: "state", workflow: toWorkflowState(record) });
  }

  private broadcast(message: LiveMessage): void {
    const text = JSON.stringify(message);
    for (const ws of this.ctx.getWebSockets()) {
      const attachment = ws.deserializeAttachment() as Attachment | null;
      if (attachment?.userId) {
        try {
          ws.send(text);
        } catch {
          // The socket went away; webSocketClose tidies up.
        }
      } else if (ws) {
        this.closeIfUnauthenticated(ws);
      }
    }
  }

  private closeIfUnauthenticated(ws: WebSocket): void {
    const attachment = ws.deserializeAttachment() as Attachment | null;
    if (attachment && attachment.userId === null && Date.now() - attachment.openedAt >= AUTH_TIMEOUT_MS) {
      try {
        ws.close(CLOSE.authTimeout, "authentication timed out");
      } catch {
        // Already closed.
      }
    }
  }
}
