/**
 * MinHash signatures and a banded LSH index over them: candidate retrieval for near duplicates
 * without comparing an article with every stored one.
 */
import { mix32 } from "../text.ts";

/** Hash functions per signature. */
export const NUM_HASHES = 96;
/** Rows per LSH band. 3 rows × 32 bands find pairs down to Jaccard ≈ 0.3 with high probability. */
export const BAND_ROWS = 3;

const SEEDS: readonly number[] = Array.from({ length: NUM_HASHES }, (_, i) =>
  mix32(0x9e3779b9 ^ (i * 0x632be5ab)),
);

/**
 * The MinHash signature of a shingle set.
 *
 * @param shingles shingle hashes (any order)
 * @returns NUM_HASHES minima; all 0xffffffff for an empty set
 * @example minhash(shingleSet(text))
 */
export function minhash(shingles: Uint32Array): Uint32Array {
  const sig = new Uint32Array(NUM_HASHES).fill(0xffffffff);
  for (const s of shingles) {
    for (let i = 0; i < NUM_HASHES; i++) {
      const h = mix32(s ^ SEEDS[i]!);
      if (h < sig[i]!) sig[i] = h;
    }
  }
  return sig;
}

/** The band keys of a signature, one string per band (band index included). */
export function bandKeys(sig: Uint32Array): string[] {
  const keys: string[] = [];
  for (let b = 0; b * BAND_ROWS + BAND_ROWS <= sig.length; b++) {
    let h = b;
    for (let r = 0; r < BAND_ROWS; r++) h = mix32(h ^ sig[b * BAND_ROWS + r]!);
    keys.push(`${b}:${h.toString(36)}`);
  }
  return keys;
}

/**
 * Banded LSH: maps band keys to the ids that had them. Bounded: a bucket keeps its newest
 * `maxBucket` ids, so a key shared by boilerplate-only texts cannot grow without end.
 *
 * @example
 * const lsh = new LshIndex(); lsh.add("a1", minhash(shingleSet(text))); lsh.query(sig) // Set {"a1"}
 */
export class LshIndex {
  private readonly buckets = new Map<string, string[]>();
  /** @param maxBucket ids kept per bucket (the newest) */
  constructor(private readonly maxBucket = 64) {}

  /** Index an id under its signature's bands. */
  add(id: string, sig: Uint32Array): void {
    for (const key of bandKeys(sig)) {
      let bucket = this.buckets.get(key);
      if (!bucket) this.buckets.set(key, (bucket = []));
      bucket.push(id);
      if (bucket.length > this.maxBucket) bucket.shift();
    }
  }

  /** The ids sharing at least one band with a signature. */
  query(sig: Uint32Array): Set<string> {
    const out = new Set<string>();
    for (const key of bandKeys(sig)) for (const id of this.buckets.get(key) ?? []) out.add(id);
    return out;
  }
}
