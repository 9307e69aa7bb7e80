// An invitation link (#/invite/<token>, after sign-in or sign-up if needed): who invites whom to
// which team as what, and accept or decline. Accepting switches to the team.
import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { api, errorText } from "../../api/client";
import type { InvitationPreview, Membership } from "../../api/types";
import { useApp } from "../../models/context";
import { Alert, Loading, useTitle } from "../ui";

export function Invitation({ token }: { token: string }) {
  const { session, router } = useApp();
  const preview = useSignal<InvitationPreview | null>(null);
  const error = useSignal<string | null>(null);
  const busy = useSignal(false);
  useTitle("Invitation");
  const path = `/invitations/${encodeURIComponent(token)}`;
  useEffect(() => {
    api<InvitationPreview>("GET", path).then(
      (p) => (preview.value = p),
      (e) => (error.value = errorText(e)),
    );
  }, []);
  const answer = async (accept: boolean) => {
    busy.value = true;
    error.value = null;
    try {
      const joined = await api<Membership | undefined>("POST", `${path}/${accept ? "accept" : "decline"}`, {});
      // The team just joined becomes the current one.
      if (joined) session.chooseTeam(joined.team_id);
      router.navigate("/");
    } catch (e) {
      error.value = errorText(e);
    } finally {
      busy.value = false;
    }
  };
  const p = preview.value;
  return (
    <section>
      <h1 tabIndex={-1}>{p ? `Join ${p.team_name}` : "Invitation"}</h1>
      {error.value && <Alert>{error.value}</Alert>}
      {!p && !error.value && <Loading label="Reading the invitation…" />}
      {p && (
        <>
          <p>
            {p.invited_by_email ?? "The team's owner"} invites <strong>{p.email}</strong> to join <strong>{p.team_name}</strong> as{" "}
            {p.role === "editor" ? "an editor (start workflows, approve, pick, run tests)" : "a viewer (read everything)"}.
          </p>
          {p.email !== session.email.value && (
            <Alert tone="info">
              You are signed in as {session.email.value}; only {p.email} can accept.
            </Alert>
          )}
          <p class="muted small">The link works once and expires {new Date(p.expires_at).toLocaleString("en-GB")}.</p>
          <div class="actions">
            <button class="primary" type="button" disabled={busy.value} onClick={() => answer(true)}>
              Accept and join
            </button>
            <button type="button" disabled={busy.value} onClick={() => answer(false)}>
              Decline
            </button>
          </div>
        </>
      )}
    </section>
  );
}
