// Results: the winning script and thumbnail, the test summary, and the export package.
import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import type { Decision } from "../../../worker/shared/contract";
import { ApiError, apiAsset, errorText } from "../api/client";
import { useWorkflow } from "../models/context";
import { duration, int, pct, STYLE_LABEL } from "../models/derive";
import type { ExportFormat } from "../models/workflow";
import { Alert, Loading } from "./ui";

const DECISION: Record<Decision, string> = {
  winner: "The engine called a winner",
  manual: "You declared the winner",
  stopped: "You stopped the test",
  timeout: "The test reached its deadline",
};

function save(name: string, text: string, type: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = Object.assign(document.createElement("a"), { href: url, download: name });
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function ExportPanel() {
  const m = useWorkflow();
  const note = useSignal<{ text: string; error?: boolean } | null>(null);
  const preview = useSignal<string | null>(null);
  const run = async (format: ExportFormat, how: "download" | "copy") => {
    note.value = { text: "Preparing export…" };
    try {
      const file = await m.fetchExport(format);
      preview.value = file.text;
      if (how === "download") {
        save(file.name, file.text, file.type);
        note.value = { text: `Downloaded ${file.name}.` };
      } else {
        await navigator.clipboard.writeText(file.text);
        note.value = { text: `Copied the ${format === "json" ? "JSON" : "Markdown"} export to the clipboard.` };
      }
    } catch (e) {
      note.value = {
        text: how === "copy" && !(e instanceof ApiError) ? "Copying is blocked here; select the text below instead." : errorText(e),
        error: true,
      };
    }
  };
  return (
    <section class="card" aria-labelledby="export-title">
      <h2 id="export-title">Export package</h2>
      <div class="actions wrap">
        <button type="button" onClick={() => run("json", "download")}>
          Download JSON
        </button>
        <button type="button" onClick={() => run("markdown", "download")}>
          Download Markdown
        </button>
        <button type="button" onClick={() => run("json", "copy")}>
          Copy JSON
        </button>
        <button type="button" onClick={() => run("markdown", "copy")}>
          Copy Markdown
        </button>
      </div>
      {note.value && (note.value.error ? <Alert>{note.value.text}</Alert> : <p role="status">{note.value.text}</p>)}
      {preview.value && <textarea class="preview" readOnly aria-label="Export preview" rows={10} value={preview.value} />}
    </section>
  );
}

export function Results() {
  const m = useWorkflow();
  useEffect(() => {
    void m.loadResults();
  }, []);
  const r = m.results.value;
  if (m.resultsError.value)
    return (
      <Alert>
        {m.resultsError.value}{" "}
        <button class="link" type="button" onClick={() => m.loadResults()}>
          Try again
        </button>
      </Alert>
    );
  if (!r) return <Loading label="Loading results…" />;
  const { script, thumbnail } = r.winning_content;
  const s = r.ab_test_summary;
  return (
    <>
      <section class="card results" aria-labelledby="win-title">
        <h2 id="win-title">Winning content</h2>
        <div class="win-layout">
          <figure>
            <img
              src={apiAsset(thumbnail.url)}
              width={1280}
              height={720}
              alt={`Winning thumbnail, ${STYLE_LABEL[thumbnail.style]}: ${thumbnail.prompt}`}
            />
            <figcaption>{STYLE_LABEL[thumbnail.style]} thumbnail</figcaption>
          </figure>
          <div>
            <h3>{script.title}</h3>
            <p class="hook">{script.hook}</p>
            {script.body.split(/\n{2,}/).map((p, i) => (
              <p key={i}>{p}</p>
            ))}
            <p>
              <strong>Call to action:</strong> {script.call_to_action}
            </p>
            <p class="muted">About {duration(script.estimated_duration_seconds)}</p>
          </div>
        </div>
      </section>
      <section class="card" aria-labelledby="sum-title">
        <h2 id="sum-title">Test summary</h2>
        <p>
          {DECISION[s.decision]} after {duration(s.duration_seconds)}, {int(s.total_impressions)} impressions, {pct(s.confidence, 0)}{" "}
          confidence.
        </p>
        {s.explanation && <p class="muted">{s.explanation}</p>}
        <div class="table-wrap">
          <table>
            <caption class="sr-only">Per-variant results</caption>
            <thead>
              <tr>
                <th scope="col">Variant</th>
                <th scope="col">Impressions</th>
                <th scope="col">Clicks</th>
                <th scope="col">CTR</th>
              </tr>
            </thead>
            <tbody>
              {s.variants.map((v) => (
                <tr key={v.thumbnail_id} class={v.thumbnail_id === s.winner_id ? "won" : ""}>
                  <th scope="row">
                    {STYLE_LABEL[v.style]}
                    {v.thumbnail_id === s.winner_id && <span class="badge win">Winner</span>}
                  </th>
                  <td>{int(v.impressions)}</td>
                  <td>{int(v.clicks)}</td>
                  <td>{pct(v.ctr, 2)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <ExportPanel />
    </>
  );
}
