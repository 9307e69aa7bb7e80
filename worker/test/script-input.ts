// The script request for a workflow's first revision, shared by the provider and renderer tests.
import type { ScriptInput } from "../providers/types";
import type { TrendReport } from "../shared/contract";

export const firstRevision = (topic: string, trends: TrendReport, over: Partial<ScriptInput> = {}): ScriptInput => ({
  topic,
  niche: null,
  audience: null,
  tone: null,
  trends,
  feedback: null,
  previous: [],
  revision: 1,
  count: 3,
  ...over,
});
