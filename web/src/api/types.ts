// The API shapes the web app reads: the contract's own types (worker/shared/contract), named
// for the parts the app passes around. Nothing is widened here: a field the app needs is
// declared in the contract first.
import type { z } from "zod";
import type * as C from "../../../worker/shared/contract";

export type {
  AbHistory,
  AbHistoryPoint,
  AbStatus,
  CompetitorVideo,
  Decision,
  Interval,
  LiveMessage,
  Problem,
  RequiredAction,
  Results,
  RowPreview,
  Script,
  ScriptRevision,
  StartWorkflowRequest,
  Thumbnail,
  ThumbnailStyle,
  TokenResponse,
  UsageTotals,
  VariantStats,
  Verdict,
  WorkflowList,
  WorkflowState,
  WorkflowStatus,
  WorkflowSummary,
  ActivityEntry,
  TeamRole,
  WorkflowStatusView,
  TeamSummary,
  TeamDetail,
  InvitationPreview,
  Membership,
} from "../../../worker/shared/contract";

export type AbSummary = C.AbStatus["summary"];
export type SummaryState = AbSummary["state"];
export type AbProgress = C.AbStatus["progress"];
export type GenerationStep = NonNullable<C.WorkflowState["step"]>;
export type StudioPackage = C.Results["studio"];
export type TeamList = z.infer<typeof C.TeamList>;
export type InvitationCreated = z.infer<typeof C.InvitationCreated>;
export type MemberRole = z.infer<typeof C.MemberRole>;
