// The header's team switcher: which team's workflows, keys and usage the app shows. The choice is
// kept (localStorage) and sent as X-Team-Id; switching opens that team's dashboard.
import { useModel } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { useApp } from "../../models/context";
import { TeamsModel } from "../../models/teams";
import { Link } from "../ui";

export function TeamSwitcher() {
  const { session, router } = useApp();
  const t = useModel(() => new TeamsModel(session));
  useEffect(() => void t.loadTeams().catch(() => {}), []);
  const teams = t.teams.value;
  if (!teams) return null;
  const pick = (id: string) => {
    const chosen = teams.find((x) => x.id === id);
    session.chooseTeam(chosen?.personal ? null : id);
    router.navigate("/");
  };
  return (
    <span class="team-switch">
      <label class="sr-only" for="team-switch">
        Team
      </label>
      <select id="team-switch" value={t.current.value?.id} onChange={(e) => pick(e.currentTarget.value)}>
        {teams.map((x) => (
          <option key={x.id} value={x.id}>
            {x.personal ? "Personal" : x.name}
          </option>
        ))}
      </select>
      <Link href="/team" aria-current={router.path.value === "/team" ? "page" : undefined}>
        Members
      </Link>
    </span>
  );
}
