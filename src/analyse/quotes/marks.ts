/**
 * Quotation marks: pair opening and closing marks into quoted regions, one region per paragraph.
 * Handles curly and straight double marks, guillemets, single curly marks at the top level, nesting
 * (inner marks stay inside the outer region) and quotations running over several paragraphs where each
 * paragraph reopens the quotation and only the last one closes it.
 */
import type { Span } from "../../core/index.ts";

/** One quoted region inside a paragraph. `start`/`end` include the marks. */
export interface QuoteRegion extends Span {
  /** The region ends with its closing mark (false: cut at the paragraph end). */
  readonly closed: boolean;
  /** The quotation continues in the next paragraph (multi-paragraph quotation). */
  readonly continues: boolean;
  /** The quotation began in an earlier paragraph. */
  readonly continued: boolean;
  /** Marked with single marks (‘...’). */
  readonly single: boolean;
}

/** Double marks; `''` is two apostrophes standing for a straight double mark (as in NYT archive text). */
const DOUBLE_MARKS = /''|["“”„«»‟]/g;
const SINGLE_MARKS = /[‘’]/g;
const OPEN_DOUBLE = new Set(["“", "„", "«", "‟"]);
const CLOSE_DOUBLE = new Set(["”", "»"]);
/** Longest unclosed region (in characters) kept when no continuation follows: longer is a stray mark. */
const MAX_UNCLOSED = 600;

function isSpaceOrStart(ch: string | undefined): boolean {
  return ch === undefined || /[\s([{\u2014\u2013\-/]/.test(ch);
}

function isLetter(ch: string | undefined): boolean {
  return ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
}

/** Classify a double mark at position i as opening or closing. */
function doubleRole(text: string, i: number, depth = 0): "open" | "close" | null {
  const ch = text[i]!;
  const width = text.startsWith("''", i) ? 2 : 1;
  const prev = i > 0 ? text[i - 1] : undefined;
  const next = text[i + width];
  // A curly opening mark used as a closer (`...,“ said X`): inside a quotation, after the words.
  if (
    ch === "“" &&
    depth > 0 &&
    prev !== undefined &&
    !/\s/.test(prev) &&
    (next === undefined || /[\s,.;:]/.test(next))
  )
    return "close";
  if (OPEN_DOUBLE.has(ch)) return "open";
  if (CLOSE_DOUBLE.has(ch)) return "close";
  if (ch !== '"' && width === 1) return null;
  // After a single mark: `'"Hello` opens, `...matter,'" he said` closes (a nested quotation ends with it).
  if (prev === "\u2018" || (prev === "'" && width === 1))
    return next === undefined || /[\s,.;:!?)\]]/.test(next) ? "close" : "open";
  if (isSpaceOrStart(prev)) return next === undefined || /\s/.test(next) ? null : "open";
  return "close";
}

/** Find paragraph spans (split at newlines), skipping empty ones. */
function paragraphs(text: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text[i] === "\n") {
      let s = start;
      let e = i;
      while (s < e && /\s/.test(text[s]!)) s++;
      while (e > s && /\s/.test(text[e - 1]!)) e--;
      if (e > s) out.push({ start: s, end: e });
      start = i + 1;
    }
  }
  return out;
}

/**
 * Find quoted regions in a text.
 *
 * @param text - the article text
 * @returns regions in text order, each inside one paragraph, marks included
 * @example findQuoteRegions('"A," he said.') // [{start: 0, end: 4, closed: true, ...}]
 */
export function findQuoteRegions(text: string): QuoteRegion[] {
  const paras = paragraphs(text);
  const out: QuoteRegion[] = [];
  let carried = false;
  for (let p = 0; p < paras.length; p++) {
    const para = paras[p]!;
    let depth = 0;
    let open = -1;
    let continued = false;
    DOUBLE_MARKS.lastIndex = para.start;
    for (let m = DOUBLE_MARKS.exec(text); m && m.index < para.end; m = DOUBLE_MARKS.exec(text)) {
      const i = m.index;
      const role = doubleRole(text, i, depth);
      const width = m[0].length;
      if (role === null) continue;
      if (role === "open") {
        if (depth === 0) {
          open = i;
          continued = carried && i === para.start;
        }
        depth++;
      } else if (depth > 0) {
        depth--;
        if (depth === 0) {
          out.push({ start: open, end: i + width, closed: true, continues: false, continued, single: false });
          open = -1;
        }
      }
      if (depth === 0) carried = false;
    }
    carried = false;
    if (depth > 0 && open >= 0) {
      const next = paras[p + 1];
      const reopens = next !== undefined && doubleRole(text, next.start) === "open";
      if (reopens || para.end - open <= MAX_UNCLOSED) {
        out.push({ start: open, end: para.end, closed: false, continues: reopens, continued, single: false });
      }
      carried = reopens;
    }
  }
  return mergeSingles(text, paras, out);
}

/** Add top-level single-quoted regions (‘...’) that lie outside every double-quoted region. */
function mergeSingles(text: string, paras: readonly Span[], doubles: QuoteRegion[]): QuoteRegion[] {
  const singles: QuoteRegion[] = [];
  let d = 0;
  const inside = (i: number) => {
    while (d < doubles.length && doubles[d]!.end <= i) d++;
    const r = doubles[d];
    return r !== undefined && r.start <= i;
  };
  for (const para of paras) {
    let open = -1;
    SINGLE_MARKS.lastIndex = para.start;
    for (let m = SINGLE_MARKS.exec(text); m && m.index < para.end; m = SINGLE_MARKS.exec(text)) {
      const i = m.index;
      const ch = m[0];
      if (ch === "\u2018" && open < 0 && !inside(i) && !isLetter(text[i - 1]) && isLetter(text[i + 1]))
        open = i;
      else if (ch === "\u2019" && open >= 0 && !isLetter(text[i + 1]) && i > open + 1) {
        if (!inside(i))
          singles.push({
            start: open,
            end: i + 1,
            closed: true,
            continues: false,
            continued: false,
            single: true,
          });
        open = -1;
      }
    }
  }
  return [...doubles, ...singles].sort((a, b) => a.start - b.start);
}
