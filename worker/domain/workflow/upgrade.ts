// Records stored by earlier versions, brought to today's shape when the object loads them, so a
// workflow (and a test) running at a deploy keeps its thumbnails, its evidence and its index.
import type { ThumbnailStyle } from "../../shared/contract";
import type { AbTestRecord } from "../ab-test";
import { upgradeRotation } from "../rotation/upgrade";
import { evaluate, upgradeEngineState } from "../stats";
import type { StoredThumbnail, WorkflowRecord } from "./record";

type LegacyThumbnail = { id: string; style: ThumbnailStyle; prompt: string; url?: string };

const OUR_IMAGES = "/api/v1/thumbnails/";

function upgradeThumbnail(t: StoredThumbnail | LegacyThumbnail, headlines: Record<string, string>): StoredThumbnail {
  if ("version" in t) return t;
  // Before, the URL was stored (ours, or Pollinations') and headlines lived under their own key.
  const external = t.url && !t.url.startsWith(OUR_IMAGES) ? t.url : null;
  return {
    id: t.id,
    style: t.style,
    prompt: t.prompt,
    headline: headlines[t.id] ?? "",
    variation: 0,
    external_url: external,
    upload: null,
    version: 0,
  };
}

function upgradeAb(ab: AbTestRecord): AbTestRecord {
  const rotation = upgradeRotation(ab.rotation);
  if (rotation !== ab.rotation) ab = { ...ab, rotation };
  const state = upgradeEngineState(ab.engine_state);
  // An evaluation from before verdicts existed is recomputed from the (upgraded) evidence.
  const stale = ab.evaluation !== null && ab.evaluation.verdict === undefined;
  if (state === ab.engine_state && !stale) return ab;
  return { ...ab, engine_state: state, evaluation: ab.evaluation && evaluate(state, ab.pick_id, ab.engine) };
}

export function upgradeRecord(record: WorkflowRecord | undefined, legacyHeadlines: Record<string, string> = {}): WorkflowRecord | null {
  if (!record) return null;
  const thumbnails = (record.thumbnails as (StoredThumbnail | LegacyThumbnail)[]).map((t) => upgradeThumbnail(t, legacyHeadlines));
  // A record from before the activity log has none: who acted then was not recorded.
  const activity = (record as Partial<WorkflowRecord>).activity ?? [];
  return { ...record, thumbnails, ab: record.ab && upgradeAb(record.ab), activity };
}
