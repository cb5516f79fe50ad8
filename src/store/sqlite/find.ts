/**
 * Faceted search and analysis-item queries of the SQLite store, over the tables of migration 2
 * (filled by `items.ts`). Every user-typed value is a bound parameter; nothing is spliced into SQL.
 */
import type Database from "better-sqlite3";
import { parseQuery, type QueryTerm, SEARCH_CANDIDATES, toFts5 } from "../query.ts";
import {
  type Candidate,
  cheaperRanking,
  HIT_CLOSE,
  HIT_OPEN,
  rankCandidates,
  snippetOf,
  termsOf,
} from "../rank.ts";
import { limitOf, type Row, SNIPPET_CHARS, toSummary } from "../rows.ts";
import type {
  ArticleQuery,
  ArticleSummary,
  ItemFilter,
  ItemHit,
  ItemKind,
  ItemTypes,
  ListOptions,
} from "../store.ts";
import { normalise } from "./items.ts";

/** Prepared statements by SQL text, per database (the texts are a small fixed set of filter shapes). */
const STATEMENTS = new WeakMap<Database.Database, Map<string, Database.Statement>>();

function prepare(db: Database.Database, sql: string): Database.Statement {
  let cache = STATEMENTS.get(db);
  if (!cache) STATEMENTS.set(db, (cache = new Map()));
  let statement = cache.get(sql);
  if (!statement) cache.set(sql, (statement = db.prepare(sql)));
  return statement;
}

interface Sql {
  readonly where: string[];
  readonly params: unknown[];
}

/** `x LIKE pattern` with the user's text escaped (no wildcards of theirs). */
function likeEscape(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Whole-word match of a normalised name against a `|name|name|` column. */
function entityCondition(sql: Sql, column: string, name: string): void {
  const n = likeEscape(normalise(name).trim());
  if (n === "") return;
  sql.where.push(
    `(${column} LIKE ? ESCAPE '\\' OR ${column} LIKE ? ESCAPE '\\' OR ${column} LIKE ? ESCAPE '\\' OR ${column} LIKE ? ESCAPE '\\')`,
  );
  sql.params.push(`%|${n}|%`, `%|${n} %`, `% ${n}|%`, `% ${n} %`);
}

/** Compare ISO date prefixes of different precision on their common prefix. */
function dateCondition(sql: Sql, column: string, from: string | undefined, to: string | undefined): void {
  const clean = (d: string | undefined) => (d && /^\d{4}(-\d{2}){0,2}$/.test(d) ? d : undefined);
  const f = clean(from);
  const t = clean(to);
  const common = (op: string) =>
    `(${column} IS NOT NULL AND substr(${column}, 1, min(length(${column}), length(?))) ${op} substr(?, 1, min(length(${column}), length(?))))`;
  if (f) {
    sql.where.push(common(">="));
    sql.params.push(f, f, f);
  }
  if (t) {
    sql.where.push(common("<="));
    sql.params.push(t, t, t);
  }
}

/** Terms of the query language over a normalised text column (word-prefix match, AND/OR/NOT). */
function termsCondition(sql: Sql, column: string, terms: readonly QueryTerm[]): void {
  const match = (t: QueryTerm) => {
    sql.params.push(` ${t.words.join(" ")}`);
    return `instr(${column}, ?) > 0`;
  };
  let expr = "";
  for (const t of terms.filter((x) => !x.negated))
    expr = expr === "" ? match(t) : `${expr} ${t.or ? "OR" : "AND"} ${match(t)}`;
  if (expr !== "") sql.where.push(`(${expr})`);
  for (const t of terms.filter((x) => x.negated)) sql.where.push(`NOT ${match(t)}`);
}

function sourceCondition(sql: Sql, source: string): void {
  const host = source
    .trim()
    .toLowerCase()
    .replace(/^www\./, "");
  const site = likeEscape(normalise(source).trim());
  if (host === "") return;
  sql.where.push(`(f.host = ? OR f.host LIKE ? ESCAPE '\\' OR f.site LIKE ? ESCAPE '\\')`);
  sql.params.push(host, `%.${likeEscape(host)}`, `% ${site} %`);
}

const SUMMARY_COLUMNS = `a.id, a.created_at, v.title, v.url, v.site_name, v.source, v.published`;
const CURRENT_JOIN = `JOIN article_versions v ON v.article_id = a.id AND v.version = a.current_version
  LEFT JOIN article_facets f ON f.article_id = a.id`;

/** The article facets of an `ArticleQuery` (everything but its text). */
function facets(sql: Sql, q: ArticleQuery | ItemFilter, dateColumn: string): void {
  if ("source" in q && q.source) sourceCondition(sql, q.source);
  dateCondition(sql, dateColumn, q.from, q.to);
}

/**
 * `Store.searchArticles` on SQLite.
 *
 * @param db the open database (migrated to at least version 2)
 * @param q text and facets
 * @param options limit and paging
 */
export function searchArticles(
  db: Database.Database,
  q: ArticleQuery,
  options?: ListOptions,
): ArticleSummary[] {
  const sql: Sql = {
    where: ["a.id < ?", "a.id > ?"],
    params: [options?.beforeId ?? Number.MAX_SAFE_INTEGER, options?.afterId ?? 0],
  };
  facets(sql, q, "f.date");
  if (q.entity) {
    const sub: Sql = { where: [], params: [] };
    entityCondition(sub, "i.names", q.entity);
    if (sub.where.length > 0) {
      sql.where.push(
        `EXISTS (SELECT 1 FROM analysis_items i WHERE i.article_id = a.id AND i.kind = 'entity' AND ${sub.where.join(" AND ")})`,
      );
      sql.params.push(...sub.params);
    }
  }
  const terms = parseQuery(q.text ?? "");
  const positive = toFts5(terms);
  const negatives = terms.filter((t) => t.negated);
  if (negatives.length > 0 && positive === null) {
    sql.where.push("a.id NOT IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)");
    sql.params.push(negatives.map((t) => `"${t.words.join(" ")}"`).join(" OR "));
  }
  if (positive !== null) return ranked(db, positive, terms, sql, options);
  return (
    prepare(
      db,
      `SELECT ${SUMMARY_COLUMNS}, substr(json_extract(v.article_json, '$.text'), 1, ${SNIPPET_CHARS}) AS snippet
         FROM articles a ${CURRENT_JOIN} WHERE ${sql.where.join(" AND ")} ORDER BY a.id DESC LIMIT ?`,
    ).all(...sql.params, limitOf(options)) as Row[]
  ).map(toSummary);
}

const OPEN = `char(${HIT_OPEN.codePointAt(0)})`;
const CLOSE = `char(${HIT_CLOSE.codePointAt(0)})`;
/** Articles containing a word are estimated from where its PROBE-th newest match lies. */
const PROBE = 1000;
/** How long an estimate of the average text length is reused, in ms. */
const LENGTH_TTL_MS = 10 * 60_000;
const averageLengths = new WeakMap<Database.Database, { readonly at: number; readonly chars: number }>();

/** Average text length of recent articles (from a sample of the newest 100), cached per database. */
function averageChars(db: Database.Database): number {
  const cached = averageLengths.get(db);
  if (cached && Date.now() - cached.at < LENGTH_TTL_MS) return cached.chars;
  const row = prepare(
    db,
    "SELECT avg(length(text)) AS n FROM (SELECT text FROM articles_fts ORDER BY rowid DESC LIMIT 100)",
  ).get() as Row;
  const chars = Number(row.n ?? 0);
  averageLengths.set(db, { at: Date.now(), chars });
  return chars;
}

/**
 * Estimated articles containing any of the query's words, summed over the words: a word whose
 * PROBE-th newest match is the article `floor` of `top` is in about PROBE * top / (top - floor + 1).
 */
function estimatedPostings(db: Database.Database, terms: readonly QueryTerm[]): number {
  const top = ((prepare(db, "SELECT max(id) AS n FROM articles").get() as Row).n as number | null) ?? 0;
  const probe = prepare(
    db,
    `SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rowid DESC LIMIT 1 OFFSET ${PROBE - 1}`,
  );
  let sum = 0;
  for (const word of new Set(terms.filter((t) => !t.negated).flatMap((t) => t.words))) {
    const floor = (probe.get(`"${word.replaceAll('"', "")}"`) as Row | undefined)?.rowid as
      | number
      | undefined;
    sum += floor === undefined ? PROBE : (PROBE * top) / Math.max(1, top - floor + 1);
  }
  return sum;
}

/**
 * Rank the newest SEARCH_CANDIDATES matches (as PostgreSQL does) by BM25, then read the summaries and
 * snippets of the best `limit`. Two ways compute the same kind of score (see ../rank.ts): FTS5's
 * `bm25()` or highlighting the candidates; the cheaper for the query is taken, so neither common words
 * in a big corpus nor long articles make a search slow. The id bounds go on the FTS rowid so that FTS5
 * walks its index newest first and stops at the limit.
 *
 * @param ranking force one way (tests); by default the cheaper
 */
export function ranked(
  db: Database.Database,
  expr: string,
  terms: readonly QueryTerm[],
  sql: Sql,
  options: ListOptions | undefined,
  ranking?: "bm25" | "highlight",
): ArticleSummary[] {
  const before = options?.beforeId ?? Number.MAX_SAFE_INTEGER;
  const after = options?.afterId ?? 0;
  const limit = limitOf(options);
  const how = ranking ?? cheaperRanking(estimatedPostings(db, terms), SEARCH_CANDIDATES, averageChars(db));
  const from = `FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid ${CURRENT_JOIN}
       WHERE articles_fts MATCH ? AND articles_fts.rowid < ? AND articles_fts.rowid > ? AND ${sql.where.join(" AND ")}
       ORDER BY articles_fts.rowid DESC LIMIT ${SEARCH_CANDIDATES}`;
  let hits: { id: number; snippet: string }[];
  if (how === "highlight") {
    const candidates = prepare(
      db,
      `SELECT articles_fts.rowid AS id, highlight(articles_fts, 0, ${OPEN}, ${CLOSE}) AS title,
         highlight(articles_fts, 1, ${OPEN}, ${CLOSE}) AS text ${from}`,
    ).all(expr, before, after, ...sql.params) as Candidate[];
    hits = rankCandidates(candidates, terms, limit);
  } else {
    // bm25() is lower for better matches; ties go to the newer article.
    const scored = (
      prepare(db, `SELECT articles_fts.rowid AS id, bm25(articles_fts, 5.0, 1.0) AS score ${from}`).all(
        expr,
        before,
        after,
        ...sql.params,
      ) as { id: number; score: number }[]
    )
      .sort((x, y) => x.score - y.score || y.id - x.id)
      .slice(0, limit);
    const texts = prepare(
      db,
      `SELECT rowid AS id, highlight(articles_fts, 1, ${OPEN}, ${CLOSE}) AS text FROM articles_fts
         WHERE articles_fts MATCH ? AND rowid IN (SELECT value FROM json_each(?))`,
    ).all(expr, JSON.stringify(scored.map((h) => h.id))) as { id: number; text: string }[];
    const textOf = new Map(texts.map((t) => [t.id, t.text]));
    const words = termsOf(terms);
    hits = scored.map((h) => ({ id: h.id, snippet: snippetOf(textOf.get(h.id) ?? "", words) }));
  }
  if (hits.length === 0) return [];
  const rows = prepare(
    db,
    `SELECT ${SUMMARY_COLUMNS} FROM articles a ${CURRENT_JOIN} WHERE a.id IN (SELECT value FROM json_each(?))`,
  ).all(JSON.stringify(hits.map((h) => h.id))) as Row[];
  const byId = new Map(rows.map((r) => [r.id as number, r]));
  return hits.flatMap((h) => {
    const r = byId.get(h.id);
    return r ? [toSummary({ ...r, snippet: h.snippet })] : [];
  });
}

const ORDERS: Record<NonNullable<ItemFilter["order"]>, string> = {
  newest: "i.article_id DESC, i.ord",
  "date-asc": "i.date IS NULL, i.date ASC, i.article_id DESC, i.ord",
  "date-desc": "i.date IS NULL, i.date DESC, i.article_id DESC, i.ord",
};

/**
 * `Store.findItems` on SQLite.
 *
 * @param db the open database (migrated to at least version 2)
 * @param kind which analysis items
 * @param filter entity, text, dates, article, order
 * @param options limit and paging (by article id)
 */
export function findItems<K extends ItemKind>(
  db: Database.Database,
  kind: K,
  filter: ItemFilter = {},
  options?: ListOptions,
): ItemHit<K>[] {
  const sql: Sql = {
    where: ["i.kind = ?", "a.id < ?"],
    params: [kind, options?.beforeId ?? Number.MAX_SAFE_INTEGER],
  };
  if (filter.articleId !== undefined) {
    sql.where.push("a.id = ?");
    sql.params.push(filter.articleId);
  }
  if (filter.entity) entityCondition(sql, "i.names", filter.entity);
  if (filter.text) termsCondition(sql, "i.norm", parseQuery(filter.text));
  facets(sql, filter, "i.date");
  // The page of items is chosen first and only its rows read the article's JSON for the snippet:
  // sorting wide rows made the desk's deadline query read every matching article (14 ms at 2,000).
  let order = ORDERS[filter.order ?? "newest"];
  // With a date bound no row has a null date, and without the IS NULL term the (kind, date) index gives
  // the order (the deadline board: upcoming first).
  if (sql.where.some((w) => w.startsWith("(i.date IS NOT NULL")))
    order = order.replace("i.date IS NULL, ", "");
  const rows = prepare(
    db,
    `SELECT ${SUMMARY_COLUMNS}, substr(json_extract(v.article_json, '$.text'), 1, ${SNIPPET_CHARS}) AS snippet, i.ord, i.date, i.item_json, i.names_json
       FROM analysis_items i JOIN articles a ON a.id = i.article_id ${CURRENT_JOIN}
       WHERE i.id IN (SELECT i.id FROM analysis_items i JOIN articles a ON a.id = i.article_id ${CURRENT_JOIN}
         WHERE ${sql.where.join(" AND ")} ORDER BY ${order} LIMIT ?)
       ORDER BY ${order}`,
  ).all(...sql.params, limitOf(options)) as Row[];
  return rows.map((r) => ({
    kind,
    item: JSON.parse(r.item_json as string) as ItemTypes[K],
    index: r.ord as number,
    date: (r.date as string | null) ?? null,
    names: JSON.parse(r.names_json as string) as Record<string, string>,
    article: toSummary(r),
  }));
}
