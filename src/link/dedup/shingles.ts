/**
 * Word shingles of an article body, the unit of near-duplicate detection. Boilerplate paragraphs
 * (credit lines, "Read more", copyright) are left out first, so a copy that adds them still matches.
 */
import { hash32, isBoilerplate, mix32, paragraphs, words } from "../text.ts";

/** Words per shingle. Four keeps copies matched through small edits and unrelated texts apart. */
export const SHINGLE_WORDS = 4;

/**
 * The content of a body for duplicate detection: the words of each paragraph that is not boilerplate.
 *
 * @example contentParagraphs("Source: AP\n\nThe ferry sank.") // [["the", "ferry", "sank"]]
 */
export function contentParagraphs(text: string): string[][] {
  const out: string[][] = [];
  for (const p of paragraphs(text)) {
    if (isBoilerplate(p)) continue;
    const ws = words(p);
    if (ws.length > 0) out.push(ws);
  }
  return out;
}

/**
 * The distinct shingle hashes of a text, sorted ascending.
 *
 * @param text an article body (the headline is not part of it, so a changed headline changes nothing)
 * @returns sorted distinct 32-bit hashes. Shingles stay inside a paragraph, so cutting one paragraph
 *   changes only its own; a paragraph of fewer than SHINGLE_WORDS words is one shingle of all its words
 * @example shingleSet("a b c d e").length // 2
 */
export function shingleSet(text: string): Uint32Array {
  return shinglesOf(contentParagraphs(text));
}

/** The sorted distinct shingle hashes of content paragraphs (see `shingleSet`). */
export function shinglesOf(paras: readonly (readonly string[])[]): Uint32Array {
  const set = new Set<number>();
  for (const ws of paras) {
    const hs = ws.map((w) => hash32(w));
    const n = Math.max(1, hs.length - SHINGLE_WORDS + 1);
    for (let i = 0; i < n; i++) {
      let h = 0x811c9dc5;
      for (let j = i; j < Math.min(hs.length, i + SHINGLE_WORDS); j++) h = Math.imul(h ^ hs[j]!, 0x01000193);
      set.add(mix32(h));
    }
  }
  return Uint32Array.from(set).sort();
}

/**
 * How many values two sorted distinct arrays share.
 *
 * @example intersectionSize(Uint32Array.of(1, 2, 3), Uint32Array.of(2, 3, 4)) // 2
 */
export function intersectionSize(a: Uint32Array, b: Uint32Array): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      n++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return n;
}

/** Overlap of two shingle sets. */
export interface Overlap {
  /** |A ∩ B| / |A ∪ B|. */
  readonly jaccard: number;
  /** |A ∩ B| / min(|A|, |B|): 1 when the shorter text is wholly inside the longer (an excerpt). */
  readonly containment: number;
  /** |A ∩ B| / |A|: how much of the first text the second covers. */
  readonly coveredA: number;
}

/**
 * Jaccard and containment of two sorted shingle sets.
 *
 * @example overlap(shingleSet(original), shingleSet(excerpt)).containment // near 1
 */
export function overlap(a: Uint32Array, b: Uint32Array): Overlap {
  if (a.length === 0 || b.length === 0) return { jaccard: 0, containment: 0, coveredA: 0 };
  const inter = intersectionSize(a, b);
  return {
    jaccard: inter / (a.length + b.length - inter),
    containment: inter / Math.min(a.length, b.length),
    coveredA: inter / a.length,
  };
}
