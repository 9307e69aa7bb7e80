// For integrators (its own chunk): API keys, webhooks, usage against budgets, sessions, and the API docs.
import { useModel } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { API_PREFIX } from "../../api/client";
import { AccountModel } from "../../models/account";
import { useApp } from "../../models/context";
import { useTitle } from "../ui";
import { ApiKeys } from "./ApiKeys";
import { AccountContext } from "./context";
import { Sessions } from "./Sessions";
import { UsagePanel } from "./UsagePanel";
import { Webhooks } from "./Webhooks";

export function Settings() {
  const { session } = useApp();
  const a = useModel(() => new AccountModel(session));
  useTitle("API keys & webhooks");
  useEffect(() => a.loadAll(), []);
  return (
    <AccountContext.Provider value={a}>
      <div class="page-head">
        <h1 tabIndex={-1}>API keys &amp; webhooks</h1>
      </div>
      <p class="muted">
        Signed in as {session.email.value}. Connect your own tools: the <a href={`${API_PREFIX}/docs`}>API reference</a> lists every route
        and lets you try them.
      </p>
      <UsagePanel />
      <ApiKeys />
      <Webhooks />
      <Sessions />
    </AccountContext.Provider>
  );
}
