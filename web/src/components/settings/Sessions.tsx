// Where this account is signed in: end one session, or sign out everywhere at once.
import { relativeTime } from "../../models/format";
import { Alert, Confirm } from "../ui";
import { useAccount } from "./context";

/** "Chrome on Linux" from a user agent; the raw string when it names no browser we know. */
function device(ua: string | null) {
  if (!ua) return "Unknown device";
  const browser = /Edg|Firefox|Chrome|Safari/.exec(ua)?.[0];
  const os = /Windows|Android|iPhone|iPad|Mac OS|Linux/.exec(ua)?.[0];
  return browser ? `${browser === "Edg" ? "Edge" : browser}${os ? ` on ${os.replace("Mac OS", "macOS")}` : ""}` : ua.slice(0, 40);
}

export function Sessions() {
  const a = useAccount();
  const list = a.sessions.items.value;
  const now = Date.now();
  const error = a.errorAt("session") ?? a.errorAt("logout-all");
  return (
    <section class="card" aria-labelledby="sessions-title">
      <h2 id="sessions-title">Where you are signed in</h2>
      {a.sessions.missing.value && <p class="muted small">This server does not list sessions yet.</p>}
      {a.sessions.error.value && <Alert>{a.sessions.error.value}</Alert>}
      {list && (
        <ul class="sessions">
          {list.map((s) => (
            <li key={s.id}>
              <span>
                {device(s.user_agent)}
                {s.current && (
                  <>
                    {" "}
                    <span class="badge win">This device</span>
                  </>
                )}
                <span class="muted small"> · signed in {relativeTime(s.created_at, now)}</span>
              </span>
              {!s.current && (
                <Confirm label="Sign out…" sure="Sign out that device" disabled={!!a.busy.value} onConfirm={() => a.endSession(s.id)} />
              )}
            </li>
          ))}
        </ul>
      )}
      {error && <Alert>{error}</Alert>}
      <button type="button" class="danger" disabled={!!a.busy.value} onClick={() => a.signOutEverywhere()}>
        {a.busy.value === "logout-all" ? "Signing out…" : "Sign out everywhere"}
      </button>
    </section>
  );
}
