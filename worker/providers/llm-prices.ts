// Estimated cost of LLM calls from a price table in US dollars per million tokens. Prices
// change; the defaults are list prices at the time of writing and OPENAI_PRICES overrides them.
import { z } from "zod";

export const Price = z.strictObject({ input: z.number().min(0), output: z.number().min(0) });
export const PriceTable = z.record(z.string().min(1), Price);
export type PriceTable = z.infer<typeof PriceTable>;

export const DEFAULT_PRICES: PriceTable = {
  "gpt-4o-mini": { input: 0.15, output: 0.6 },
  "gpt-4o": { input: 2.5, output: 10 },
  "gpt-4.1-nano": { input: 0.1, output: 0.4 },
  "gpt-4.1-mini": { input: 0.4, output: 1.6 },
  "gpt-4.1": { input: 2, output: 8 },
  "llama-3.1-8b-instant": { input: 0.05, output: 0.08 },
  "llama-3.3-70b-versatile": { input: 0.59, output: 0.79 },
};

/**
 * Parses OPENAI_PRICES, e.g. {"my-model":{"input":0.2,"output":0.8}}, merged over the defaults.
 * A malformed value is an error at startup rather than silently free tokens.
 */
export function parsePriceTable(json: string | undefined): PriceTable {
  if (!json?.trim()) return { ...DEFAULT_PRICES };
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    throw new Error("OPENAI_PRICES is not valid JSON");
  }
  const parsed = PriceTable.safeParse(raw);
  if (!parsed.success) throw new Error(`OPENAI_PRICES is invalid: ${parsed.error.issues[0]?.message ?? "bad shape"}`);
  return { ...DEFAULT_PRICES, ...parsed.data };
}

/**
 * Exact model name first, then the longest listed prefix, so dated snapshots such as
 * "gpt-4o-mini-2024-07-18" find their family. Unknown models (local ones, say) cost 0.
 */
export function priceFor(table: PriceTable, model: string): z.infer<typeof Price> | null {
  if (table[model]) return table[model];
  const prefix = Object.keys(table)
    .filter((k) => model.startsWith(k))
    .sort((a, b) => b.length - a.length)[0];
  return prefix ? table[prefix]! : null;
}

export function estimateCostUsd(table: PriceTable | undefined, model: string, promptTokens: number, completionTokens: number): number {
  const price = priceFor(table ?? DEFAULT_PRICES, model);
  if (!price) return 0;
  // Rounded to a millionth of a dollar so sums stay readable.
  return Math.round(promptTokens * price.input + completionTokens * price.output) / 1e6;
}
