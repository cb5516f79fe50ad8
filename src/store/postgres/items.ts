/**
 * Analysis items and article facets on PostgreSQL (migration 2): the same rows as SQLite's
 * `sqlite/items.ts` (normalised text, `|name|name|` entity names, item dates), and `searchArticles` /
 * `findItems` over them. Entity names are matched with LIKE on a pg_trgm GIN index. Every value a user
 * types is a bound parameter.
 */
import type pg from "pg";
import type { Analysis, Article } from "../../core/index.ts";
import { parseQuery, type QueryTerm } from "../query.ts";
import { limitOf, type Row, SNIPPET_CHARS, toSummary } from "../rows.ts";
import { calendarDate, hostOf, normalise } from "../sqlite/items.ts";
import type {
  ArticleQuery,
  ArticleSummary,
  ItemFilter,
  ItemHit,
  ItemKind,
  ItemTypes,
  ListOptions,
} from "../store.ts";
import { SEARCH_CANDIDATES, TS_CONFIG, toTsQuery } from "./search.ts";

/** The migration (1-based) that created the tables this file fills. */
export const ITEMS_MIGRATION = 2;

type Query = (sql: string, params: unknown[]) => Promise<Row[]>;

const RANK_WEIGHTS = "{0.2, 0.2, 0.2, 1.0}";
const HEADLINE = `StartSel=[, StopSel=], MaxWords=24, MinWords=12, ShortWord=0, MaxFragments=1, FragmentDelimiter=" … "`;

interface ItemRow {
  readonly kind: ItemKind;
  readonly ord: number;
  readonly text: string;
  readonly ids: readonly (string | null | undefined)[];
  readonly extraNames: readonly (string | null | undefined)[];
  readonly date: string | null;
  readonly json: unknown;
}

/** The item rows of an analysis (as SQLite makes them). */
function rowsOf(analysis: Analysis, articleDate: string | null): ItemRow[] {
  const rows: ItemRow[] = [];
  const push = <T>(
    kind: ItemKind,
    items: readonly T[] | undefined,
    f: (x: T) => Omit<ItemRow, "kind" | "ord" | "json">,
  ) => {
    for (const [i, x] of (items ?? []).entries()) rows.push({ kind, ord: i, json: x, ...f(x) });
  };
  push("quote", analysis.quotes, (q) => ({
    text: q.text,
    ids: [q.speakerEntity],
    extraNames: [q.speakerName],
    date: articleDate,
  }));
  push("claim", analysis.claims, (c) => ({
    text: c.text,
    ids: [c.claimant, ...c.about],
    extraNames: [],
    date: articleDate,
  }));
  push("deadline", analysis.deadlines, (d) => ({
    text: `${d.text} ${d.demand ?? ""}`,
    ids: [d.setter, d.target],
    extraNames: [],
    date: calendarDate(d.due) ?? calendarDate(d.window?.to) ?? articleDate,
  }));
  push("event", analysis.events, (e) => ({
    text: e.text,
    ids: [...e.actors, ...e.targets, e.place],
    extraNames: [],
    date: calendarDate(e.date) ?? articleDate,
  }));
  push("entity", analysis.entities, (e) => ({
    text: [e.name, ...e.titles].join(" "),
    ids: [e.id],
    extraNames: [],
    date: articleDate,
  }));
  return rows;
}

/** Strip NUL characters, which PostgreSQL text cannot hold. */
const clean = (s: string) => (s.includes("\u0000") ? s.replaceAll("\u0000", "") : s);

/**
 * Rebuild the index rows of one article from its current version, inside the storing transaction.
 *
 * @param c the transaction's connection
 * @param articleId the article
 * @param article its current version
 * @param analysis its analysis (null: no items)
 * @param storedAt when it was stored (the date of undated articles)
 */
export async function indexArticleVersion(
  c: pg.ClientBase,
  articleId: number,
  article: Article,
  analysis: Analysis | null,
  storedAt: string,
): Promise<void> {
  const articleDate = calendarDate(article.published) ?? calendarDate(storedAt);
  await c.query("DELETE FROM analysis_items WHERE article_id = $1", [articleId]);
  await c.query(
    `INSERT INTO article_facets (article_id, host, site, date) VALUES ($1, $2, $3, $4)
     ON CONFLICT (article_id) DO UPDATE SET host = excluded.host, site = excluded.site, date = excluded.date`,
    [articleId, hostOf(article.url), article.siteName ? normalise(article.siteName) : null, articleDate],
  );
  if (!analysis) return;
  const nameOf = new Map<string, string>();
  for (const e of analysis.entities ?? []) nameOf.set(e.id, e.name);
  const rows = rowsOf(analysis, articleDate);
  if (rows.length === 0) return;
  const cols: unknown[][] = [[], [], [], [], [], [], []];
  for (const r of rows) {
    const names: Record<string, string> = {};
    for (const id of r.ids) {
      const n = id ? nameOf.get(id) : undefined;
      if (id && n) names[id] = n;
    }
    const all = [...Object.values(names), ...r.extraNames.filter((n): n is string => !!n)]
      .map((n) => normalise(n).trim())
      .filter(Boolean);
    const values = [
      r.kind,
      r.ord,
      clean(normalise(r.text)),
      clean(`|${[...new Set(all)].join("|")}|`),
      r.date,
    ];
    values.push(clean(JSON.stringify(r.json)), clean(JSON.stringify(names)));
    for (const [i, v] of values.entries()) cols[i]!.push(v);
  }
  await c.query(
    `INSERT INTO analysis_items (article_id, kind, ord, norm, names, date, item_json, names_json)
     SELECT $1, * FROM unnest($2::text[], $3::int[], $4::text[], $5::text[], $6::text[], $7::json[], $8::json[])`,
    [articleId, ...cols],
  );
}

/** Index every article's current version (right after migration 2 first runs on a filled database). */
export async function indexAllArticles(c: pg.ClientBase): Promise<void> {
  const { rows } = await c.query(
    `SELECT a.id, a.created_at, v.article_json, v.analysis_json FROM articles a
     JOIN article_versions v ON v.article_id = a.id AND v.version = a.current_version`,
  );
  for (const r of rows as Row[]) {
    await indexArticleVersion(
      c,
      r.id as number,
      r.article_json as Article,
      (r.analysis_json as Analysis | null) ?? null,
      r.created_at as string,
    );
  }
}

/** A WHERE clause under construction with numbered parameters. */
class Where {
  readonly parts: string[] = [];
  readonly params: unknown[] = [];
  /** Bind a value; returns its placeholder. */
  p(value: unknown): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }
  get sql(): string {
    return this.parts.length > 0 ? this.parts.join(" AND ") : "TRUE";
  }
}

function likeEscape(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Whole-word match of a normalised name against a `|name|name|` column. */
function entityCondition(w: Where, column: string, name: string): void {
  const n = likeEscape(normalise(name).trim());
  if (n === "") return;
  const pats = [`%|${n}|%`, `%|${n} %`, `% ${n}|%`, `% ${n} %`].map((x) => `${column} LIKE ${w.p(x)}`);
  w.parts.push(`(${pats.join(" OR ")})`);
}

/** Compare ISO date prefixes of different precision on their common prefix (bytewise). */
function dateCondition(w: Where, column: string, from: string | undefined, to: string | undefined): void {
  const ok = (d: string | undefined) => (d && /^\d{4}(-\d{2}){0,2}$/.test(d) ? d : undefined);
  const cmp = (d: string, op: string) => {
    const p = w.p(d);
    const n = `least(length(${column}), length(${p}))`;
    w.parts.push(
      `(${column} IS NOT NULL AND left(${column}, ${n}) COLLATE "C" ${op} left(${p}, ${n}) COLLATE "C")`,
    );
  };
  const f = ok(from);
  const t = ok(to);
  if (f) cmp(f, ">=");
  if (t) cmp(t, "<=");
}

/** Terms of the query language over a normalised text column (word-prefix match, AND/OR/NOT). */
function termsCondition(w: Where, column: string, terms: readonly QueryTerm[]): void {
  const match = (t: QueryTerm) => `strpos(${column}, ${w.p(` ${t.words.join(" ")}`)}) > 0`;
  let expr = "";
  for (const t of terms.filter((x) => !x.negated))
    expr = expr === "" ? match(t) : `${expr} ${t.or ? "OR" : "AND"} ${match(t)}`;
  if (expr !== "") w.parts.push(`(${expr})`);
  for (const t of terms.filter((x) => x.negated)) w.parts.push(`NOT ${match(t)}`);
}

function sourceCondition(w: Where, source: string): void {
  const host = source
    .trim()
    .toLowerCase()
    .replace(/^www\./, "");
  if (host === "") return;
  const site = likeEscape(normalise(source).trim());
  w.parts.push(
    `(f.host = ${w.p(host)} OR f.host LIKE ${w.p(`%.${likeEscape(host)}`)} OR f.site LIKE ${w.p(`% ${site} %`)})`,
  );
}

export const SUMMARY_COLUMNS = "a.id, a.created_at, v.title, v.url, v.site_name, v.source, v.published";
const CURRENT_JOIN = `JOIN article_versions v ON v.article_id = a.id AND v.version = a.current_version
  LEFT JOIN article_facets f ON f.article_id = a.id`;

/**
 * `Store.searchArticles` on PostgreSQL.
 *
 * @param query runs SQL on the pool
 * @param q text and facets
 * @param options limit and paging
 */
export async function searchArticles(
  query: Query,
  q: ArticleQuery,
  options?: ListOptions,
): Promise<ArticleSummary[]> {
  const w = new Where();
  w.parts.push(`a.id < ${w.p(options?.beforeId ?? Number.MAX_SAFE_INTEGER)}`);
  if (options?.afterId) w.parts.push(`a.id > ${w.p(options.afterId)}`);
  if (q.source) sourceCondition(w, q.source);
  dateCondition(w, "f.date", q.from, q.to);
  if (q.entity) {
    const before = w.parts.length;
    entityCondition(w, "i.names", q.entity);
    if (w.parts.length > before) {
      const cond = w.parts.pop()!;
      w.parts.push(
        `EXISTS (SELECT 1 FROM analysis_items i WHERE i.article_id = a.id AND i.kind = 'entity' AND ${cond})`,
      );
    }
  }
  const terms = parseQuery(q.text ?? "");
  const positive = toTsQuery(terms, w.params.length + 1);
  const negatives = terms.filter((t) => t.negated);
  const limit = limitOf(options);
  if (positive === null) {
    if (negatives.length > 0) {
      const neg = toTsQuery(
        negatives.map((t) => ({ ...t, negated: false, or: true })),
        w.params.length + 1,
      )!;
      w.params.push(...neg.params);
      w.parts.push(`a.id NOT IN (SELECT article_id FROM article_search WHERE tsv @@ ${neg.sql})`);
    }
    return (
      await query(
        `SELECT ${SUMMARY_COLUMNS}, left(v.article_json->>'text', ${SNIPPET_CHARS}) AS snippet
         FROM articles a ${CURRENT_JOIN} WHERE ${w.sql} ORDER BY a.id DESC LIMIT ${limit}`,
        w.params,
      )
    ).map(toSummary);
  }
  w.params.push(...positive.params);
  return (
    await query(
      `WITH cand AS (
         SELECT a.id, s.tsv FROM article_search s JOIN articles a ON a.id = s.article_id ${CURRENT_JOIN}
         WHERE s.tsv @@ ${positive.sql} AND ${w.sql}
         ORDER BY a.id DESC LIMIT ${SEARCH_CANDIDATES}
       ),
       hits AS (
         SELECT c.id, ts_rank('${RANK_WEIGHTS}', c.tsv, ${positive.sql}) AS rank FROM cand c
         ORDER BY rank DESC, c.id DESC LIMIT ${limit}
       )
       SELECT ${SUMMARY_COLUMNS},
         ts_headline('${TS_CONFIG}', left(v.article_json->>'text', 200000), ${positive.sql}, '${HEADLINE}') AS snippet
       FROM hits h JOIN articles a ON a.id = h.id
       JOIN article_versions v ON v.article_id = a.id AND v.version = a.current_version
       ORDER BY h.rank DESC, h.id DESC`,
      w.params,
    )
  ).map(toSummary);
}

const ORDERS: Record<NonNullable<ItemFilter["order"]>, string> = {
  newest: "a.id DESC, i.ord",
  "date-asc": `i.date IS NULL, i.date COLLATE "C" ASC, a.id DESC, i.ord`,
  "date-desc": `i.date IS NULL, i.date COLLATE "C" DESC, a.id DESC, i.ord`,
};

/**
 * `Store.findItems` on PostgreSQL.
 *
 * @param query runs SQL on the pool
 * @param kind which analysis items
 * @param filter entity, text, dates, article, order
 * @param options limit and paging (by article id)
 */
export async function findItems<K extends ItemKind>(
  query: Query,
  kind: K,
  filter: ItemFilter = {},
  options?: ListOptions,
): Promise<ItemHit<K>[]> {
  const w = new Where();
  w.parts.push(`i.kind = ${w.p(kind)}`, `a.id < ${w.p(options?.beforeId ?? Number.MAX_SAFE_INTEGER)}`);
  if (filter.articleId !== undefined) w.parts.push(`a.id = ${w.p(filter.articleId)}`);
  if (filter.entity) entityCondition(w, "i.names", filter.entity);
  if (filter.text) termsCondition(w, "i.norm", parseQuery(filter.text));
  dateCondition(w, "i.date", filter.from, filter.to);
  const rows = await query(
    `SELECT ${SUMMARY_COLUMNS}, '' AS snippet, i.ord, i.date, i.item_json, i.names_json
     FROM analysis_items i JOIN articles a ON a.id = i.article_id ${CURRENT_JOIN}
     WHERE ${w.sql} ORDER BY ${ORDERS[filter.order ?? "newest"]} LIMIT ${limitOf(options)}`,
    w.params,
  );
  return rows.map((r) => ({
    kind,
    item: r.item_json as ItemTypes[K],
    index: r.ord as number,
    date: (r.date as string | null) ?? null,
    names: r.names_json as Record<string, string>,
    article: toSummary(r),
  }));
}
