// "How it looks on YouTube": the three variants with the approved title, as the server's PNGs at
// the widths YouTube shows them (home tile and search result 360 px, suggested sidebar 168 px), set
// among the videos the trend step found. Its colours are YouTube's, light or dark, whatever the
// app's theme, because the question is how the package reads in the viewer's feed. Its styles
// (feed.inject.css) come with the YouTube chunk's, in youtube-screens.ts.
import { useSignal } from "@preact/signals";
import { apiAsset } from "../../api/client";
import type { CompetitorVideo, Thumbnail } from "../../api/types";
import { previewFor, previewSrc } from "../../models/previews";
import { timestamp } from "../../models/format";

export interface FeedPreviewProps {
  title: string;
  durationSec: number;
  topic: string;
  thumbnails: { t: Thumbnail; label: string }[];
  /** The trend step's videos; empty offline, where sample tiles stand in. */
  neighbours: CompetitorVideo[];
}

type Placement = { key: "home" | "search" | "sidebar"; name: string; px: number };
const PLACEMENTS: Placement[] = [
  { key: "home", name: "Home feed", px: 360 },
  { key: "search", name: "Search results", px: 360 },
  { key: "sidebar", name: "Suggested (sidebar)", px: 168 },
];

const compact = (n: number) => new Intl.NumberFormat("en", { notation: "compact", maximumFractionDigits: 1 }).format(n);
const ago = (iso: string) => {
  const days = Math.max(0, Math.round((Date.now() - Date.parse(iso)) / 86_400_000));
  return days === 0 ? "today" : days < 14 ? `${days} day${days === 1 ? "" : "s"} ago` : `${Math.round(days / 7)} weeks ago`;
};

interface Tile {
  key: string;
  title: string;
  meta: string;
  channel: string;
  duration: string;
  image: { src: string; claimed: number | null; alt: string } | null;
  tag: string;
  yours: boolean;
}

const SAMPLE_TITLES = (topic: string) => [`${topic}: what nobody tells you`, `${topic}: 7 mistakes to avoid`, `${topic} in 10 minutes`];

function tiles(p: FeedPreviewProps, px: number): Tile[] {
  const width = previewFor(px, typeof devicePixelRatio === "number" ? devicePixelRatio : 1);
  const yours: Tile[] = p.thumbnails.map(({ t, label }) => ({
    key: t.id,
    title: p.title,
    channel: "Your channel",
    meta: "New",
    duration: timestamp(p.durationSec),
    image: { src: apiAsset(previewSrc(t.png_url ?? t.url, width)), claimed: width, alt: `Your ${label} thumbnail` },
    tag: `Yours · ${label}`,
    yours: true,
  }));
  const others: Tile[] = p.neighbours.length
    ? p.neighbours.slice(0, 3).map((v) => ({
        key: v.id,
        title: v.title,
        channel: v.channel,
        meta: `${compact(v.views)} views · ${ago(v.published_at)}`,
        duration: timestamp(v.duration_sec),
        image: v.thumbnail_url ? { src: v.thumbnail_url, claimed: null, alt: `“${v.title}” by ${v.channel}` } : null,
        tag: "Found by the trend step",
        yours: false,
      }))
    : SAMPLE_TITLES(p.topic).map((title, i) => ({
        key: `sample-${i}`,
        title,
        channel: "Sample channel",
        meta: `${["412K", "87K", "1.3M"][i]} views · ${[3, 9, 20][i]} days ago`,
        duration: ["12:04", "18:31", "9:58"][i]!,
        image: null,
        tag: "Sample",
        yours: false,
      }));
  // Yours and theirs alternate, as a viewer would meet them.
  return yours.flatMap((y, i) => (others[i] ? [others[i]!, y] : [y]));
}

function TileView({ tile, placement }: { tile: Tile; placement: Placement }) {
  return (
    <li class={`yt-tile${tile.yours ? " yours" : ""}`} data-yours={tile.yours || undefined}>
      <div class="yt-frame" style={{ width: `${placement.px}px` }}>
        {tile.image ? (
          <img
            src={tile.image.src}
            alt={tile.image.alt}
            width={placement.px}
            height={Math.round((placement.px * 9) / 16)}
            data-preview-width={tile.image.claimed ?? undefined}
          />
        ) : (
          <div class="yt-sample" role="img" aria-label={`Sample thumbnail: ${tile.title}`}>
            Sample
          </div>
        )}
        <span class="yt-time">{tile.duration}</span>
      </div>
      <div class="yt-text">
        {placement.key === "home" && <span class="yt-avatar" aria-hidden="true" />}
        <div>
          <p class="yt-title">{tile.title}</p>
          <p class="yt-meta">
            {tile.channel}
            {placement.key === "home" ? <br /> : " · "}
            {tile.meta}
          </p>
          <span class={`yt-tag${tile.yours ? " mine" : ""}`}>{tile.tag}</span>
        </div>
      </div>
    </li>
  );
}

export function FeedPreview(p: FeedPreviewProps) {
  const dark = useSignal(false);
  return (
    <div class="feed-preview">
      <fieldset class="sizes">
        <legend>YouTube's look</legend>
        {(["Light", "Dark"] as const).map((mode) => (
          <label key={mode} class="choose">
            <input type="radio" name="yt-mode" checked={dark.value === (mode === "Dark")} onChange={() => (dark.value = mode === "Dark")} />
            {mode}
          </label>
        ))}
      </fieldset>
      {!p.neighbours.length && (
        <p class="small muted">
          The tiles marked Sample are made up: the YouTube trends provider shows the videos your topic competes with.
        </p>
      )}
      <div class={`yt ${dark.value ? "yt-dark" : "yt-light"}`} data-yt-mode={dark.value ? "dark" : "light"}>
        {PLACEMENTS.map((placement) => (
          <section key={placement.key} class={`yt-${placement.key}`} data-placement={placement.key} aria-label={placement.name}>
            <h4>
              {placement.name} <span class="yt-px">({placement.px} px)</span>
            </h4>
            <ul>
              {tiles(p, placement.px).map((tile) => (
                <TileView key={tile.key} tile={tile} placement={placement} />
              ))}
            </ul>
          </section>
        ))}
      </div>
    </div>
  );
}
