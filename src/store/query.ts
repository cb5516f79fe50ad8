/**
 * The search query language, parsed into terms any backend can translate:
 * words (all must match), "quoted phrases", -excluded words, and OR between terms.
 * Nothing a user types can produce a syntax error downstream.
 */

export interface QueryTerm {
  /** The words of a term (one word, or a phrase). */
  readonly words: readonly string[];
  readonly negated: boolean;
  /** Joined to the previous term with OR instead of AND. */
  readonly or: boolean;
}

/** Longest query accepted, in characters; the rest is ignored. */
export const MAX_QUERY_LENGTH = 500;
/** Most terms taken from one query. */
export const MAX_TERMS = 32;

/**
 * Parse a user's query.
 *
 * @example parseQuery('putin "peace talks" -crimea') // three terms, the last negated
 */
export function parseQuery(query: string): QueryTerm[] {
  const terms: QueryTerm[] = [];
  const re = /(-?)"([^"]*)"?|(\S+)/g;
  const q = query.slice(0, MAX_QUERY_LENGTH);
  let or = false;
  for (let m = re.exec(q); m && terms.length < MAX_TERMS; m = re.exec(q)) {
    if (m[3] === "OR") {
      or = terms.length > 0;
      continue;
    }
    let negated = m[1] === "-";
    let raw = m[2] ?? m[3] ?? "";
    if (m[3] !== undefined && raw.startsWith("-")) {
      negated = true;
      raw = raw.slice(1);
    }
    const words = raw.match(/[\p{L}\p{N}]+/gu) ?? [];
    if (words.length === 0) continue;
    terms.push({ words: words.map((w) => w.toLowerCase()), negated, or });
    or = false;
  }
  return terms;
}

/**
 * An FTS5 MATCH expression for the terms, or null when nothing can match (no positive term).
 *
 * @example toFts5(parseQuery("putin -crimea")) // '"putin" NOT "crimea"'
 */
export function toFts5(terms: readonly QueryTerm[]): string | null {
  const positive = terms.filter((t) => !t.negated);
  if (positive.length === 0) return null;
  const phrase = (t: QueryTerm) => `"${t.words.join(" ")}"`;
  let expr = "";
  for (const t of positive) {
    expr = expr === "" ? phrase(t) : `${expr} ${t.or ? "OR" : "AND"} ${phrase(t)}`;
  }
  const negatives = terms.filter((t) => t.negated);
  if (negatives.length > 0) expr = `(${expr}) NOT (${negatives.map(phrase).join(" OR ")})`;
  return expr;
}

/**
 * Matches ranked per search: the newest this many (by article id), on every backend. Every match is
 * ranked for all but the commonest words; a word in most of a million articles would otherwise rank
 * them all (seconds on SQLite, hundreds of ms on PostgreSQL). News search wants recent matches anyway.
 */
export const SEARCH_CANDIDATES = 1000;
