// The YouTube screens, in their own lazily loaded chunk: the channel panel in settings, the test
// set-up at thumbnail selection, and the rotation monitor. Their styles come with them (injected
// once), so neither the first page nor the other screens grow.
import css from "./youtube/youtube.inject.css";

if (!document.getElementById("yt-styles"))
  document.head.append(Object.assign(document.createElement("style"), { id: "yt-styles", textContent: css }));

export { ChannelPanel } from "./youtube/ChannelPanel";
export { TestStart } from "./youtube/TestStart";
export { RotationMonitor } from "./youtube/RotationMonitor";
export { RotationResult } from "./youtube/RotationResult";
