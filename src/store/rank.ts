/**
 * Ranking of search candidates from their highlighted text, and the snippet of each hit.
 *
 * SQLite's `bm25()` counts, for every query phrase, the rows of the whole table that contain it: a
 * full scan of the phrase's doclist on every search, 50–150 ms for a common word in a million articles,
 * however few candidates are ranked. Here the backend hands over the newest candidates with their
 * matches marked (FTS5 `highlight()`), and they are scored with BM25 whose document frequencies come
 * from the candidates themselves: the cost follows the candidates, not the corpus.
 */
import type { QueryTerm } from "./query.ts";

/** Marks the start and end of a match in highlighted text (private-use characters, not in news text). */
export const HIT_OPEN = "\uE000";
export const HIT_CLOSE = "\uE001";

/** A candidate article with its matches marked by HIT_OPEN / HIT_CLOSE. */
export interface Candidate {
  readonly id: number;
  readonly title: string;
  readonly text: string;
}

export interface RankedHit {
  readonly id: number;
  readonly score: number;
  /** About SNIPPET_WORDS words of text around the best cluster of matches, matches in [brackets]. */
  readonly snippet: string;
}

/** BM25 parameters (the usual ones) and the title's weight against the text (as `bm25(t, 5.0, 1.0)`). */
const K1 = 1.2;
const B = 0.75;
const TITLE_WEIGHT = 5;
/** Words in a snippet, as FTS5 `snippet(..., 24)`. */
export const SNIPPET_WORDS = 24;

/** Lowercase without diacritics, as the index's tokenizer folds words. */
function fold(s: string): string {
  return s
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

function commonPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/**
 * Which query term a marked match belongs to: the one sharing the longest prefix with it (the index
 * stems words, so "flooding" matched "floods"; stems are prefixes of both in all but rare cases).
 */
function termOf(match: string, terms: readonly string[]): number {
  let best = 0;
  let bestLength = -1;
  for (let i = 0; i < terms.length; i++) {
    const n = commonPrefix(match, terms[i]!);
    if (n > bestLength) {
      best = i;
      bestLength = n;
    }
  }
  return best;
}

/** Count the marked matches of `s` per query term into `counts`; `seen` caches match → term. */
function countMatches(
  s: string,
  terms: readonly string[],
  counts: number[],
  weight: number,
  seen: Map<string, number>,
): void {
  for (let open = s.indexOf(HIT_OPEN); open >= 0; open = s.indexOf(HIT_OPEN, open + 1)) {
    const close = s.indexOf(HIT_CLOSE, open);
    if (close < 0) break;
    const match = s.slice(open + 1, close);
    let t = seen.get(match);
    if (t === undefined) seen.set(match, (t = termOf(fold(match), terms)));
    counts[t] = counts[t]! + weight;
  }
}

/**
 * Rank candidates, best first, and cut a snippet for the best `limit` of them. Ties go to the newer
 * (higher id) article.
 *
 * @param candidates highlighted title and text of each candidate
 * @param terms the parsed query (negated terms are ignored: they never match a candidate)
 * @param limit how many hits to return
 */
export function rankCandidates(
  candidates: readonly Candidate[],
  terms: readonly QueryTerm[],
  limit: number,
): RankedHit[] {
  const positive = termsOf(terms);
  if (positive.length === 0 || candidates.length === 0) return [];
  const n = candidates.length;
  const seen = new Map<string, number>();
  const tf = candidates.map((c) => {
    const counts = positive.map(() => 0);
    countMatches(c.title, positive, counts, TITLE_WEIGHT, seen);
    countMatches(c.text, positive, counts, 1, seen);
    return counts;
  });
  const df = positive.map((_, t) => tf.reduce((sum, counts) => sum + (counts[t]! > 0 ? 1 : 0), 0));
  const idf = df.map((d) => Math.log(1 + (n - d + 0.5) / (d + 0.5)));
  const lengths = candidates.map((c) => c.title.length * TITLE_WEIGHT + c.text.length);
  const average = lengths.reduce((a, b) => a + b, 0) / n || 1;
  const scored = candidates.map((c, i) => {
    const norm = K1 * (1 - B + (B * lengths[i]!) / average);
    let score = 0;
    for (let t = 0; t < positive.length; t++) {
      const f = tf[i]![t]!;
      if (f > 0) score += (idf[t]! * f * (K1 + 1)) / (f + norm);
    }
    return { c, score };
  });
  scored.sort((a, b) => b.score - a.score || b.c.id - a.c.id);
  return scored.slice(0, Math.max(0, limit)).map(({ c, score }) => ({
    id: c.id,
    score,
    snippet: snippetOf(c.text, positive),
  }));
}

/** The positive terms of a query as matched text is compared with them (folded, words joined). */
export function termsOf(terms: readonly QueryTerm[]): string[] {
  return terms.filter((t) => !t.negated).map((t) => fold(t.words.join(" ")));
}

/**
 * Which way of ranking costs less for a query: FTS5's `bm25()` reads each matched phrase's whole
 * doclist once (for document frequencies), so its cost follows how many articles contain the query's
 * words; highlighting re-reads the text of every candidate, so its cost follows the candidates'
 * length. The per-unit costs were measured on this project's bench corpus (µs per posting, per char).
 *
 * @param postings estimated articles containing each query word, summed over the words
 * @param candidates how many candidates would be highlighted
 * @param averageChars their average text length in characters
 */
export function cheaperRanking(
  postings: number,
  candidates: number,
  averageChars: number,
): "bm25" | "highlight" {
  return candidates * averageChars * HIGHLIGHT_US_PER_CHAR < postings * BM25_US_PER_POSTING
    ? "highlight"
    : "bm25";
}
const HIGHLIGHT_US_PER_CHAR = 0.012;
const BM25_US_PER_POSTING = 0.05;

/**
 * The window of SNIPPET_WORDS words of highlighted text with the most distinct query terms (then the
 * most matches), its matches in [brackets], "…" where it cuts the text.
 */
export function snippetOf(text: string, terms: readonly string[]): string {
  const words = text.split(/\s+/).filter((w) => w !== "");
  // For each word: the query term whose match starts in it, or -1.
  const starts = words.map((w) => {
    const open = w.indexOf(HIT_OPEN);
    if (open < 0) return -1;
    const close = w.indexOf(HIT_CLOSE, open);
    return termOf(fold(w.slice(open + 1, close < 0 ? undefined : close)), terms);
  });
  let best = 0;
  let bestScore = -1;
  for (let i = 0; i < words.length; i++) {
    if (starts[i]! < 0) continue;
    // Start a little before the match, so it is read in context.
    const from = Math.max(0, Math.min(i - 2, words.length - SNIPPET_WORDS));
    const seen = new Set<number>();
    let hits = 0;
    for (let j = from; j < Math.min(words.length, from + SNIPPET_WORDS); j++) {
      if (starts[j]! >= 0) {
        seen.add(starts[j]!);
        hits++;
      }
    }
    const score = seen.size * 1000 + hits;
    if (score > bestScore) {
      best = from;
      bestScore = score;
    }
  }
  const end = Math.min(words.length, best + SNIPPET_WORDS);
  let out = words.slice(best, end).join(" ");
  // A phrase match cut by the window edge keeps balanced brackets.
  const firstClose = out.indexOf(HIT_CLOSE);
  if (firstClose >= 0 && out.lastIndexOf(HIT_OPEN, firstClose) < 0) out = HIT_OPEN + out;
  const lastOpen = out.lastIndexOf(HIT_OPEN);
  if (lastOpen >= 0 && out.indexOf(HIT_CLOSE, lastOpen) < 0) out += HIT_CLOSE;
  out = out.replaceAll(HIT_OPEN, "[").replaceAll(HIT_CLOSE, "]");
  return `${best > 0 ? "…" : ""}${out}${end < words.length ? "…" : ""}`;
}
