// The integrator's side of the account: API keys, webhooks with their delivery log, usage
// against budgets, and sessions. Secrets (a new key, a webhook secret) are held only until the
// creator leaves the page: the API shows them once.
import { createModel, signal } from "@preact/signals";
import type { z } from "zod";
import type { ScopedApiKey, ScopedApiKeyCreated, Session as SessionSchema, UsageReport } from "../../../worker/auth/contract";
import type { DeliveryAttempt, WebhookEndpoint } from "../../../worker/shared/integrations";
import { api, ApiError, errorText } from "../api/client";
import type { Session } from "./session";

export type SessionView = z.infer<typeof SessionSchema>;
export type KeyView = ScopedApiKey;
/** A list that loads, fails or is not offered by this server (404) in plain words. */
function listOf<T>(path: string) {
  const items = signal<T[] | null>(null);
  const error = signal<string | null>(null);
  const missing = signal(false);
  return {
    items,
    error,
    missing,
    async load() {
      error.value = null;
      try {
        items.value = (await api<{ items: T[] }>("GET", path)).items;
      } catch (e) {
        if (e instanceof ApiError && (e.status === 404 || e.status === 405)) missing.value = true;
        else error.value = errorText(e);
      }
    },
  };
}

export const AccountModel = createModel((session: Session) => {
  const keys = listOf<KeyView>("/api-keys");
  const hooks = listOf<WebhookEndpoint>("/webhooks");
  const sessions = listOf<SessionView>("/auth/sessions");
  const usage = signal<UsageReport | null>(null);
  const usageError = signal<string | null>(null);
  /** The one-time secret on screen, and what it belongs to. */
  const secret = signal<{ kind: "key" | "webhook"; id: string; value: string } | null>(null);
  const deliveries = signal<Record<string, DeliveryAttempt[] | string>>({});
  const busy = signal<string | null>(null);
  /** The last failed action and where it happened, so the message shows next to its form. */
  const error = signal<{ at: string; message: string } | null>(null);

  const run = async (name: string, call: () => Promise<void>) => {
    busy.value = name;
    error.value = null;
    try {
      await call();
      return true;
    } catch (e) {
      error.value = { at: name, message: errorText(e) };
      return false;
    } finally {
      busy.value = null;
    }
  };

  return {
    keys,
    hooks,
    sessions,
    usage,
    usageError,
    secret,
    deliveries,
    busy,
    error,
    loadAll() {
      void keys.load();
      void hooks.load();
      void sessions.load();
      api<UsageReport>("GET", "/usage").then(
        (u) => (usage.value = u),
        (e) => (usageError.value = errorText(e)),
      );
    },
    createKey: (name: string, scopes: string[]) =>
      run("key", async () => {
        const k = await api<ScopedApiKeyCreated>("POST", "/api-keys", { name, scopes });
        secret.value = { kind: "key", id: k.id, value: k.key };
        await keys.load();
      }),
    revokeKey: (id: string) =>
      run(`revoke:${id}`, async () => {
        await api("DELETE", `/api-keys/${id}`);
        await keys.load();
      }),
    createWebhook: (url: string, events: string[]) =>
      run("webhook", async () => {
        const w = await api<WebhookEndpoint & { secret: string }>("POST", "/webhooks", { url, events });
        secret.value = { kind: "webhook", id: w.id, value: w.secret };
        await hooks.load();
      }),
    rotateSecret: (id: string) =>
      run(`rotate:${id}`, async () => {
        const r = await api<{ id: string; secret: string }>("POST", `/webhooks/${id}/rotate-secret`, {});
        secret.value = { kind: "webhook", id, value: r.secret };
      }),
    deleteWebhook: (id: string) =>
      run(`delete:${id}`, async () => {
        await api("DELETE", `/webhooks/${id}`);
        await hooks.load();
      }),
    async loadDeliveries(id: string) {
      try {
        const r = await api<{ items: DeliveryAttempt[] }>("GET", `/webhooks/${id}/deliveries`);
        deliveries.value = { ...deliveries.peek(), [id]: r.items };
      } catch (e) {
        deliveries.value = { ...deliveries.peek(), [id]: errorText(e) };
      }
    },
    endSession: (id: string) =>
      run(`session:${id}`, async () => {
        await api("DELETE", `/auth/sessions/${id}`);
        await sessions.load();
      }),
    signOutEverywhere: () =>
      run("logout-all", async () => {
        await api("POST", "/auth/logout-all");
        await session.signOut("You are signed out on every device.");
      }),
    errorAt(prefix: string) {
      const e = error.value;
      return e && e.at.startsWith(prefix) ? e.message : null;
    },
    forgetSecret() {
      secret.value = null;
    },
  };
});
export type Account = InstanceType<typeof AccountModel>;
