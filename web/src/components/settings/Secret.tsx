// A secret the API shows once: on screen until dismissed, with a copy button and a warning.
import { CopyButton } from "../ui";
import { useAccount } from "./context";

export function Secret({ kind, id }: { kind: "key" | "webhook"; id?: string }) {
  const a = useAccount();
  const s = a.secret.value;
  if (!s || s.kind !== kind || (id && s.id !== id)) return null;
  const what = kind === "key" ? "API key" : "signing secret";
  return (
    <div class="alert info secret" role="status">
      <p>Your new {what}. Copy it now: it is not shown again.</p>
      <code data-secret={kind}>{s.value}</code>
      <p class="actions wrap">
        <CopyButton text={s.value} label={`the ${what}`} />
        <button type="button" class="small" onClick={() => a.forgetSecret()}>
          I have saved it
        </button>
      </p>
    </div>
  );
}
