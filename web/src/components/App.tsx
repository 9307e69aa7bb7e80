// Layout and routes. Signed-out visitors are sent to sign-in with the page they wanted kept in ?next.
import { useEffect } from "preact/hooks";
import { API_PREFIX } from "../api/client";
import { useApp } from "../models/context";
import { AuthScreen } from "./AuthScreen";
import { Dashboard } from "./Dashboard";
import { lazyScreen, Link } from "./ui";

// The first page is sign-in or the dashboard; the other screens load when first opened.
const WorkflowPage = lazyScreen(() => import("./screens").then((m) => m.WorkflowPage), "Opening the workflow…");
const Settings = lazyScreen(() => import("./screens").then((m) => m.Settings), "Opening the settings…");
// Teams (switcher, members, invitations) load in a chunk of their own, counted on their own line by bench:web.
const TeamSwitcher = lazyScreen(() => import("./teams/teams-screens").then((m) => m.TeamSwitcher), "");
const TeamPage = lazyScreen(() => import("./teams/teams-screens").then((m) => m.TeamPage), "Opening the team…");

export function App() {
  const { router, session } = useApp();
  const path = router.path.value;
  const signedIn = session.signedIn.value;
  const team = session.team.value ?? "";
  const authRoute = path === "/signin" || path === "/signup";
  const workflowId = /^\/workflows\/([^/]+)\/?$/.exec(path)?.[1];

  useEffect(() => {
    if (!signedIn && !authRoute) router.navigate(`/signin?next=${encodeURIComponent(path + location.search)}`, true);
    if (signedIn && authRoute) router.navigate("/", true);
  }, [signedIn, authRoute, path]);

  // Move focus to the new page's heading so screen readers announce the navigation.
  useEffect(() => {
    requestAnimationFrame(() => document.querySelector<HTMLElement>("main h1")?.focus({ preventScroll: true }));
  }, [path]);

  let page;
  if (authRoute) page = <AuthScreen mode={path === "/signup" ? "signup" : "signin"} />;
  else if (!signedIn) page = null;
  else if (workflowId) page = <WorkflowPage key={workflowId} id={decodeURIComponent(workflowId)} />;
  else if (path === "/") page = <Dashboard />;
  else if (path === "/settings") page = <Settings />;
  else if (path === "/team" || path.startsWith("/invite/")) page = <TeamPage path={path} />;
  else
    page = (
      <section>
        <h1 tabIndex={-1}>Page not found</h1>
        <p>
          <Link href="/">Back to your workflows</Link>
        </p>
      </section>
    );

  return (
    <>
      <a class="skip" href="#main">
        Skip to content
      </a>
      <header class="top">
        <Link href="/" class="brand">
          Creator Agent
        </Link>
        {signedIn && (
          <nav aria-label="Account">
            <TeamSwitcher key={team} />
            <Link href="/settings" aria-current={path === "/settings" ? "page" : undefined}>
              Settings
            </Link>
            <a href={`${API_PREFIX}/docs`}>API docs</a>
            <button class="link" type="button" onClick={() => session.signOut()} title={session.email.value}>
              Sign out
            </button>
          </nav>
        )}
      </header>
      {/* Keyed by team: switching remounts the page, which loads that team's workflows, keys and usage. */}
      <main id="main" key={team}>
        {page}
      </main>
    </>
  );
}
