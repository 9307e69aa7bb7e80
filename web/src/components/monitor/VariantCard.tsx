// One variant's counts, with its CTR range at the one level the screen uses, or "too early for a
// range" while the range is too wide to inform.
import { apiAsset } from "../../api/client";
import type { VariantStats } from "../../api/types";
import { ctrRangeText, intervalLevelOf } from "../../models/ab-view";
import { useWorkflow } from "../../models/context";
import { int, pct } from "../../models/format";
import { previewSrc } from "../../models/previews";

export function VariantCard({ v, color }: { v: VariantStats; color: string }) {
  const m = useWorkflow();
  const ab = m.ab.value!;
  const t = m.workflow.value!.thumbnails.find((t) => t.id === v.thumbnail_id);
  const url = t && previewSrc(t.png_url ?? t.url, 360);
  const leading = m.leader.value === v.thumbnail_id && ab.is_running;
  const won = m.winner.value === v.thumbnail_id;
  return (
    <li class={`card variant${leading ? " leading" : ""}`} style={{ borderTopColor: color }}>
      {url && <img src={apiAsset(url)} alt="" width={1280} height={720} />}
      <h3>
        {m.labelOf(v.thumbnail_id)}
        {won ? <span class="badge win">Winner</span> : leading && <span class="badge lead">Ahead</span>}
        {ab.creator_pick_id === v.thumbnail_id && <span class="badge">Your pick</span>}
      </h3>
      <dl class="nums">
        <div>
          <dt>Impressions</dt>
          <dd data-metric="impressions">{int(v.impressions)}</dd>
        </div>
        <div>
          <dt>Clicks</dt>
          <dd data-metric="clicks">{int(v.clicks)}</dd>
        </div>
        <div>
          <dt>CTR</dt>
          <dd data-metric="ctr">{v.impressions ? pct(v.ctr, 2) : "–"}</dd>
        </div>
      </dl>
      <p class="muted small" data-testid="ctr-range">
        {v.impressions ? `${pct(intervalLevelOf(ab), 0)} range: ${ctrRangeText(v, (x) => pct(x))}` : "No impressions yet"}
      </p>
    </li>
  );
}
