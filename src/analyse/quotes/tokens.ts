/**
 * Tokens and attribution units. A unit is a sentence in which each quoted region is one atomic token, so a
 * quotation of several sentences never splits the clause that attributes it.
 */
import type { Span } from "../../core/index.ts";
import { CORE_CUES } from "./cues.ts";
import type { QuoteRegion } from "./marks.ts";

export interface Token extends Span {
  readonly text: string;
  readonly lower: string;
  readonly kind: "word" | "punct" | "quote";
  /** For `quote` tokens: the region. */
  readonly region?: QuoteRegion;
}

/** Abbreviations whose trailing period belongs to the word. */
const ABBREVIATIONS = new Set(
  `mr mrs ms dr sen rep gov gen lt col sgt st jr sr inc co corp ltd no vs mt ft prof rev capt adm cmdr maj
  jan feb mar apr aug sep sept oct nov dec calif fla mass penn ill mich wis ariz tenn conn wash ore nev colo
  ky la md minn mo neb okla pa va vt ind ga ala ark del wyo miss`.split(/\s+/),
);

const WORD = /[\p{L}\p{N}]+(?:[’'.\-&][\p{L}\p{N}]+)*\.?/uy;

/**
 * Tokenize `text` between `start` and `end`, turning each quoted region into one token.
 *
 * @param text - the article text
 * @param regions - quoted regions (sorted)
 * @returns tokens in order
 */
export function tokenize(
  text: string,
  regions: readonly QuoteRegion[],
  start = 0,
  end = text.length,
): Token[] {
  const out: Token[] = [];
  let r = 0;
  let i = start;
  while (i < end) {
    while (r < regions.length && regions[r]!.end <= i) r++;
    const region = regions[r];
    if (region && region.start <= i && i < region.end) {
      const s = region.start;
      const t = text.slice(s, region.end);
      out.push({ start: s, end: region.end, text: t, lower: t.toLowerCase(), kind: "quote", region });
      i = region.end;
      continue;
    }
    const ch = text[i]!;
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    WORD.lastIndex = i;
    const m = WORD.exec(text);
    if (m) {
      let w = m[0];
      const limit = region ? region.start - i : w.length;
      if (w.length > limit) w = w.slice(0, limit);
      if (w.endsWith(".") && !isAbbreviation(w)) w = w.slice(0, -1);
      // "He’s claiming", "they've said": the pronoun and its auxiliary are two words (PolNeAR puts the
      // auxiliary in the cue and the pronoun in the source).
      const c = CONTRACTION.exec(w);
      if (c) {
        const p = c[1]!.length;
        out.push({
          start: i,
          end: i + p,
          text: w.slice(0, p),
          lower: w.slice(0, p).toLowerCase(),
          kind: "word",
        });
        out.push({
          start: i + p,
          end: i + w.length,
          text: w.slice(p),
          lower: w.slice(p).toLowerCase(),
          kind: "word",
        });
        i += w.length;
        continue;
      }
      out.push({ start: i, end: i + w.length, text: w, lower: w.toLowerCase(), kind: "word" });
      i += w.length;
      continue;
    }
    out.push({ start: i, end: i + 1, text: ch, lower: ch, kind: "punct" });
    i++;
  }
  return out;
}

/** A pronoun with a contracted auxiliary: "he’s", "they've", "she'd", "I'll". */
const CONTRACTION = /^(he|she|it|who|they|we|you|i)([’'](?:s|re|ve|ll|d|m))$/i;

function isAbbreviation(w: string): boolean {
  const bare = w.slice(0, -1).toLowerCase();
  if (ABBREVIATIONS.has(bare)) return true;
  // U.S., D.C., a single initial "J."
  return (
    /^(?:\p{L}\.)*\p{L}$/u.test(bare) &&
    (bare.includes(".") || (/^\p{Lu}$/u.test(w[0]!) && bare.length === 1))
  );
}

/**
 * Group tokens into units: sentences (from `sentences` when given, else a simple fallback) that never end
 * inside a quoted region, and never run over a paragraph break.
 *
 * @param text - the article text
 * @param tokens - all tokens of the text
 * @param sentences - sentence spans from the text analyser (may be empty)
 * @returns arrays of tokens, one per unit
 */
export function units(text: string, tokens: readonly Token[], sentences: readonly Span[]): Token[][] {
  const ends = new Set(sentences.map((s) => s.end));
  const out: Token[][] = [];
  let cur: Token[] = [];
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    const next = tokens[k + 1];
    cur.push(t);
    if (!next) break;
    const gap = text.slice(t.end, next.start);
    let boundary = gap.includes("\n");
    if (!boundary && sentences.length > 0) {
      for (let p = t.end; p <= next.start && !boundary; p++) if (ends.has(p)) boundary = true;
      // A splitter may end a sentence inside a quotation; the quote token is atomic, so that end is ignored.
    } else if (!boundary) {
      boundary = t.kind === "punct" && /[.!?]/.test(t.text) && /^[\p{Lu}"“‘]/u.test(next.text);
    }
    // `"...." Berg said.`: a splitter ends the sentence at the closing mark, but the tail attributes it.
    // `"Why?" Berg asked of the plan, after ...`: a quotation ending in "?", "!" or a comma inside its marks
    // is attributed by a tail of any length.
    const open = t.kind === "quote" && /[?!,]\s*["”’'»]+$/.test(t.text);
    if (boundary && t.kind === "quote" && !gap.includes("\n") && isTail(tokens, k + 1, open))
      boundary = false;
    if (boundary) {
      out.push(cur);
      cur = [];
    }
  }
  if (cur.length > 0) out.push(cur);
  return out;
}

/**
 * Do the tokens from `k` form a short attribution tail ("Berg said.", "said the mayor.", "he told CNN.")? With
 * `anyLength`, a source and a cue are enough, whatever follows ("Berg asked of the plan, after ...").
 */
function isTail(tokens: readonly Token[], k: number, anyLength = false): boolean {
  for (let j = k; j < Math.min(tokens.length, k + 6); j++) {
    const t = tokens[j]!;
    if (t.kind !== "word") return false;
    if (CORE_CUES.has(t.lower)) {
      if (anyLength) return true;
      for (let n = j + 1; n < Math.min(tokens.length, j + 8); n++) {
        const x = tokens[n]!;
        if (x.kind === "punct") return /[.!?]/.test(x.text);
        if (x.kind === "quote") return false;
      }
      return j + 1 >= tokens.length;
    }
  }
  return false;
}
