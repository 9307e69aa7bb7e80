// Reading wrangler variables, which arrive as strings: blank means unset, nonsense is an error.

/** The Worker's env (a generated interface, with no index signature) or any plain record of variables. */
export type VarSource = object;

export function textVar(vars: VarSource, name: string): string | undefined {
  const raw = (vars as Record<string, unknown>)[name];
  return typeof raw === "string" && raw.trim() ? raw.trim() : undefined;
}

export function positiveVar(vars: VarSource, name: string): number | undefined {
  const raw = textVar(vars, name);
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number, got '${raw}'`);
  return n;
}
