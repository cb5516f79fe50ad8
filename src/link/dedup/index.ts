/**
 * Dedup: exact and near-duplicate detection over article bodies, and syndication lineage
 * (which copy is the original, what each copy added or cut).
 */
export {
  type DuplicateEntryState,
  DuplicateIndex,
  type DuplicateIndexState,
  type DuplicateMatch,
  type DuplicateOptions,
  normaliseBody,
} from "./duplicate-index.ts";
export {
  type CopyDiff,
  type CopyInfo,
  credits,
  diffCopy,
  type OriginalPick,
  type OriginalReason,
  pickOriginal,
} from "./lineage.ts";
export { bandKeys, LshIndex, minhash, NUM_HASHES } from "./minhash.ts";
export { intersectionSize, type Overlap, overlap, SHINGLE_WORDS, shingleSet } from "./shingles.ts";
