// A history-API router small enough to read in one go: the URL is a signal, links call navigate().
import { createModel, signal, computed } from "@preact/signals";

export const RouterModel = createModel(() => {
  // An invitation link (<origin>/#/invite/<token>) becomes the app's own route, so sign-in can come back to it.
  if (location.hash.startsWith("#/invite/")) history.replaceState(null, "", location.hash.slice(1));
  const path = signal(location.pathname);
  const search = signal(location.search);
  const query = computed(() => new URLSearchParams(search.value));
  const sync = () => {
    path.value = location.pathname;
    search.value = location.search;
  };
  addEventListener("popstate", sync);
  return {
    path,
    search,
    query,
    navigate(to: string, replace = false) {
      if (to === location.pathname + location.search) return;
      history[replace ? "replaceState" : "pushState"](null, "", to);
      sync();
      if (!replace) scrollTo(0, 0);
    },
  };
});
export type Router = InstanceType<typeof RouterModel>;

/** Only same-app paths may be used as a post-sign-in destination (no open redirect). */
export const safeNext = (next: string | null) => (next && /^\/(?!\/)/.test(next) ? next : "/");
