/**
 * Readers for the named-entity data sets in ../shared/data/ner and conlleval-style scoring.
 * Only training, evaluation and tests use this file; the tagger itself never reads data sets.
 */
import { readFileSync } from "node:fs";

/** A sentence of tokens with IOB2 tags (`B-PER`, `I-PER`, `O`, ...). */
export interface TaggedSentence {
  readonly tokens: string[];
  readonly tags: string[];
}

/** A document: its sentences in order. */
export interface TaggedDoc {
  readonly sentences: TaggedSentence[];
}

/** A typed entity chunk: token range [start, end) in a sentence. */
export interface Chunk {
  readonly start: number;
  readonly end: number;
  readonly type: string;
}

/**
 * Read a CoNLL file: one token a line (token first, tag last), blank lines between sentences,
 * `-DOCSTART-` between documents. IOB1 tags are converted to IOB2.
 *
 * @param path the file
 * @param prefix a prefix to strip from each token (WikiANN writes `en:`)
 * @returns documents (a file without DOCSTART lines is one document per sentence when `sentenceDocs`)
 */
export function readConll(path: string, prefix = "", sentenceDocs = false): TaggedDoc[] {
  const docs: TaggedDoc[] = [];
  let doc: TaggedSentence[] = [];
  let tokens: string[] = [];
  let tags: string[] = [];
  const endSentence = (): void => {
    if (tokens.length > 0) {
      doc.push({ tokens, tags: toIob2(tags) });
      if (sentenceDocs) endDoc();
    }
    tokens = [];
    tags = [];
  };
  const endDoc = (): void => {
    if (doc.length > 0) docs.push({ sentences: doc });
    doc = [];
  };
  for (const raw of readFileSync(path, "utf8").split("\n")) {
    const line = raw.trim();
    if (line === "") {
      endSentence();
      continue;
    }
    const cols = line.split(/\s+/);
    if (cols[0] === "-DOCSTART-") {
      endSentence();
      endDoc();
      continue;
    }
    let token = cols[0]!;
    if (prefix && token.startsWith(prefix)) token = token.slice(prefix.length);
    tokens.push(token);
    tags.push(cols[cols.length - 1]!);
  }
  endSentence();
  endDoc();
  return docs;
}

/** Convert IOB1 (I- starts an entity unless it continues one of the same type) to IOB2. */
export function toIob2(tags: readonly string[]): string[] {
  return tags.map((tag, i) => {
    if (!tag.startsWith("I-")) return tag;
    const prev = i > 0 ? tags[i - 1]! : "O";
    return prev === "O" || prev.slice(2) !== tag.slice(2) ? `B-${tag.slice(2)}` : tag;
  });
}

/** The entity chunks of an IOB2 tag sequence (a stray I- starts a chunk, as conlleval does). */
export function chunks(tags: readonly string[]): Chunk[] {
  const out: Chunk[] = [];
  let start = -1;
  let type = "";
  for (let i = 0; i <= tags.length; i++) {
    const tag = i < tags.length ? tags[i]! : "O";
    const t = tag === "O" ? "" : tag.slice(2);
    const begins = tag.startsWith("B-") || (tag.startsWith("I-") && t !== type);
    if (start >= 0 && (tag === "O" || begins)) {
      out.push({ start, end: i, type });
      start = -1;
      type = "";
    }
    if (begins) {
      start = i;
      type = t;
    }
  }
  return out;
}

/** Counts for precision, recall and F1. */
export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

/** Precision, recall and F1 of counts (0 when undefined). */
export function prf(c: Counts): { p: number; r: number; f1: number } {
  const p = c.tp + c.fp === 0 ? 0 : c.tp / (c.tp + c.fp);
  const r = c.tp + c.fn === 0 ? 0 : c.tp / (c.tp + c.fn);
  return { p, r, f1: p + r === 0 ? 0 : (2 * p * r) / (p + r) };
}

/**
 * Add conlleval exact-match counts of one sentence to `byType` (and to the key "all").
 *
 * @param gold gold chunks
 * @param pred predicted chunks
 * @param byType counts per type, updated in place
 * @param keep which types to score (others are dropped from both sides)
 */
export function score(
  gold: readonly Chunk[],
  pred: readonly Chunk[],
  byType: Map<string, Counts>,
  keep: (type: string) => boolean = () => true,
): void {
  const key = (c: Chunk): string => `${c.start}:${c.end}:${c.type}`;
  const g = new Set(gold.filter((c) => keep(c.type)).map(key));
  const p = new Set(pred.filter((c) => keep(c.type)).map(key));
  const bump = (type: string, field: keyof Counts): void => {
    for (const k of [type, "all"]) {
      const c = byType.get(k) ?? { tp: 0, fp: 0, fn: 0 };
      c[field]++;
      byType.set(k, c);
    }
  };
  for (const k of p) bump(k.split(":")[2]!, g.has(k) ? "tp" : "fp");
  for (const k of g) if (!p.has(k)) bump(k.split(":")[2]!, "fn");
}
