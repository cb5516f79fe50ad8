/**
 * Translate the terms of the search query language (`../query.ts`) into a PostgreSQL tsquery
 * expression. Each term becomes `phraseto_tsquery('lede', $n)` with its words as a bound parameter, so
 * nothing a user types reaches the SQL text and no input can be a tsquery syntax error.
 *
 * Precedence follows SQLite FTS5 (AND binds tighter than OR): `a b OR c` is `(a AND b) OR c`.
 * Negated terms exclude: `(positives) AND NOT (n1 OR n2)`.
 */
import type { QueryTerm } from "../query.ts";

/** The text search configuration created by the migrations. */
export const TS_CONFIG = "lede";

/**
 * Matches ranked per query: the newest this many (by article id), on both backends (`../query.ts`).
 */
export { SEARCH_CANDIDATES } from "../query.ts";

export interface TsQuerySql {
  /** A SQL expression of type tsquery, parenthesised (safe next to any operator). */
  readonly sql: string;
  /** The parameters it binds, numbered from the `first` given. */
  readonly params: readonly string[];
}

/**
 * Build the tsquery expression for the terms, or null when nothing can match (no positive term).
 *
 * @param terms parsed by `parseQuery`
 * @param first the number of the first bind parameter (`$first`)
 * @example toTsQuery(parseQuery("putin -crimea"), 1)
 *   // { sql: "(((phraseto_tsquery('lede', $1))) && !!(phraseto_tsquery('lede', $2)))", params: ["putin", "crimea"] }
 */
export function toTsQuery(terms: readonly QueryTerm[], first: number): TsQuerySql | null {
  const params: string[] = [];
  const term = (t: QueryTerm): string => {
    params.push(t.words.join(" "));
    return `phraseto_tsquery('${TS_CONFIG}', $${first + params.length - 1})`;
  };
  const groups: string[][] = [];
  for (const t of terms) {
    if (t.negated) continue;
    const last = groups[groups.length - 1];
    if (last === undefined || t.or) groups.push([term(t)]);
    else last.push(term(t));
  }
  if (groups.length === 0) return null;
  let sql = `(${groups.map((g) => `(${g.join(" && ")})`).join(" || ")})`;
  const negatives = terms.filter((t) => t.negated).map(term);
  if (negatives.length > 0) sql = `${sql} && !!(${negatives.join(" || ")})`;
  return { sql: `(${sql})`, params };
}
