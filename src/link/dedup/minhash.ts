/**
 * MinHash signatures and a banded LSH index over them: candidate retrieval for near duplicates
 * without comparing an article with every stored one.
 */
import { mix32 } from "../text.ts";

/** Hash functions per signature. */
export const NUM_HASHES = 96;
/** Rows per LSH band. 3 rows × 32 bands find pairs down to Jaccard ≈ 0.3 with high probability. */
export const BAND_ROWS = 3;

const SEEDS: Uint32Array = Uint32Array.from({ length: NUM_HASHES }, (_, i) =>
  mix32(0x9e3779b9 ^ Math.imul(i + 1, 0x632be5ab)),
);
/** Odd multipliers, one per hash function. */
const MULTS: Uint32Array = Uint32Array.from({ length: NUM_HASHES }, (_, i) => mix32(0x85ebca6b + i) | 1);

/**
 * The MinHash signature of a shingle set. Shingles are already well-mixed 32-bit hashes, so each
 * hash function is a cheap xor-multiply-xorshift of them.
 *
 * @param shingles shingle hashes (any order)
 * @returns NUM_HASHES minima; all 0xffffffff for an empty set
 * @example minhash(shingleSet(text))
 */
export function minhash(shingles: Uint32Array): Uint32Array {
  const sig = new Uint32Array(NUM_HASHES).fill(0xffffffff);
  for (const s of shingles) {
    for (let i = 0; i < NUM_HASHES; i++) {
      let h = Math.imul(s ^ SEEDS[i]!, MULTS[i]!);
      h = (h ^ (h >>> 15)) >>> 0;
      if (h < sig[i]!) sig[i] = h;
    }
  }
  return sig;
}

/** The band keys of a signature, one number per band (the band index in the high bits). */
export function bandKeys(sig: Uint32Array): number[] {
  const keys: number[] = [];
  for (let b = 0; b * BAND_ROWS + BAND_ROWS <= sig.length; b++) {
    let h = b;
    for (let r = 0; r < BAND_ROWS; r++) h = mix32(h ^ sig[b * BAND_ROWS + r]!);
    keys.push(b * 0x1_0000_0000 + h);
  }
  return keys;
}

/**
 * Banded LSH: maps band keys to the ids that had them. Bounded: a bucket keeps its newest
 * `maxBucket` ids, so a key shared by boilerplate-only texts cannot grow without end.
 *
 * @example
 * const lsh = new LshIndex(); const keys = bandKeys(minhash(shingleSet(text)));
 * lsh.add("a1", keys); lsh.query(keys) // Set {"a1"}
 */
export class LshIndex {
  /** A bucket of one id is the id itself (most buckets), saving an array per band per article. */
  private readonly buckets = new Map<number, string | string[]>();
  /** @param maxBucket ids kept per bucket (the newest) */
  constructor(private readonly maxBucket = 64) {}

  /** Index an id under the band keys of its signature. */
  add(id: string, keys: readonly number[]): void {
    for (const key of keys) {
      const bucket = this.buckets.get(key);
      if (bucket === undefined) this.buckets.set(key, id);
      else if (typeof bucket === "string") this.buckets.set(key, [bucket, id]);
      else {
        bucket.push(id);
        if (bucket.length > this.maxBucket) bucket.shift();
      }
    }
  }

  /** Remove an id from the buckets of its band keys. */
  remove(id: string, keys: readonly number[]): void {
    for (const key of keys) {
      const bucket = this.buckets.get(key);
      if (bucket === id) this.buckets.delete(key);
      else if (Array.isArray(bucket)) {
        const rest = bucket.filter((x) => x !== id);
        if (rest.length === 0) this.buckets.delete(key);
        else this.buckets.set(key, rest.length === 1 ? rest[0]! : rest);
      }
    }
  }

  /** The ids sharing at least one band key. */
  query(keys: readonly number[]): Set<string> {
    const out = new Set<string>();
    for (const key of keys) {
      const bucket = this.buckets.get(key);
      if (bucket === undefined) continue;
      if (typeof bucket === "string") out.add(bucket);
      else for (const id of bucket) out.add(id);
    }
    return out;
  }
}
