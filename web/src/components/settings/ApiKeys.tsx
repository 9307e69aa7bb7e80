// API keys: create one with the narrowest scope that fits, see each key's scope, revoke.
import { useSignal } from "@preact/signals";
import { relativeTime } from "../../models/format";
import { Alert, Confirm, Field, TableWrap } from "../ui";
import { useAccount } from "./context";
import { Secret } from "./Secret";

const SCOPES: [string, string][] = [
  ["metrics:write", "Push test numbers (metrics) only"],
  ["workflows:read", "Read workflows and results"],
  ["workflows:write", "Start workflows and act on them"],
];

export function ApiKeys() {
  const a = useAccount();
  const scopes = useSignal<string[]>(["metrics:write"]);
  const keys = a.keys.items.value;
  const now = Date.now();
  const toggle = (s: string, on: boolean) => (scopes.value = on ? [...scopes.value, s] : scopes.value.filter((x) => x !== s));
  return (
    <section class="card" aria-labelledby="keys-title">
      <h2 id="keys-title">API keys</h2>
      <p class="muted small">For your own scripts and analytics pipelines: send a key as “Authorization: Bearer &lt;key&gt;”.</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const name = String(new FormData(e.currentTarget).get("name") ?? "").trim() || "API key";
          void a.createKey(name, scopes.value).then((ok) => ok && (e.target as HTMLFormElement).reset());
        }}
      >
        <Field label="Name" name="name" maxLength={100} hint="So you can tell your keys apart, e.g. “analytics export”." />
        <fieldset class="scopes">
          <legend>What the key may do</legend>
          {SCOPES.map(([s, text]) => (
            <label key={s} class="choose">
              <input type="checkbox" checked={scopes.value.includes(s)} onChange={(e) => toggle(s, e.currentTarget.checked)} />
              {text} <code>{s}</code>
            </label>
          ))}
        </fieldset>
        <button class="primary" type="submit" disabled={a.busy.value === "key" || !scopes.value.length}>
          {a.busy.value === "key" ? "Creating…" : "Create key"}
        </button>
      </form>
      {(a.errorAt("key") ?? a.errorAt("revoke")) && <Alert>{a.errorAt("key") ?? a.errorAt("revoke")}</Alert>}
      <Secret kind="key" />
      {a.keys.error.value && <Alert>{a.keys.error.value}</Alert>}
      {keys && keys.length === 0 && <p class="empty">No API keys yet.</p>}
      {keys && keys.length > 0 && (
        <TableWrap label="Your API keys">
          <table>
            <caption class="sr-only">Your API keys</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Key</th>
                <th scope="col">Scope</th>
                <th scope="col">Last used</th>
                <th scope="col">
                  <span class="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {keys.map((k) => (
                <tr key={k.id} class={k.revoked_at ? "muted" : ""}>
                  <th scope="row">{k.name}</th>
                  <td>
                    <code>{k.prefix}…</code>
                  </td>
                  <td>{k.scopes?.join(", ") ?? "all workflow routes"}</td>
                  <td>{k.last_used_at ? relativeTime(k.last_used_at, now) : "never"}</td>
                  <td>
                    {k.revoked_at ? (
                      "revoked"
                    ) : (
                      <Confirm
                        label="Revoke…"
                        sure={`Revoke “${k.name}” now`}
                        disabled={!!a.busy.value}
                        onConfirm={() => a.revokeKey(k.id)}
                      />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </section>
  );
}
