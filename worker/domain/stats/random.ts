// Seeded randomness for the simulated analytics and the benchmark. Everything here is a pure
// function of its seed, so a retried alarm or a re-run benchmark reproduces the same numbers.

/** Mulberry32 (Tommy Ettinger): a 32-bit generator, tiny and good enough for simulation. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return function next() {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Mixes several integers into one 32-bit seed (murmur3's finaliser per step), so that
 * (seed, pollIndex) and (seed, pollIndex + 1) give unrelated streams rather than shifted ones.
 */
export function mixSeed(...parts: number[]): number {
  let h = 0x9e3779b9;
  for (const part of parts) {
    h = Math.imul(h ^ (part >>> 0), 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
  }
  return h >>> 0;
}

/** Standard normal draw by Box–Muller; one pair per call keeps the stream stateless. */
export function normalDraw(rand: () => number): number {
  const u = 1 - rand(); // (0, 1]: log(0) would be -Infinity
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
}

/**
 * Binomial(n, p) draw. Exact for small n or small n·p (Bernoulli sum, or geometric waiting
 * times whose cost is O(n·p)); the normal approximation only when n·p·(1-p) is large enough
 * that its error is far below the sampling noise the benchmark measures.
 */
export function binomialDraw(rand: () => number, n: number, p: number): number {
  if (n <= 0 || p <= 0) return 0;
  if (p >= 1) return n;
  if (n <= 40) {
    let k = 0;
    for (let i = 0; i < n; i++) if (rand() < p) k++;
    return k;
  }
  if (p > 0.5) return n - binomialDraw(rand, n, 1 - p);
  if (n * p < 50) {
    // Count successes as gaps between them: each gap is Geometric(p).
    const logQ = Math.log(1 - p);
    let k = 0;
    let position = 0;
    for (;;) {
      position += Math.max(1, Math.ceil(Math.log(1 - rand()) / logQ));
      if (position > n) return k;
      k++;
    }
  }
  const draw = Math.round(n * p + Math.sqrt(n * p * (1 - p)) * normalDraw(rand));
  return Math.min(n, Math.max(0, draw));
}
