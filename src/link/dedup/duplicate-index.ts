/**
 * An online index of article bodies that answers "which earlier article does this one copy?":
 * exact copies by a normalised content hash, near copies by MinHash LSH and shared whole paragraphs as
 * candidates, confirmed by exact shingle overlap (containment, so excerpts and padded copies match).
 */
import { contentHash } from "../../core/index.ts";
import { hash32, isBoilerplate, paragraphs, words } from "../text.ts";
import { LshIndex, minhash } from "./minhash.ts";
import { overlap, shingleSet } from "./shingles.ts";

/** Thresholds of the near-duplicate decision. */
export interface DuplicateOptions {
  /** Least share of the shorter text’s shingles found in the longer (default 0.75). */
  readonly minContainment?: number;
  /** Least Jaccard of the two shingle sets, so a short quote inside a long article is no copy (default 0.2). */
  readonly minJaccard?: number;
  /** Least shingles in the shorter text; shorter texts match only exactly (default 8). */
  readonly minShingles?: number;
}

/** What `DuplicateIndex.add` found for an arriving article. */
export interface DuplicateMatch {
  /** The earlier article copied, or null. */
  readonly duplicateOf: string | null;
  /** "exact" (same normalised text), "near", or null. */
  readonly kind: "exact" | "near" | null;
  /** Containment with the match (1 for exact), 0 when none. */
  readonly containment: number;
  /** Jaccard with the match (1 for exact), 0 when none. */
  readonly jaccard: number;
}

/** Serialisable state of a DuplicateIndex. */
export interface DuplicateIndexState {
  readonly version: 1;
  /** One entry per article in arrival order. */
  readonly entries: readonly DuplicateEntryState[];
}

/** One indexed article: its id, exact hash, shingle hashes (base64) and paragraph hashes. */
export interface DuplicateEntryState {
  readonly id: string;
  readonly hash: string;
  readonly shingles: string;
  readonly paragraphs: readonly number[];
}

const NONE: DuplicateMatch = { duplicateOf: null, kind: null, containment: 0, jaccard: 0 };
/** Paragraphs shorter than this many words are not indexed for candidate retrieval. */
const MIN_PARAGRAPH_WORDS = 8;
/** Ids kept per paragraph hash (the newest); a paragraph in more texts than this is boilerplate. */
const MAX_PARAGRAPH_POSTINGS = 32;

/**
 * The normalised text whose hash decides exact copies: boilerplate paragraphs out, case and
 * punctuation folded, whitespace collapsed.
 */
export function normaliseBody(text: string): string {
  return paragraphs(text)
    .filter((p) => !isBoilerplate(p))
    .map((p) => words(p).join(" "))
    .join("\n");
}

/**
 * @example
 * const idx = new DuplicateIndex();
 * idx.add("a1", text);            // { duplicateOf: null, ... }
 * idx.add("a2", "Source: BBC\n\n" + text); // { duplicateOf: "a1", kind: "exact", ... }
 */
export class DuplicateIndex {
  private readonly exact = new Map<string, string>();
  private readonly shingles = new Map<string, Uint32Array>();
  private readonly order: string[] = [];
  private readonly hashes = new Map<string, string>();
  private readonly paragraphsOf = new Map<string, number[]>();
  private readonly lsh = new LshIndex();
  private readonly paragraphIndex = new Map<number, string[]>();
  private readonly minContainment: number;
  private readonly minJaccard: number;
  private readonly minShingles: number;

  /** @param options thresholds; the defaults are measured by `npm run eval -- link` */
  constructor(options: DuplicateOptions = {}) {
    this.minContainment = options.minContainment ?? 0.75;
    this.minJaccard = options.minJaccard ?? 0.2;
    this.minShingles = options.minShingles ?? 8;
  }

  /** How many articles are indexed. */
  get size(): number {
    return this.order.length;
  }

  /**
   * Find the earlier article this text copies, without indexing it.
   *
   * @param text the article body
   * @returns the best match (highest containment, then Jaccard, then earliest) or no match
   */
  find(text: string): DuplicateMatch {
    return this.match(normaliseBody(text), shingleSet(text));
  }

  /**
   * Find the earlier article this one copies, then index it.
   *
   * @param id the article's id (unique; adding an id twice throws, as that is a bug)
   * @param text the article body (not the headline)
   */
  add(id: string, text: string): DuplicateMatch {
    if (this.shingles.has(id)) throw new Error(`link: article id added twice [${id}]`);
    const norm = normaliseBody(text);
    const set = shingleSet(text);
    const found = this.match(norm, set);
    this.insert(id, contentHash(norm), set, paragraphHashes(norm));
    return found;
  }

  private match(norm: string, set: Uint32Array): DuplicateMatch {
    if (norm === "") return NONE;
    const same = this.exact.get(contentHash(norm));
    if (same !== undefined) return { duplicateOf: same, kind: "exact", containment: 1, jaccard: 1 };
    if (set.length === 0) return NONE;
    const candidates = this.lsh.query(minhash(set));
    for (const h of paragraphHashes(norm))
      for (const id of this.paragraphIndex.get(h) ?? []) candidates.add(id);
    let best: DuplicateMatch = NONE;
    let bestRank = -1;
    for (const id of candidates) {
      const other = this.shingles.get(id)!;
      if (Math.min(other.length, set.length) < this.minShingles) continue;
      const ov = overlap(set, other);
      if (ov.containment < this.minContainment || ov.jaccard < this.minJaccard) continue;
      const rank = ov.containment + ov.jaccard / 10;
      if (rank > bestRank) {
        bestRank = rank;
        best = { duplicateOf: id, kind: "near", containment: ov.containment, jaccard: ov.jaccard };
      }
    }
    return best;
  }

  private insert(id: string, hash: string, set: Uint32Array, paras: number[]): void {
    if (!this.exact.has(hash)) this.exact.set(hash, id);
    this.hashes.set(id, hash);
    this.shingles.set(id, set);
    this.order.push(id);
    if (set.length > 0) this.lsh.add(id, minhash(set));
    this.paragraphsOf.set(id, paras);
    for (const h of paras) {
      let ids = this.paragraphIndex.get(h);
      if (!ids) this.paragraphIndex.set(h, (ids = []));
      ids.push(id);
      if (ids.length > MAX_PARAGRAPH_POSTINGS) ids.shift();
    }
  }

  /** The state as plain JSON (shingle sets as base64). */
  toJSON(): DuplicateIndexState {
    return {
      version: 1,
      entries: this.order.map((id) => {
        const set = this.shingles.get(id)!;
        return {
          id,
          hash: this.hashes.get(id)!,
          shingles: Buffer.from(set.buffer, set.byteOffset, set.byteLength).toString("base64"),
          paragraphs: this.paragraphsOf.get(id)!,
        };
      }),
    };
  }

  /** Rebuild an index from `toJSON` output. */
  static fromJSON(state: DuplicateIndexState, options: DuplicateOptions = {}): DuplicateIndex {
    const idx = new DuplicateIndex(options);
    for (const e of state.entries) {
      const buf = Buffer.from(e.shingles, "base64");
      const set = new Uint32Array(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength));
      idx.insert(e.id, e.hash, set, [...e.paragraphs]);
    }
    return idx;
  }
}

/** Hashes of the normalised paragraphs long enough to identify a text. */
function paragraphHashes(norm: string): number[] {
  const out: number[] = [];
  for (const p of norm.split("\n")) {
    if (p.split(" ").length >= MIN_PARAGRAPH_WORDS) out.push(hash32(p));
  }
  return out;
}
