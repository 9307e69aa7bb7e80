// Chooses each provider from configuration; the offline ones are the defaults.
import type { Env } from "../env";
import { offlineScriptWriter } from "./offline-scripts";
import { offlineTrends } from "./offline-trends";
import { svgThumbnailDesigner } from "./svg-thumbnails";
import type { ScriptWriter, ThumbnailDesigner, TrendsProvider } from "./types";

export interface Providers {
  trends: TrendsProvider;
  scripts: ScriptWriter;
  thumbnails: ThumbnailDesigner;
}

export function providersFor(_env: Env): Providers {
  return { trends: offlineTrends, scripts: offlineScriptWriter, thumbnails: svgThumbnailDesigner };
}
