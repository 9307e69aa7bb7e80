// JWT_SECRET must be a real secret: not the example's placeholder, long, and not guessable.
// A bad secret makes every token forgeable, so auth refuses to work with one (503) and says why.

/** The value .dev.vars.example ships with; `npm start` replaces it, the Worker refuses it. */
export const EXAMPLE_JWT_SECRET = "replace-with-at-least-32-random-characters";
export const MIN_SECRET_CHARS = 32;
/**
 * An estimate from character frequencies (Shannon entropy times length). Random base64 or hex of
 * 32+ characters scores well above it; words, repeats and keyboard runs fall short.
 */
export const MIN_SECRET_BITS = 100;

function estimatedBits(secret: string): number {
  const counts = new Map<string, number>();
  for (const ch of secret) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  const n = secret.length;
  let perChar = 0;
  for (const c of counts.values()) perChar -= (c / n) * Math.log2(c / n);
  return perChar * n;
}

/** True when the text repeats a shorter block ("abcabcabc...") or is one long ascending/descending run. */
function isPatterned(secret: string): boolean {
  for (let period = 1; period <= secret.length / 2; period++) {
    let repeats = true;
    for (let i = period; i < secret.length && repeats; i++) repeats = secret[i] === secret[i - period];
    if (repeats) return true;
  }
  let steps = 0;
  for (let i = 1; i < secret.length; i++) if (Math.abs(secret.charCodeAt(i) - secret.charCodeAt(i - 1)) === 1) steps++;
  return steps > secret.length / 2;
}

const cache = new Map<string, string | null>();

/** Why the secret is unsafe, or null when it is fine. Memoised: it runs on every authenticated request. */
export function jwtSecretProblem(secret: unknown): string | null {
  if (typeof secret !== "string" || secret.length === 0) return "JWT_SECRET is not set";
  const hit = cache.get(secret);
  if (hit !== undefined) return hit;
  let problem: string | null = null;
  if (secret === EXAMPLE_JWT_SECRET || /replace-with|change-?me|your-secret|placeholder/i.test(secret))
    problem = "JWT_SECRET is still the example placeholder";
  else if (secret.length < MIN_SECRET_CHARS) problem = `JWT_SECRET is shorter than ${MIN_SECRET_CHARS} characters`;
  else if (isPatterned(secret) || estimatedBits(secret) < MIN_SECRET_BITS) problem = "JWT_SECRET does not look random enough";
  if (cache.size > 16) cache.clear();
  cache.set(secret, problem);
  return problem;
}

/** Thrown when tokens would be signed or checked with an unsafe secret; the API answers 503. */
export class UnsafeSecretError extends Error {
  override name = "UnsafeSecretError";
}

export function requireSafeSecret(secret: unknown): string {
  const problem = jwtSecretProblem(secret);
  if (problem) throw new UnsafeSecretError(`${problem}; set it to e.g. the output of 'openssl rand -base64 48'.`);
  return secret as string;
}
