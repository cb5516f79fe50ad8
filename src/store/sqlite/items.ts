/**
 * The index of analysis items and article facets (migration 2): what the quote finder, the deadline
 * board, entity pages and faceted search read. Rows always describe an article's current version.
 */
import type Database from "better-sqlite3";
import type { Analysis, Article } from "../../core/index.ts";
import type { ItemKind } from "../store.ts";

/** The migration (1-based) that created the tables this file fills. */
export const ITEMS_MIGRATION = 2;

/** A calendar date prefix (`2025`, `2025-08`, `2025-08-22`) at the start of a value, or null. */
export function calendarDate(value: string | null | undefined): string | null {
  const m = /^(\d{4})(-\d{2})?(-\d{2})?/.exec(value ?? "");
  return m ? m[0] : null;
}

/**
 * Lower-case, with every run of characters that are not letters or digits turned into one space, and a
 * space on each side, so whole words and word prefixes can be found with `instr(norm, ' word')`.
 *
 * @example normalise("Lindqvist's NATO!") // " putin s nato "
 */
export function normalise(text: string): string {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return ` ${words.join(" ")} `;
}

/** The host of a URL without `www.`, or null. */
export function hostOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.toLowerCase().replace(/^www\./, "");
  } catch {
    return null;
  }
}

interface Row {
  readonly kind: ItemKind;
  readonly ord: number;
  readonly text: string;
  readonly ids: readonly (string | null | undefined)[];
  readonly extraNames: readonly (string | null | undefined)[];
  readonly date: string | null;
  readonly json: unknown;
}

function rowsOf(analysis: Analysis, articleDate: string | null): Row[] {
  const rows: Row[] = [];
  const push = (
    kind: ItemKind,
    items: readonly unknown[] | undefined,
    f: (x: never, i: number) => Omit<Row, "kind" | "ord" | "json">,
  ) => {
    for (const [i, x] of (items ?? []).entries()) rows.push({ kind, ord: i, json: x, ...f(x as never, i) });
  };
  push("quote", analysis.quotes, (q: Analysis["quotes"][number]) => ({
    text: q.text,
    ids: [q.speakerEntity],
    extraNames: [q.speakerName],
    date: articleDate,
  }));
  push("claim", analysis.claims, (c: Analysis["claims"][number]) => ({
    text: c.text,
    ids: [c.claimant, ...c.about],
    extraNames: [],
    date: articleDate,
  }));
  push("deadline", analysis.deadlines, (d: Analysis["deadlines"][number]) => ({
    text: `${d.text} ${d.demand ?? ""}`,
    ids: [d.setter, d.target],
    extraNames: [],
    date: calendarDate(d.due) ?? calendarDate(d.window?.to) ?? articleDate,
  }));
  push("event", analysis.events, (e: Analysis["events"][number]) => ({
    text: e.text,
    ids: [...e.actors, ...e.targets, e.place],
    extraNames: [],
    date: calendarDate(e.date) ?? articleDate,
  }));
  push("entity", analysis.entities, (e: Analysis["entities"][number]) => ({
    text: [e.name, ...e.titles].join(" "),
    ids: [e.id],
    extraNames: [],
    date: articleDate,
  }));
  return rows;
}

/**
 * Rebuild the index rows of one article from its current version. Call inside the transaction that
 * stores the version.
 *
 * @param db the open database
 * @param articleId the article
 * @param article its current version's article
 * @param analysis its current version's analysis (null: no items)
 * @param storedAt when it was stored (the date of undated articles)
 */
export function indexArticleVersion(
  db: Database.Database,
  articleId: number,
  article: Article,
  analysis: Analysis | null,
  storedAt: string,
): void {
  const articleDate = calendarDate(article.published) ?? calendarDate(storedAt);
  db.prepare("DELETE FROM analysis_items WHERE article_id = ?").run(articleId);
  db.prepare("INSERT OR REPLACE INTO article_facets (article_id, host, site, date) VALUES (?, ?, ?, ?)").run(
    articleId,
    hostOf(article.url),
    article.siteName ? normalise(article.siteName) : null,
    articleDate,
  );
  if (!analysis) return;
  const nameOf = new Map<string, string>();
  for (const e of analysis.entities ?? []) nameOf.set(e.id, e.name);
  const insert = db.prepare(
    "INSERT INTO analysis_items (article_id, kind, ord, norm, names, date, item_json, names_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
  );
  for (const r of rowsOf(analysis, articleDate)) {
    const names: Record<string, string> = {};
    for (const id of r.ids) {
      const n = id ? nameOf.get(id) : undefined;
      if (id && n) names[id] = n;
    }
    const all = [...Object.values(names), ...r.extraNames.filter((n): n is string => !!n)]
      .map((n) => normalise(n).trim())
      .filter(Boolean);
    insert.run(
      articleId,
      r.kind,
      r.ord,
      normalise(r.text),
      `|${[...new Set(all)].join("|")}|`,
      r.date,
      JSON.stringify(r.json),
      JSON.stringify(names),
    );
  }
}

/** Index every article's current version (after migration 2 first runs on an existing database). */
export function indexAllArticles(db: Database.Database): void {
  const rows = db
    .prepare(
      `SELECT a.id, a.created_at, v.article_json, v.analysis_json FROM articles a
       JOIN article_versions v ON v.article_id = a.id AND v.version = a.current_version`,
    )
    .iterate() as Iterable<{
    id: number;
    created_at: string;
    article_json: string;
    analysis_json: string | null;
  }>;
  const all = [...rows];
  db.transaction(() => {
    for (const r of all) {
      indexArticleVersion(
        db,
        r.id,
        JSON.parse(r.article_json) as Article,
        r.analysis_json ? (JSON.parse(r.analysis_json) as Analysis) : null,
        r.created_at,
      );
    }
  })();
}
