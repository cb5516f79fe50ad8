/** Sparse vectors as Maps from a key to a weight, and the few operations the linker needs. */

export type Sparse = Map<string, number>;

/**
 * Count keys with sublinear weighting (1 + ln count), each key's weight multiplied by `boost`.
 *
 * @example logCounts(["a", "a", "b"]).get("a") // 1.693...
 */
export function logCounts(keys: readonly string[], boost = 1, into: Sparse = new Map()): Sparse {
  const counts = new Map<string, number>();
  for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  for (const [k, c] of counts) into.set(k, (into.get(k) ?? 0) + boost * (1 + Math.log(c)));
  return into;
}

/** Scale a vector to unit length (a new Map; the empty vector stays empty). */
export function normalise(v: Sparse): Sparse {
  let sq = 0;
  for (const x of v.values()) sq += x * x;
  const n = Math.sqrt(sq);
  const out: Sparse = new Map();
  if (n === 0) return out;
  for (const [k, x] of v) out.set(k, x / n);
  return out;
}

/** Add `scale × v` into `acc` in place. */
export function addInto(acc: Sparse, v: Sparse, scale = 1): void {
  for (const [k, x] of v) acc.set(k, (acc.get(k) ?? 0) + scale * x);
}

/** Keep the `max` largest entries of a vector in place. */
export function prune(v: Sparse, max: number): void {
  if (v.size <= max) return;
  const sorted = [...v].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  v.clear();
  for (const [k, x] of sorted.slice(0, max)) v.set(k, x);
}

/**
 * Cosine of two vectors after weighting each key by `weight(key)` (IDF at the time of the call).
 *
 * @example weightedCosine(a, b, (t) => idf(t))
 */
export function weightedCosine(a: Sparse, b: Sparse, weight: (key: string) => number): number {
  if (a.size === 0 || b.size === 0) return 0;
  let na = 0;
  let nb = 0;
  let dot = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const [k, x] of large) {
    const w = weight(k);
    const y = x * w;
    if (large === a) na += y * y;
    else nb += y * y;
  }
  for (const [k, x] of small) {
    const w = weight(k);
    const y = x * w;
    if (small === a) na += y * y;
    else nb += y * y;
    const z = large.get(k);
    if (z !== undefined) dot += y * z * w;
  }
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}

/** The `n` keys of largest `value × weight(key)`, best first. */
export function topKeys(v: Sparse, n: number, weight: (key: string) => number): string[] {
  return [...v]
    .map(([k, x]) => [k, x * weight(k)] as const)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, n)
    .map(([k]) => k);
}
