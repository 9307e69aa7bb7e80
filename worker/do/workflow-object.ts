// One Durable Object per workflow, deliberately thin: its public methods turn requests into core
// commands and queries; WorkflowShell loads the record, asks the pure core (domain/workflow) and
// commits the answer. Neither decides anything itself.
import { toAbStatus } from "../domain/ab-status";
import { type Result, conflict, ok, refuse } from "../domain/refusal";
import { downsample, historyCsv } from "../domain/history";
import { toResults } from "../domain/results";
import { rowPreview, toWorkflowState } from "../domain/view";
import { type Command, type CreatorCommand, type WorkflowRecord, newWorkflow } from "../domain/workflow";
import { STYLE_LABELS } from "../shared/contract";
import type * as Api from "../shared/contract";
import type { AbConfig } from "../domain/ab-test";
import type { Spending } from "../limits/holds";
import { type Claim, claimBudget } from "./budget-claims";
import { type PreparedRotation, prepareRotation } from "../effects/rotation-setup";
import { redrawThumbnail } from "../effects/steps";
import type { ReencodedUpload } from "../lib/upload-image";
import type { ThumbnailMedia } from "./thumbnail-media";
import { insertIndexRow } from "./workflow-index";
import { CLOSE } from "./live-sockets";
import { WorkflowShell } from "./workflow-shell";

export class WorkflowObject extends WorkflowShell {
  // ---------- commands ----------

  // `ownerId` throughout is the id of the team the workflow belongs to (a personal team's id is its
  // account's); the Worker's routes check the caller's membership and role before calling.

  /** Starts a workflow. "async" answers once it is stored and leaves trends and scripts to the steps timer. */
  create(
    ownerId: string,
    id: string,
    input: Api.StartWorkflowRequest,
    respond: "sync" | "async" = "sync",
    /** The member who started it, kept in the D1 index. */
    createdBy: string | null = null,
  ): Promise<Result<Api.WorkflowState>> {
    return this.exclusive(async () => {
      if (this.record) return refuse(conflict("This workflow already exists."));
      const record = newWorkflow(id, ownerId, input, this.clock());
      await insertIndexRow(this.env.DB, record, createdBy);
      await this.commit(record, [{ type: "status_changed", from: null, to: record.status, at: record.created_at }]);
      if (respond === "sync") await this.runPendingSteps();
      await this.armAlarm();
      return ok(toWorkflowState(this.record!, this.clock()));
    });
  }

  /**
   * A creator's (or integrator's) command, built by the route: the core decides, this commits.
   * The answer is the whole workflow, or just its A/B test for a metrics push.
   */
  execute(
    ownerId: string,
    command: CreatorCommand,
    answer: "workflow" | "ab_test" = "workflow",
    spending?: Spending,
  ): Promise<Result<Api.WorkflowState | Api.AbStatus>> {
    if (spending) return this.spend(ownerId, spending, (_r, claim) => claim(command));
    return this.run(ownerId, () => command, answer);
  }

  /**
   * The creator's pick starts the test. A YouTube test first checks and claims the video and saves
   * its original thumbnail, which commits with the start.
   */
  selectThumbnail(
    ownerId: string,
    body: Api.SelectThumbnailRequest,
    config: AbConfig,
    seed: number,
    spending: Spending,
    by?: Api.Actor,
  ): Promise<Result<Api.WorkflowState | Api.AbStatus>> {
    const select: Command = { type: "select", thumbnail_id: body.thumbnail_id, source: body.analytics_source, config, seed, by };
    if (body.analytics_source !== "youtube" || !body.youtube) return this.spend(ownerId, spending, (_r, claim) => claim(select));
    let kept: Pick<PreparedRotation, "original" | "images"> = { original: null, images: {} };
    return this.spend(
      ownerId,
      spending,
      async (r, claim) => {
        // The core refuses a wrong status or pick; nothing is asked of YouTube for a command that cannot apply.
        if (r.status !== "awaiting_thumbnail_selection" || !r.thumbnails.some((t) => t.id === body.thumbnail_id)) return select;
        // The test slot comes first, so a full budget costs no YouTube quota.
        const slot = await claim(select, true);
        if (!slot.ok) return slot;
        const prepared = await prepareRotation(this.env, r, body.thumbnail_id, body.youtube!, this.clock(), this.media);
        if (!prepared.ok) return prepared;
        kept = prepared.value;
        return ok({ ...select, rotation: prepared.value.setup, notice: prepared.value.warnings.join(" ") || undefined });
      },
      () => {
        if (kept.original) this.media.keepOriginal(kept.original);
        for (const [id, image] of Object.entries(kept.images)) this.media.keepVariant(id, image);
      },
    );
  }

  /**
   * A command that spends a budget: `build` claims it (budget-claims.ts) inside the serialised
   * step, after the core would accept it and before it commits; the claim settles once it ran.
   */
  private async spend(
    ownerId: string,
    spending: Spending,
    build: (r: WorkflowRecord, claim: (c: Command, checked?: boolean) => Promise<Result<Command>>) => Promise<Command | Result<Command>>,
    alsoWrite?: () => void,
  ): Promise<Result<Api.WorkflowState | Api.AbStatus>> {
    let taken = null as Claim | null;
    const result = await this.run(
      ownerId,
      (r) =>
        build(r, async (command, checked) => {
          const claimed = await claimBudget(this.env, r, command, spending, this.clock(), checked);
          if (!claimed.ok) return claimed;
          taken = claimed.value;
          return ok(command);
        }),
      "workflow",
      alsoWrite,
    );
    await taken?.settle(result.ok, this.index.retryAt() === null);
    return result;
  }

  /**
   * The creator is disconnecting the channel: a running rotation ends now and the video is put
   * back while the tokens still work. A restore that fails here cannot be retried later.
   */
  youtubeDisconnecting(ownerId: string): Promise<boolean> {
    return this.exclusive(async () => {
      if (!this.record || this.record.owner_id !== ownerId || !this.record.ab?.rotation) return false;
      if (this.record.status === "ab_testing") await this.apply({ type: "stop", reason: "The YouTube channel was disconnected" });
      await this.beforeGrantGoes();
      await this.armAlarm();
      return true;
    });
  }

  /** The next design for one thumbnail, from the configured designer. */
  regenerateThumbnail(
    ownerId: string,
    thumbnailId: string,
    useMyFace = false,
    by?: Api.Actor,
  ): Promise<Result<Api.WorkflowState | Api.AbStatus>> {
    return this.run(ownerId, async (r) => ({ ...(await redrawThumbnail(this.env, r, thumbnailId, useMyFace)), by }));
  }

  /** The creator's own image (decoded and re-encoded by the route) replaces one variant; the bytes commit with the change. */
  uploadThumbnail(
    ownerId: string,
    thumbnailId: string,
    upload: ReencodedUpload,
    by?: Api.Actor,
  ): Promise<Result<Api.WorkflowState | Api.AbStatus>> {
    const command: Command = { type: "upload_thumbnail", thumbnail_id: thumbnailId, content_type: upload.contentType, by };
    return this.run(
      ownerId,
      () => command,
      "workflow",
      () => this.media.keep(thumbnailId, upload),
    );
  }

  /** Forgets the workflow (account deletion): storage, history, alarm and open sockets. Owner only. */
  purge(ownerId: string): Promise<boolean> {
    return this.exclusive(async () => {
      if (!this.record || this.record.owner_id !== ownerId) return false;
      // A video under test gets its winner or original back while the tokens still work.
      if (this.record.ab?.rotation) {
        if (this.record.status === "ab_testing") await this.apply({ type: "stop", reason: "The account was deleted" });
        await this.beforeGrantGoes();
      }
      for (const ws of this.ctx.getWebSockets()) ws.close(CLOSE.notFound, "workflow deleted");
      await this.ctx.storage.deleteAlarm();
      await this.ctx.storage.deleteAll();
      this.record = null;
      return true;
    });
  }

  // ---------- queries ----------

  view(ownerId: string): Promise<Result<Api.WorkflowState>> {
    return this.read(ownerId, (r) => ok(toWorkflowState(r, this.clock())));
  }

  abStatus(ownerId: string): Promise<Result<Api.AbStatus>> {
    return this.read(ownerId, (r) => (r.ab ? ok(toAbStatus(r.ab, undefined, this.clock())) : refuse(noTest(r))));
  }

  /** The history thinned to `points` for a chart, whole (the default), or whole as CSV. */
  abHistory(ownerId: string, points: number | "all" | "csv" = "all"): Promise<Result<Api.AbHistory | string>> {
    return this.read(ownerId, (r): Result<Api.AbHistory | string> => {
      if (!r.ab) return refuse(noTest(r));
      const labels = r.ab.variant_ids.map((id) => STYLE_LABELS[r.ab!.styles[id]!]);
      if (points === "csv") return ok(historyCsv(labels, this.history.points()));
      if (points === "all") {
        const all = this.history.points();
        return ok({ variant_ids: r.ab.variant_ids, points: all, total_points: all.length });
      }
      const chart = downsample(this.history.chartPoints(), points);
      return ok({ variant_ids: r.ab.variant_ids, points: chart, total_points: this.history.count() });
    });
  }

  /** What the dashboard row shows; null before there are thumbnails. */
  preview(ownerId: string): Promise<Result<Api.RowPreview | null>> {
    return this.read(ownerId, (r) => ok(rowPreview(r)));
  }

  results(ownerId: string): Promise<Result<Api.Results>> {
    return this.read(ownerId, toResults);
  }

  /** A thumbnail's image; the unguessable id is the capability, so no owner is needed. */
  async thumbnailMedia(thumbnailId: string): Promise<ThumbnailMedia | null> {
    return this.media.media(this.record, thumbnailId);
  }

  // ---------- live channel ----------

  /** Closes the open pages of a member who left or was removed from the workflow's team. */
  async closeSocketsOf(userId: string): Promise<number> {
    return this.live.closeFor(userId);
  }

  async fetch(request: Request): Promise<Response> {
    return this.live.accept(request);
  }

  async webSocketMessage(ws: WebSocket, message: string | ArrayBuffer): Promise<void> {
    this.live.onMessage(ws, message);
  }

  async webSocketClose(ws: WebSocket, code: number): Promise<void> {
    this.live.onClose(ws, code);
  }
}

const noTest = (r: WorkflowRecord) => conflict(`No A/B test yet: the workflow is '${r.status}'.`);
