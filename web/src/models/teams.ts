// The teams the creator belongs to, the current one's members and invitations, and what an owner
// or a member does with them. Loaded with the teams chunk only.
import { computed, createModel, signal } from "@preact/signals";
import { api, errorText } from "../api/client";
import type { InvitationCreated, MemberRole, TeamDetail, TeamList, TeamSummary } from "../api/types";
import type { Session } from "./session";

export const ROLE_WORDS: Record<TeamSummary["role"], string> = {
  owner: "Owner: manages members, keys, webhooks and the channel",
  editor: "Editor: starts workflows, approves, picks, runs tests",
  viewer: "Viewer: reads everything",
};

export const TeamsModel = createModel((session: Session) => {
  const teams = signal<TeamSummary[] | null>(null);
  const detail = signal<TeamDetail | null>(null);
  const error = signal<string | null>(null);
  const busy = signal(false);
  /** The link of the invitation just made: the API shows it once. */
  const invited = signal<InvitationCreated | null>(null);
  const current = computed(() => {
    const all = teams.value ?? [];
    return all.find((t) => t.id === session.team.value) ?? all.find((t) => t.personal) ?? null;
  });

  const loadTeams = async () => {
    const items = (await api<TeamList>("GET", "/teams")).items;
    teams.value = items;
    // A team left or deleted elsewhere: back to the personal one.
    if (session.team.peek() && !items.some((t) => t.id === session.team.peek())) session.chooseTeam(null);
  };
  const loadDetail = async () => {
    await loadTeams();
    detail.value = current.peek() && (await api<TeamDetail>("GET", `/teams/${current.peek()!.id}`));
  };
  /** Runs one change, then reloads the team; the error (problem details' detail) stays on screen. */
  const act = async (call: () => Promise<unknown>, reload = loadDetail) => {
    busy.value = true;
    error.value = null;
    try {
      await call();
      await reload();
      return true;
    } catch (e) {
      error.value = errorText(e);
      return false;
    } finally {
      busy.value = false;
    }
  };
  const team = () => `/teams/${detail.peek()!.id}`;

  return {
    teams,
    detail,
    current,
    error,
    busy,
    invited,
    loadTeams,
    load: () => act(() => Promise.resolve()),
    create: (name: string) => act(async () => session.chooseTeam((await api<TeamSummary>("POST", "/teams", { name: name.trim() })).id)),
    invite: (email: string, role: MemberRole) =>
      act(async () => (invited.value = await api<InvitationCreated>("POST", `${team()}/invitations`, { email: email.trim(), role }))),
    revoke: (invitationId: string) => act(() => api("DELETE", `${team()}/invitations/${invitationId}`)),
    changeRole: (userId: string, role: MemberRole) => act(() => api("PATCH", `${team()}/members/${userId}`, { role })),
    remove: (userId: string) => act(() => api("DELETE", `${team()}/members/${userId}`)),
    transfer: (userId: string) => act(() => api("POST", `${team()}/transfer`, { user_id: userId })),
    /** Leaving or deleting ends this team for the creator: back to the personal one. */
    leave: (myId: string) => act(() => api("DELETE", `${team()}/members/${myId}`).then(() => session.chooseTeam(null)), loadTeams),
    deleteTeam: () => act(() => api("DELETE", team()).then(() => session.chooseTeam(null)), loadTeams),
  };
});
export type Teams = InstanceType<typeof TeamsModel>;
