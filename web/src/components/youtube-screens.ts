// The YouTube screens, in their own lazily loaded chunk: the channel panel in settings, the test
// set-up at thumbnail selection, and the rotation monitor. Their styles come with them (injected
// once), so neither the first page nor the other screens grow.
import feedCss from "./thumbnails/feed.inject.css";
import css from "./youtube/youtube.inject.css";

if (!document.getElementById("yt-styles")) {
  const style = document.createElement("style");
  style.id = "yt-styles";
  style.textContent = css + feedCss;
  document.head.appendChild(style);
}

export { ChannelPanel } from "./youtube/ChannelPanel";
export { TestStart } from "./youtube/TestStart";
export { RotationMonitor } from "./youtube/RotationMonitor";
export { RotationResult } from "./youtube/RotationResult";
// "How it looks on YouTube" on the thumbnail screen: opened on demand, so it rides in this chunk.
export { FeedPreview } from "./thumbnails/FeedPreview";
