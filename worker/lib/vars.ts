// Reading wrangler variables, which arrive as strings: blank means unset, nonsense is an error.
export function textVar(vars: Record<string, unknown>, name: string): string | undefined {
  const raw = vars[name];
  return typeof raw === "string" && raw.trim() ? raw.trim() : undefined;
}

export function positiveVar(vars: Record<string, unknown>, name: string): number | undefined {
  const raw = textVar(vars, name);
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number, got '${raw}'`);
  return n;
}
