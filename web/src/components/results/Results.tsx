// Results: what won and how sure that is (the status line, in the first person when you picked before
// proof), the Studio fields, and the package.
import { useEffect } from "preact/hooks";
import { apiAsset } from "../../api/client";
import { useWorkflow } from "../../models/context";
import { duration, int, pct } from "../../models/format";
import { Alert, lazyScreen, Loading, sentence, TableWrap } from "../ui";
import { ExportPanel } from "./ExportPanel";
import { outcomeWord, percentWords } from "../../../../worker/domain/stats/decisive";
import { StudioExport } from "./StudioExport";
import { previewSrc } from "../../models/previews";

// What a rotation left on the creator's video (YouTube chunk).
const RotationResult = lazyScreen(() => import("../youtube-screens").then((m) => m.RotationResult), "Loading your video's state…");

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
  const winner = m.labelOf(s.winner_id);
  const simulated = (s.analytics_source ?? m.ab.value?.analytics_source) === "simulated";
  const threshold = s.confidence_threshold ?? m.threshold.value;
  return (
    <>
      <section class="card results" aria-labelledby="win-title">
        <h2 id="win-title">Winning content</h2>
        <p class="status-line">{sentence(m.summary.value?.text)}</p>
        {m.ab.value?.analytics_source === "youtube" && <RotationResult />}
        {r.on_video?.carries === "original" && <p data-on-video="original">{r.on_video.text}</p>}
        {simulated && (
          <p>
            <span class="badge sim">Simulated traffic</span> This test ran on simulated traffic, not real viewers.
          </p>
        )}
        <div class="win-layout">
          <figure>
            <img
              src={apiAsset(previewSrc(thumbnail.png_url ?? thumbnail.url, 360))}
              width={1280}
              height={720}
              alt={`Winning thumbnail, ${winner}${thumbnail.headline ? `: “${thumbnail.headline}”` : ""}`}
            />
            <figcaption>{winner} thumbnail</figcaption>
          </figure>
          <div>
            <h3>{script.title}</h3>
            <p class="hook">{script.hook}</p>
            <details>
              <summary>Read the full script</summary>
              {script.body.split(/\n{2,}/).map((p, i) => (
                <p key={i}>{p}</p>
              ))}
              <p>
                <strong>Call to action:</strong> {script.call_to_action}
              </p>
            </details>
            <p class="muted">About {duration(script.estimated_duration_seconds)}</p>
          </div>
        </div>
      </section>
      {r.studio && <StudioExport studio={r.studio} simulated={simulated} />}
      <section class="card" aria-labelledby="sum-title">
        <h2 id="sum-title">Test summary</h2>
        <p>
          <strong data-testid="outcome">{outcomeWord(s.decision, s.verdict)}.</strong> {int(s.total_impressions)} impressions over{" "}
          {duration(s.duration_seconds)}; at the end the test was {percentWords(s.confidence)} sure of its leader (a winner needs{" "}
          {pct(threshold, 0)}).
        </p>
        {s.explanation && <p class="muted">{s.explanation}</p>}
        <TableWrap label="Per-variant results">
          <table>
            <caption class="sr-only">Per-variant results</caption>
            <thead>
              <tr>
                <th scope="col">Thumbnail</th>
                <th scope="col">Impressions</th>
                <th scope="col">Clicks</th>
                <th scope="col">CTR</th>
              </tr>
            </thead>
            <tbody>
              {s.variants.map((v) => (
                <tr key={v.thumbnail_id} class={v.thumbnail_id === s.winner_id ? "won" : ""}>
                  <th scope="row">
                    {m.labelOf(v.thumbnail_id)}
                    {v.thumbnail_id === s.winner_id && <span class="badge win">Result</span>}
                  </th>
                  <td>{int(v.impressions)}</td>
                  <td>{int(v.clicks)}</td>
                  <td>{pct(v.ctr, 2)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      </section>
      <ExportPanel />
    </>
  );
}
