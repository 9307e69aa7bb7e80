// Teams (issue 21): requests the routes validate with and the answers they give.
import { z } from "zod";

export const TeamRole = z.enum(["owner", "editor", "viewer"]);
export type TeamRole = z.infer<typeof TeamRole>;
/** What an invitation or a role change may give: ownership only moves by transfer. */
export const MemberRole = z.enum(["editor", "viewer"]);

const TeamName = z.string().trim().min(1).max(80);
export const CreateTeamRequest = z.strictObject({ name: TeamName });
export const RenameTeamRequest = z.strictObject({ name: TeamName });
export const InviteRequest = z.strictObject({
  email: z.string().trim().toLowerCase().pipe(z.email()).describe("The address that may accept"),
  role: MemberRole,
});
export const ChangeRoleRequest = z.strictObject({ role: MemberRole });
export const TransferRequest = z.strictObject({
  user_id: z.string().min(1).max(100).describe("A member who becomes the owner; you become an editor"),
});

export const TeamSummary = z.object({
  id: z.string(),
  name: z.string(),
  personal: z.boolean(),
  role: TeamRole.describe("Your role in it"),
  member_count: z.number().int(),
});
export const TeamList = z.object({ items: z.array(TeamSummary) });

export const TeamMember = z.object({ user_id: z.string(), email: z.string(), role: TeamRole, joined_at: z.string() });
export const PendingInvitation = z.object({
  id: z.string(),
  email: z.string(),
  role: MemberRole,
  invited_by_email: z.string().nullable(),
  created_at: z.string(),
  expires_at: z.string(),
});
export const TeamDetail = z.object({
  id: z.string(),
  name: z.string(),
  personal: z.boolean(),
  role: TeamRole,
  members: z.array(TeamMember),
  invitations: z.array(PendingInvitation).describe("Pending ones only; the token is never shown again"),
});
export const InvitationCreated = z.object({
  invitation: PendingInvitation,
  link: z.string().describe("Shown once: <origin>/#/invite/<token>, single use, 7 days"),
});
export const InvitationPreview = z.object({
  team_name: z.string(),
  role: MemberRole,
  invited_by_email: z.string().nullable(),
  email: z.string(),
  expires_at: z.string(),
});
export const Membership = z.object({ team_id: z.string(), team_name: z.string(), role: TeamRole, joined_at: z.string() });

export type TeamSummary = z.infer<typeof TeamSummary>;
export type TeamDetail = z.infer<typeof TeamDetail>;
export type TeamMember = z.infer<typeof TeamMember>;
export type PendingInvitation = z.infer<typeof PendingInvitation>;
export type InvitationPreview = z.infer<typeof InvitationPreview>;
export type Membership = z.infer<typeof Membership>;
