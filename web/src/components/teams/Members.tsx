// The current team's people: members with their roles, the pending invitations, and for an owner
// inviting (the link is shown once, to copy), changing roles, removing, transferring ownership and
// deleting the team. A member who is not the owner may leave.
import { useModel, useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import type { MemberRole } from "../../api/types";
import { useApp } from "../../models/context";
import { relativeTime } from "../../models/format";
import { ROLE_WORDS, TeamsModel } from "../../models/teams";
import { Alert, Confirm, CopyButton, Field, Loading, useTitle } from "../ui";
import { NewTeam } from "./NewTeam";

export function Members() {
  const { session, router } = useApp();
  const t = useModel(() => new TeamsModel(session));
  const role = useSignal<MemberRole>("editor");
  useTitle("Members");
  useEffect(() => void t.load(), []);
  const team = t.detail.value;
  if (!team) return t.error.value ? <Alert>{t.error.value}</Alert> : <Loading label="Opening the team…" />;
  const owner = team.role === "owner";
  const me = team.members.find((m) => m.email === session.email.value);
  const now = Date.now();
  const busy = t.busy.value;
  const invited = t.invited.value;

  return (
    <div class="team-page">
      <div class="page-head">
        <h1 tabIndex={-1}>{team.personal ? "Your personal team" : team.name}</h1>
      </div>
      <p class="muted">
        You are {team.role === "owner" ? "the owner" : `a${team.role === "editor" ? "n" : ""} ${team.role}`} here. {ROLE_WORDS[team.role]}.
      </p>
      {t.error.value && <Alert>{t.error.value}</Alert>}
      <section class="card" aria-labelledby="members-title">
        <h2 id="members-title">Members</h2>
        <ul class="members">
          {team.members.map((m) => (
            <li key={m.user_id}>
              <strong class="who">{m.email}</strong>
              {owner && m.role !== "owner" ? (
                <select
                  aria-label={`Role of ${m.email}`}
                  value={m.role}
                  disabled={busy}
                  onChange={(e) => void t.changeRole(m.user_id, e.currentTarget.value as MemberRole)}
                >
                  <option value="editor">editor</option>
                  <option value="viewer">viewer</option>
                </select>
              ) : (
                <span>{m.role}</span>
              )}
              <span class="muted small">joined {relativeTime(m.joined_at, now)}</span>
              {owner && m.role !== "owner" && (
                <>
                  <Confirm
                    label="Make owner…"
                    sure={`Hand ownership to ${m.email}`}
                    disabled={busy}
                    onConfirm={() => t.transfer(m.user_id)}
                  />
                  <Confirm label="Remove…" sure={`Remove ${m.email}`} disabled={busy} onConfirm={() => t.remove(m.user_id)} />
                </>
              )}
              {m === me && !owner && (
                <Confirm
                  label="Leave team…"
                  sure="Leave now"
                  disabled={busy}
                  onConfirm={() => t.leave(m.user_id).then((ok) => ok && router.navigate("/"))}
                />
              )}
            </li>
          ))}
        </ul>
      </section>
      {owner && (
        <section class="card" aria-labelledby="invite-title">
          <h2 id="invite-title">Invite someone</h2>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              const email = e.currentTarget.elements.namedItem("email") as HTMLInputElement;
              // Only the address is cleared: the role stays as chosen for the next invitation.
              void t.invite(email.value, role.value).then((ok) => ok && (email.value = ""));
            }}
          >
            <Field label="Email address" name="email" type="email" required autoComplete="off" hint="Only this address can accept." />
            <fieldset class="scopes">
              <legend>Role</legend>
              {(["editor", "viewer"] as const).map((r) => (
                <label key={r} class="choose">
                  <input type="radio" name="role" checked={role.value === r} onChange={() => (role.value = r)} />
                  {ROLE_WORDS[r]}
                </label>
              ))}
            </fieldset>
            <button class="primary" type="submit" disabled={busy}>
              {busy ? "Inviting…" : "Create invitation link"}
            </button>
          </form>
          {invited && (
            <div class="invite-link" role="status">
              <p>
                Send this link to <strong>{invited.invitation.email}</strong>. It is shown only now, works once, and expires{" "}
                {new Date(invited.invitation.expires_at).toLocaleDateString("en-GB", { day: "numeric", month: "short" })}.
              </p>
              <label for="invite-link">Invitation link</label>
              <input id="invite-link" readOnly value={invited.link} onFocus={(e) => e.currentTarget.select()} />
              <CopyButton text={invited.link} label="invitation link" />
            </div>
          )}
        </section>
      )}
      {team.invitations.length > 0 && (
        <section class="card" aria-labelledby="pending-title">
          <h2 id="pending-title">Pending invitations</h2>
          <ul class="plain">
            {team.invitations.map((i) => (
              <li key={i.id}>
                <strong>{i.email}</strong> as {i.role}, invited {relativeTime(i.created_at, now)}
                {i.invited_by_email ? ` by ${i.invited_by_email}` : ""}{" "}
                {owner && (
                  <Confirm label="Revoke…" sure={`Revoke the invitation of ${i.email}`} disabled={busy} onConfirm={() => t.revoke(i.id)} />
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
      <NewTeam t={t} />
      {owner && !team.personal && (
        <section class="card" aria-labelledby="delete-team-title">
          <h2 id="delete-team-title">Delete this team</h2>
          <p class="muted small">Its workflows, keys, webhooks and channel connection go with it.</p>
          <Confirm
            label="Delete team…"
            sure={`Delete “${team.name}” for everyone`}
            disabled={busy}
            onConfirm={() => t.deleteTeam().then((ok) => ok && router.navigate("/"))}
          />
        </section>
      )}
    </div>
  );
}
