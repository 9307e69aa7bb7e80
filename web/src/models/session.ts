// The signed-in creator: token kept in localStorage, expiry enforced client-side too.
import { createModel, signal, computed, effect } from "@preact/signals";
import { api, apiFetch, configureAuth } from "../api/client";
import type { TokenResponse } from "../api/types";
import { safeNext, type Router } from "./router";

interface Stored {
  token: string;
  email: string;
  expires_at: string;
}
const KEY = "cat.session";
/** The team the app acts for (X-Team-Id); absent means the personal team. */
const TEAM_KEY = "cat.team";
const isLive = (s: Stored | null) => !!s && Date.parse(s.expires_at) > Date.now();

function load(): Stored | null {
  try {
    const s = JSON.parse(localStorage.getItem(KEY) || "null") as Stored | null;
    return isLive(s) ? s : null;
  } catch {
    return null;
  }
}

export const SessionModel = createModel((router: Router) => {
  const session = signal<Stored | null>(load());
  const notice = signal<string | null>(null);
  const signedIn = computed(() => !!session.value);
  const email = computed(() => session.value?.email ?? "");
  const team = signal(localStorage.getItem(TEAM_KEY));
  const chooseTeam = (id: string | null) => {
    team.value = id;
    if (id) localStorage.setItem(TEAM_KEY, id);
    else localStorage.removeItem(TEAM_KEY);
  };

  const save = (s: Stored | null) => {
    session.value = s;
    if (s) localStorage.setItem(KEY, JSON.stringify(s));
    else {
      localStorage.removeItem(KEY);
      // The next account starts in its own personal team.
      chooseTeam(null);
    }
  };

  // Sends the creator to sign-in but remembers the page, so signing in again lands back there.
  const expire = () => {
    if (!session.peek()) return;
    save(null);
    notice.value = "Your session has expired. Sign in again to carry on where you were.";
    const here = location.pathname + location.search;
    router.navigate(`/signin?next=${encodeURIComponent(here)}`, true);
  };
  configureAuth(
    () => session.peek()?.token ?? null,
    expire,
    () => team.peek(),
  );

  // Expire proactively at expires_at, not just on the next 401.
  effect(() => {
    const s = session.value;
    if (!s) return;
    const t = setTimeout(expire, Math.min(Date.parse(s.expires_at) - Date.now(), 2 ** 31 - 1));
    return () => clearTimeout(t);
  });

  const signIn = async (emailAddr: string, password: string) => {
    const t = await api<TokenResponse>("POST", "/auth/login", { username: emailAddr, password });
    save({ token: t.access_token, email: emailAddr.trim().toLowerCase(), expires_at: t.expires_at });
    notice.value = null;
    router.navigate(safeNext(router.query.peek().get("next")), true);
  };

  return {
    session,
    notice,
    signedIn,
    email,
    team,
    chooseTeam,
    signIn,
    async signUp(emailAddr: string, password: string) {
      await api("POST", "/auth/register", { email: emailAddr, password });
      await signIn(emailAddr, password);
    },
    /** Ends the session on the server too (so the token stops working), then here. */
    async signOut(message = "You are signed out.") {
      const token = session.peek()?.token;
      save(null);
      notice.value = message;
      router.navigate("/signin");
      // Sent with the old token after the local session is gone, so a 401 does not read as "expired".
      if (token) await apiFetch("/auth/logout", { method: "POST", headers: { Authorization: `Bearer ${token}` } }).catch(() => {});
    },
    expire,
  };
});
export type Session = InstanceType<typeof SessionModel>;
