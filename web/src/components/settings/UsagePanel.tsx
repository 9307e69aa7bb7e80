// Usage against the account's budgets, and the AI use behind it.
import { int, roughly } from "../../models/format";
import { Alert, Loading } from "../ui";
import { useAccount } from "./context";

export function UsagePanel() {
  const a = useAccount();
  const u = a.usage.value;
  const now = Date.now();
  return (
    <section class="card" aria-labelledby="usage-title">
      <h2 id="usage-title">Usage</h2>
      {a.usageError.value && <Alert>{a.usageError.value}</Alert>}
      {!u && !a.usageError.value && <Loading label="Loading usage…" />}
      {u && (
        <ul class="budgets">
          {u.budgets.map((b) => {
            const share = b.limit > 0 ? Math.min(1, b.used / b.limit) : 0;
            const n = (x: number) => (b.name.endsWith("usd_per_day") ? `$${x.toFixed(2)}` : int(x));
            return (
              <li key={b.name}>
                <span id={`b-${b.name}`}>
                  {b.description}: <strong>{n(b.used)}</strong> of {n(b.limit)}
                  {b.resets_at && <span class="muted small"> · starts again in {roughly((Date.parse(b.resets_at) - now) / 1000)}</span>}
                </span>
                <div
                  class={`progress${share >= 0.9 ? " high" : ""}`}
                  role="progressbar"
                  aria-labelledby={`b-${b.name}`}
                  aria-valuemin={0}
                  aria-valuemax={b.limit}
                  aria-valuenow={b.used}
                >
                  <div style={{ width: `${share * 100}%` }} />
                </div>
              </li>
            );
          })}
        </ul>
      )}
      {u && (
        <p class="small">
          AI use in all your workflows: {int(u.calls)} call{u.calls === 1 ? "" : "s"}, {int(u.prompt_tokens + u.completion_tokens)} tokens,
          about ${u.estimated_cost_usd.toFixed(4)}.
        </p>
      )}
    </section>
  );
}
