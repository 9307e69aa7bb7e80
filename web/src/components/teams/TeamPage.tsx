// The teams chunk's pages: /team (the current team's members) and /invite/<token>.
import { Invitation } from "./Invitation";
import { Members } from "./Members";

export const TeamPage = ({ path }: { path: string }) =>
  path === "/team" ? <Members /> : <Invitation token={decodeURIComponent(path.slice("/invite/".length))} />;
