// The creator's edits at the two gates: their own version of a script, and a redrawn or uploaded
// thumbnail. None changes the status; each reports an "updated" event.
import type { Script, ScriptRevision } from "../../shared/contract";
import { DEFAULT_WORDS_PER_MINUTE, secondsFor, spokenWords } from "../../shared/script-length";
import { chapterProblems } from "../chapters";
import { invalid } from "../refusal";
import type { Command, Transition } from "./commands";
import { type StoredThumbnail, type WorkflowRecord, findScript, findThumbnail } from "./record";
import { refused, revisionCap, unknownScript, unknownThumbnail } from "./refusals";

type Of<T extends Command["type"]> = Extract<Command, { type: T }>;

export function editScript(r: WorkflowRecord, { edit, new_id }: Of<"edit_script">, now: number): Transition {
  const original = findScript(r, edit.script_id);
  if (!original) return unknownScript();
  const capped = revisionCap(r);
  if (capped) return capped;
  const { script_id: _from, ...changes } = edit;
  const defined = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
  if (Object.keys(defined).length === 0) return refused(invalid([{ path: "(body)", message: "change at least one field" }]));
  const revision: ScriptRevision = {
    revision: r.script_revisions.length + 1,
    feedback: null,
    created_at: new Date(now).toISOString(),
    source: "edited",
    fallback_reason: null,
    usage: [],
    scripts: [edited(original, defined, new_id)],
    feedback_applied: [],
    feedback_notes: [],
    edited_from: original.id,
  };
  const next = { ...r, script_revisions: [...r.script_revisions, revision], updated_at: now };
  return { ok: true, record: next, events: [{ type: "updated", what: "script edited" }] };
}

/**
 * The creator's version: a new body replaces the sections it was written from, and the duration
 * is the spoken words of what is there now at the script's pace.
 */
function edited(original: Script, changes: Partial<Script>, id: string): Script {
  const { sections, ...rest } = { ...original, ...changes, id };
  const kept = changes.body === undefined ? sections : undefined;
  const spoken = kept
    ? [rest.hook, ...kept.map((s) => s.spoken), rest.call_to_action]
    : rest.body.includes(rest.call_to_action)
      ? [rest.hook, rest.body]
      : [rest.hook, rest.body, rest.call_to_action];
  const seconds = secondsFor(spokenWords(...spoken), rest.words_per_minute ?? DEFAULT_WORDS_PER_MINUTE);
  return { ...rest, ...(kept ? { sections: kept } : {}), estimated_duration_seconds: seconds };
}

/** The creator's chapter times, checked against YouTube's rules; null goes back to the estimates. */
export function setChapters(r: WorkflowRecord, { chapters }: Of<"set_chapters">, now: number): Transition {
  if (chapters) {
    const problems = chapterProblems(chapters);
    if (problems.length) return refused(invalid(problems.map((message) => ({ path: "chapters", message }))));
  }
  const { chapters: _old, ...rest } = r;
  const next = chapters ? { ...rest, chapters, updated_at: now } : { ...rest, updated_at: now };
  return { ok: true, record: next, events: [{ type: "updated", what: "chapters set" }] };
}

function replaceThumbnail(r: WorkflowRecord, id: string, change: Partial<StoredThumbnail>, now: number, what: string): Transition {
  const current = findThumbnail(r, id);
  if (!current) return unknownThumbnail();
  const thumbnails = r.thumbnails.map((t) => (t.id === id ? { ...t, ...change, version: t.version + 1 } : t));
  return { ok: true, record: { ...r, thumbnails, updated_at: now }, events: [{ type: "updated", what }] };
}

export const redrawThumbnail = (r: WorkflowRecord, c: Of<"redraw_thumbnail">, now: number): Transition =>
  replaceThumbnail(
    r,
    c.thumbnail_id,
    { headline: c.headline, prompt: c.prompt, variation: c.variation, external_url: c.external_url, upload: null, look: c.look },
    now,
    "thumbnail redrawn",
  );

export const uploadThumbnail = (r: WorkflowRecord, c: Of<"upload_thumbnail">, now: number): Transition =>
  replaceThumbnail(
    r,
    c.thumbnail_id,
    { upload: c.content_type, headline: "", prompt: "Your own image", look: undefined },
    now,
    "thumbnail uploaded",
  );
