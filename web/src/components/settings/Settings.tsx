// Settings: the YouTube channel (its panel comes with the YouTube chunk), then for integrators API
// keys, webhooks, usage against budgets, sessions, and the API docs.
import { useModel } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { API_PREFIX } from "../../api/client";
import { AccountModel } from "../../models/account";
import { useApp } from "../../models/context";
import { lazyScreen, useTitle } from "../ui";
import { ApiKeys } from "./ApiKeys";
import { AccountContext } from "./context";
import { MyFace } from "./MyFace";
import { Sessions } from "./Sessions";
import { SpeakingPace } from "./SpeakingPace";
import { UsagePanel } from "./UsagePanel";
import { Webhooks } from "./Webhooks";

const ChannelPanel = lazyScreen(() => import("../youtube-screens").then((m) => m.ChannelPanel), "Loading your YouTube channel…");

export function Settings() {
  const { session } = useApp();
  const a = useModel(() => new AccountModel(session));
  useTitle("Settings");
  useEffect(() => a.loadAll(), []);
  return (
    <AccountContext.Provider value={a}>
      <div class="page-head">
        <h1 tabIndex={-1}>Settings</h1>
      </div>
      <p class="muted">
        Signed in as {session.email.value}. Connect your YouTube channel and your own tools: the{" "}
        <a href={`${API_PREFIX}/docs`}>API reference</a> lists every route and lets you try them.
      </p>
      <ChannelPanel />
      <MyFace />
      <SpeakingPace />
      <UsagePanel />
      <ApiKeys />
      <Webhooks />
      <Sessions />
    </AccountContext.Provider>
  );
}
