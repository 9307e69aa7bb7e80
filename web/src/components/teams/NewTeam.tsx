// A further team of the creator's own, which they own and switch to.
import type { Teams } from "../../models/teams";
import { Field } from "../ui";

export function NewTeam({ t }: { t: Teams }) {
  return (
    <section class="card" aria-labelledby="new-team-title">
      <h2 id="new-team-title">New team</h2>
      <p class="muted small">For a channel you run with others: you own it, and invite editors and viewers.</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const form = e.currentTarget;
          void t.create(String(new FormData(form).get("team-name") ?? "")).then((ok) => ok && form.reset());
        }}
      >
        <Field label="Team name" name="team-name" required maxLength={80} />
        <button type="submit" disabled={t.busy.value}>
          Create team
        </button>
      </form>
    </section>
  );
}
