// The live channel closes when a test ends, but a rotation's restore comes after the end (and a
// failed one is retried by the server's alarm): while it is not done, ask for the state again.
import { useEffect } from "preact/hooks";
import type { Workflow } from "../../models/workflow";

export function useRestorePoll(m: Workflow, everyMs = 2000) {
  const ab = m.ab.value;
  const r = ab?.rotation;
  const waiting = !!ab && !ab.is_running && r?.state === "restoring";
  useEffect(() => {
    if (!waiting) return;
    const t = setInterval(() => void m.load(), everyMs);
    return () => clearInterval(t);
  }, [waiting]);
}
