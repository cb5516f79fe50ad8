/**
 * An online index of article bodies that answers "which earlier article does this one copy?":
 * exact copies by a normalised content hash, near copies by MinHash LSH and shared whole paragraphs as
 * candidates, confirmed by exact shingle overlap (containment, so excerpts and padded copies match).
 */
import { contentHash } from "../../core/index.ts";
import { hash32 } from "../text.ts";
import { bandKeys, LshIndex, minhash } from "./minhash.ts";
import { contentParagraphs, overlap, shinglesOf } from "./shingles.ts";

/** Thresholds of the near-duplicate decision. */
export interface DuplicateOptions {
  /** Least share of the shorter text’s shingles found in the longer (default 0.75). */
  readonly minContainment?: number;
  /** Least Jaccard of the two shingle sets, so a short quote inside a long article is no copy (default 0.2). */
  readonly minJaccard?: number;
  /** Least shingles in the shorter text; shorter texts match only exactly (default 8). */
  readonly minShingles?: number;
  /**
   * Articles kept (default 100,000): past that the oldest are forgotten, so memory stays bounded
   * (about 4 KB an article). Copies arrive within days of their original.
   */
  readonly maxArticles?: number;
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
  return contentParagraphs(text)
    .map((ws) => ws.join(" "))
    .join("\n");
}

/** Everything the index needs of a text, computed in one pass over its paragraphs. */
function prepare(text: string): {
  norm: string;
  hash: string;
  set: Uint32Array;
  keys: number[] | null;
  paras: number[];
} {
  const content = contentParagraphs(text);
  const lines = content.map((ws) => ws.join(" "));
  const norm = lines.join("\n");
  const set = shinglesOf(content);
  return {
    norm,
    hash: contentHash(norm),
    set,
    keys: set.length > 0 ? bandKeys(minhash(set)) : null,
    paras: content.flatMap((ws, i) => (ws.length >= MIN_PARAGRAPH_WORDS ? [hash32(lines[i]!)] : [])),
  };
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
  private readonly hashes = new Map<string, string>();
  private readonly paragraphsOf = new Map<string, number[]>();
  private readonly lsh = new LshIndex();
  private readonly paragraphIndex = new Map<number, string[]>();
  private readonly minContainment: number;
  private readonly minJaccard: number;
  private readonly minShingles: number;
  private readonly maxArticles: number;

  /** @param options thresholds; the defaults are measured by `npm run eval -- link` */
  constructor(options: DuplicateOptions = {}) {
    this.minContainment = options.minContainment ?? 0.75;
    this.minJaccard = options.minJaccard ?? 0.2;
    this.minShingles = options.minShingles ?? 8;
    this.maxArticles = options.maxArticles ?? 100_000;
  }

  /** How many articles are indexed. */
  get size(): number {
    return this.shingles.size;
  }

  /**
   * Find the earlier article this text copies, without indexing it.
   *
   * @param text the article body
   * @returns the best match (highest containment, then Jaccard, then earliest) or no match
   */
  find(text: string): DuplicateMatch {
    const p = prepare(text);
    return this.match(p.norm, p.hash, p.set, p.keys, p.paras);
  }

  /**
   * Find the earlier article this one copies, then index it.
   *
   * @param id the article's id (unique among those kept; adding a kept id twice throws, as that is a bug)
   * @param text the article body (not the headline)
   */
  add(id: string, text: string): DuplicateMatch {
    if (this.shingles.has(id)) throw new Error(`link: article id added twice [${id}]`);
    const p = prepare(text);
    const found = this.match(p.norm, p.hash, p.set, p.keys, p.paras);
    this.insert(id, p.hash, p.set, p.keys, p.paras);
    return found;
  }

  private match(
    norm: string,
    hash: string,
    set: Uint32Array,
    keys: readonly number[] | null,
    paras: readonly number[],
  ): DuplicateMatch {
    if (norm === "") return NONE;
    const same = this.exact.get(hash);
    if (same !== undefined) return { duplicateOf: same, kind: "exact", containment: 1, jaccard: 1 };
    if (keys === null) return NONE;
    const candidates = this.lsh.query(keys);
    for (const h of paras) for (const id of this.paragraphIndex.get(h) ?? []) candidates.add(id);
    let best: DuplicateMatch = NONE;
    let bestRank = -1;
    for (const id of candidates) {
      const other = this.shingles.get(id);
      if (other === undefined) continue; // forgotten
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

  private insert(
    id: string,
    hash: string,
    set: Uint32Array,
    keys: readonly number[] | null,
    paras: number[],
  ): void {
    if (!this.exact.has(hash)) this.exact.set(hash, id);
    this.hashes.set(id, hash);
    this.shingles.set(id, set);
    if (keys !== null) this.lsh.add(id, keys);
    this.paragraphsOf.set(id, paras);
    for (const h of paras) {
      let ids = this.paragraphIndex.get(h);
      if (!ids) this.paragraphIndex.set(h, (ids = []));
      ids.push(id);
      if (ids.length > MAX_PARAGRAPH_POSTINGS) ids.shift();
    }
    while (this.shingles.size > this.maxArticles) this.forget(this.shingles.keys().next().value!);
  }

  /** Drop an article from every structure (the oldest, when the index is full). */
  private forget(id: string): void {
    const set = this.shingles.get(id)!;
    const hash = this.hashes.get(id)!;
    if (this.exact.get(hash) === id) this.exact.delete(hash);
    if (set.length > 0) this.lsh.remove(id, bandKeys(minhash(set)));
    for (const h of this.paragraphsOf.get(id) ?? []) {
      const ids = this.paragraphIndex.get(h)?.filter((x) => x !== id) ?? [];
      if (ids.length === 0) this.paragraphIndex.delete(h);
      else this.paragraphIndex.set(h, ids);
    }
    this.shingles.delete(id);
    this.hashes.delete(id);
    this.paragraphsOf.delete(id);
  }

  /** The state as plain JSON (shingle sets as base64). */
  toJSON(): DuplicateIndexState {
    return {
      version: 1,
      entries: [...this.shingles].map(([id, set]) => {
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
      idx.insert(e.id, e.hash, set, set.length > 0 ? bandKeys(minhash(set)) : null, [...e.paragraphs]);
    }
    return idx;
  }
}
