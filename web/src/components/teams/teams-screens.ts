// The teams chunk: the header's switcher, the Members screen, the invitation screen and the
// workflow's activity log. One lazily loaded chunk, with its own line in `npm run bench:web`; its
// styles come with it (injected once), so the first page does not grow.
import css from "./teams.inject.css";

if (!document.getElementById("team-styles")) {
  const style = document.createElement("style");
  style.id = "team-styles";
  style.textContent = css;
  document.head.appendChild(style);
}

export { TeamSwitcher } from "./TeamSwitcher";
export { TeamPage } from "./TeamPage";
export { Activity } from "./Activity";
