// Webhooks: register an endpoint (its signing secret is shown once), rotate the secret, delete,
// and read the delivery log with each attempt's status code.
import { useSignal } from "@preact/signals";
import type { WebhookEndpoint } from "../../../../worker/shared/integrations";
import { relativeTime } from "../../models/format";
import { Alert, Confirm, Field, TableWrap } from "../ui";
import { useAccount } from "./context";
import { Secret } from "./Secret";

const EVENTS: [string, string][] = [
  ["workflow.status_changed", "A workflow moves to its next step"],
  ["ab_test.completed", "A test ends"],
  ["youtube.swap_applied", "A YouTube rotation swaps the video's thumbnail or title"],
  ["youtube.swap_failed", "A swap fails (it is tried again)"],
  ["youtube.reconnect_needed", "The channel needs reconnecting; the rotation pauses"],
  ["youtube.data_arrived", "YouTube's numbers for a day arrive"],
  ["youtube.restored", "The winner or the original is back on the video"],
  ["youtube.restore_failed", "Putting the video back fails (it is tried again)"],
];

function Deliveries({ id }: { id: string }) {
  const a = useAccount();
  const log = a.deliveries.value[id];
  if (log === undefined) return <p class="muted small">Loading deliveries…</p>;
  if (typeof log === "string") return <Alert>{log}</Alert>;
  if (!log.length) return <p class="muted small">Nothing delivered yet. Events arrive when a workflow changes.</p>;
  const now = Date.now();
  return (
    <TableWrap label="Deliveries">
      <table>
        <caption class="sr-only">Deliveries</caption>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Event</th>
            <th scope="col">Attempt</th>
            <th scope="col">Status</th>
            <th scope="col">Outcome</th>
          </tr>
        </thead>
        <tbody>
          {log.map((d) => (
            <tr key={`${d.message_id}-${d.attempt}`}>
              <td>{relativeTime(d.attempted_at, now)}</td>
              <td>{d.event}</td>
              <td>{d.attempt}</td>
              <td>{d.status_code ?? d.error ?? "–"}</td>
              <td>{d.outcome.replace("_", " ")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

function Endpoint({ w }: { w: WebhookEndpoint }) {
  const a = useAccount();
  const busy = !!a.busy.value;
  const error = a.errorAt(`rotate:${w.id}`) ?? a.errorAt(`delete:${w.id}`);
  return (
    <li class="endpoint">
      <p>
        <code class="url">{w.url}</code>
        {w.disabled_at && <span class="badge s-failed">Disabled: {w.disabled_reason}</span>}
      </p>
      <p class="muted small">{w.events.length ? w.events.join(", ") : "All events"}</p>
      <div class="actions wrap">
        <Confirm label="Rotate secret…" sure="Rotate now (the old secret stops)" disabled={busy} onConfirm={() => a.rotateSecret(w.id)} />
        <Confirm label="Delete…" sure="Delete now" disabled={busy} onConfirm={() => a.deleteWebhook(w.id)} />
      </div>
      {error && <Alert>{error}</Alert>}
      <Secret kind="webhook" id={w.id} />
      <details onToggle={(e) => (e.currentTarget as HTMLDetailsElement).open && a.loadDeliveries(w.id)}>
        <summary>Deliveries</summary>
        <Deliveries id={w.id} />
      </details>
    </li>
  );
}

export function Webhooks() {
  const a = useAccount();
  const events = useSignal<string[]>([]);
  const hooks = a.hooks.items.value;
  return (
    <section class="card" aria-labelledby="hooks-title">
      <h2 id="hooks-title">Webhooks</h2>
      <p class="muted small">Signed POSTs (Standard Webhooks) to your server when something happens.</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const url = String(new FormData(e.currentTarget).get("url") ?? "").trim();
          void a.createWebhook(url, events.value).then((ok) => ok && (e.target as HTMLFormElement).reset());
        }}
      >
        <Field label="Endpoint URL" name="url" type="url" required hint="https://… (plain http only in development)" />
        <fieldset>
          <legend>Events (none ticked: all)</legend>
          {EVENTS.map(([ev, text]) => (
            <label key={ev} class="choose">
              <input
                type="checkbox"
                checked={events.value.includes(ev)}
                onChange={(e) => (events.value = e.currentTarget.checked ? [...events.value, ev] : events.value.filter((x) => x !== ev))}
              />
              {text} <code>{ev}</code>
            </label>
          ))}
        </fieldset>
        <button class="primary" type="submit" disabled={a.busy.value === "webhook"}>
          {a.busy.value === "webhook" ? "Adding…" : "Add endpoint"}
        </button>
      </form>
      {a.errorAt("webhook") && <Alert>{a.errorAt("webhook")}</Alert>}
      {a.hooks.error.value && <Alert>{a.hooks.error.value}</Alert>}
      {hooks && hooks.length === 0 && <p class="empty">No webhook endpoints yet.</p>}
      {hooks && hooks.length > 0 && (
        <ul class="endpoints">
          {hooks.map((w) => (
            <Endpoint key={w.id} w={w} />
          ))}
        </ul>
      )}
    </section>
  );
}
