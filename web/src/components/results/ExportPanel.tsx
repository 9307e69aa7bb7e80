// The whole package as JSON or Markdown: download or copy.
import { useSignal } from "@preact/signals";
import { ApiError, errorText } from "../../api/client";
import { useWorkflow } from "../../models/context";
import type { ExportFormat } from "../../models/workflow-actions";
import { Alert, saveFile } from "../ui";

export function ExportPanel() {
  const m = useWorkflow();
  const note = useSignal<{ text: string; error?: boolean } | null>(null);
  const preview = useSignal<string | null>(null);
  const run = async (format: ExportFormat, how: "download" | "copy") => {
    note.value = { text: "Preparing export…" };
    try {
      const file = await m.fetchExport(format);
      preview.value = file.text;
      if (how === "download") {
        saveFile(file.name, file.text, file.type);
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
      <h2 id="export-title">The whole package</h2>
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
