// Live updates over hibernatable WebSockets. The Worker's route authenticates the upgrade (the
// token rides in the Sec-WebSocket-Protocol header, never in the URL) before it wakes this
// object, and hands over the verified user and the team it found them in; the object checks that team owns the workflow.
import { toAbStatus } from "../domain/ab-status";
import { toWorkflowState } from "../domain/view";
import type { WorkflowEvent, WorkflowRecord } from "../domain/workflow";
import type { LiveMessage } from "../shared/contract";

/** The subprotocol the page asks for beside its "bearer.<token>" entry; the answer echoes it. */
export const LIVE_SUBPROTOCOL = "creator-agent.v1";
/** Set by the Worker's route on the request it forwards, after verifying the token. */
export const VERIFIED_USER_HEADER = "x-verified-user";
/** The workflow's team, in which the route found the user a member. */
export const VERIFIED_TEAM_HEADER = "x-verified-team";

export const CLOSE = { notFound: 4404, badMessage: 4400, removed: 4403 } as const;

export class LiveSockets {
  constructor(
    private readonly ctx: DurableObjectState,
    private readonly record: () => WorkflowRecord | null,
    private readonly now: () => number,
  ) {}

  accept(request: Request): Response {
    const userId = request.headers.get(VERIFIED_USER_HEADER);
    const teamId = request.headers.get(VERIFIED_TEAM_HEADER);
    const record = this.record();
    if (request.headers.get("upgrade")?.toLowerCase() !== "websocket" || !userId || !teamId) {
      return new Response(JSON.stringify({ detail: "Expected an authenticated WebSocket upgrade." }), { status: 426 });
    }
    if (!record || record.owner_id !== teamId) return new Response(JSON.stringify({ detail: "not found" }), { status: 404 });
    const { 0: client, 1: server } = new WebSocketPair();
    this.ctx.acceptWebSocket(server);
    server.serializeAttachment({ userId });
    server.send(JSON.stringify({ type: "state", workflow: toWorkflowState(record, this.now()) } satisfies LiveMessage));
    return new Response(null, { status: 101, webSocket: client, headers: { "sec-websocket-protocol": LIVE_SUBPROTOCOL } });
  }

  /** A member left or was removed: their open pages stop hearing anything at once. */
  closeFor(userId: string): number {
    let closed = 0;
    for (const ws of this.ctx.getWebSockets()) {
      const who = ws.deserializeAttachment() as { userId?: string } | null;
      if (who?.userId !== userId) continue;
      try {
        ws.close(CLOSE.removed, "no longer a member of this team");
      } catch {
        // Already closing.
      }
      closed++;
    }
    return closed;
  }

  /** Sockets only listen; a ping gets a pong, and anything else that is not JSON closes the socket. */
  onMessage(ws: WebSocket, message: string | ArrayBuffer): void {
    let parsed: { type?: unknown };
    try {
      parsed = JSON.parse(typeof message === "string" ? message : new TextDecoder().decode(message));
    } catch {
      ws.close(CLOSE.badMessage, "messages must be JSON");
      return;
    }
    if (parsed?.type === "ping") ws.send(JSON.stringify({ type: "pong" }));
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
    // No page open (an alarm in the night): no view is built for nobody.
    if (this.ctx.getWebSockets().length === 0) return;
    for (const event of events) {
      if (event.type === "looked")
        this.broadcast({ type: "poll", ab_test: toAbStatus(record.ab!, undefined, this.now()), point: event.point });
    }
    if (events.some((e) => e.type !== "looked")) this.broadcast({ type: "state", workflow: toWorkflowState(record, this.now()) });
  }

  private broadcast(message: LiveMessage): void {
    const text = JSON.stringify(message);
    for (const ws of this.ctx.getWebSockets()) {
      try {
        ws.send(text);
      } catch {
        // The socket went away; webSocketClose tidies up.
      }
    }
  }
}
