/**
 * The SQLite backend of the Store: one file under the data dir, WAL mode, better-sqlite3.
 * better-sqlite3 is synchronous; the async interface keeps it interchangeable with PostgreSQL.
 */
import { randomBytes } from "node:crypto";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import { type Analysis, type Article, textHash } from "../../core/index.ts";
import { hashToken, limitOf, type Row, SNIPPET_CHARS, SOURCE_COLUMNS, toSource, toSummary } from "../rows.ts";
import type {
  ArticleQuery,
  ArticleSummary,
  FailureInput,
  FailureRecord,
  ItemFilter,
  ItemHit,
  ItemKind,
  ListOptions,
  PutArticleInput,
  PutArticleResult,
  SourceInput,
  SourcePatch,
  SourceRecord,
  Store,
  StoredArticle,
} from "../store.ts";
import { SqliteAlertStore } from "./alerts.ts";
import { findItems, searchArticles } from "./find.ts";
import { ITEMS_MIGRATION, indexAllArticles, indexArticleVersion } from "./items.ts";
import { MIGRATIONS } from "./migrations.ts";
import { SqliteStoryStore } from "./stories.ts";

function now(): string {
  return new Date().toISOString();
}

/** The identity of an article: its canonical URL, else the hash of its text. */
export function articleKey(article: Article): string {
  return article.url ?? `sha256:${textHash(article.text)}`;
}

/**
 * Open (creating if needed) an SQLite store.
 *
 * @param file the database file path, or ":memory:"
 * @example const store = openSqliteStore("./data/lede.db"); await store.migrate();
 */
export function openSqliteStore(file: string): SqliteStore {
  if (file !== ":memory:") mkdirSync(dirname(file), { recursive: true });
  return new SqliteStore(new Database(file));
}

export class SqliteStore implements Store {
  readonly db: Database.Database;
  readonly stories: SqliteStoryStore;
  readonly alerts: SqliteAlertStore;

  /** Prepared statements by SQL, reused (preparing costs more than running most of the reads). */
  private readonly statements = new Map<string, Database.Statement>();

  private prepared(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) this.statements.set(sql, (statement = this.db.prepare(sql)));
    return statement;
  }

  constructor(db: Database.Database) {
    this.db = db;
    this.stories = new SqliteStoryStore(db);
    this.alerts = new SqliteAlertStore(db);
    db.pragma("journal_mode = WAL");
    db.pragma("synchronous = NORMAL");
    db.pragma("foreign_keys = ON");
    db.pragma("busy_timeout = 5000");
  }

  async migrate(): Promise<void> {
    const version = this.db.pragma("user_version", { simple: true }) as number;
    for (let i = version; i < MIGRATIONS.length; i++) {
      this.db.transaction(() => {
        this.db.exec(MIGRATIONS[i]!);
        this.db.pragma(`user_version = ${i + 1}`);
      })();
    }
    if (version < ITEMS_MIGRATION && MIGRATIONS.length >= ITEMS_MIGRATION) indexAllArticles(this.db);
  }

  async schemaVersion(): Promise<number> {
    return this.db.pragma("user_version", { simple: true }) as number;
  }

  async putArticle(input: PutArticleInput): Promise<PutArticleResult> {
    const { article } = input;
    const key = articleKey(article);
    const hash = textHash(`${article.title ?? ""}\n${article.text}`);
    const at = now();
    return this.db.transaction((): PutArticleResult => {
      const existing = this.prepared("SELECT id, current_version FROM articles WHERE key = ?").get(key) as
        | Row
        | undefined;
      if (existing) {
        const id = existing.id as number;
        const current = existing.current_version as number;
        const same = this.prepared(
          "SELECT 1 FROM article_versions WHERE article_id = ? AND version = ? AND content_hash = ?",
        ).get(id, current, hash);
        if (same) return { status: "unchanged", id, version: current };
        const version = current + 1;
        this.insertVersion(id, version, hash, input, at);
        this.prepared("UPDATE articles SET current_version = ?, updated_at = ? WHERE id = ?").run(
          version,
          at,
          id,
        );
        this.indexText(id, article);
        return { status: "updated", id, version };
      }
      const copy = this.prepared(
        `SELECT v.article_id AS id, v.version FROM article_versions v JOIN articles a ON a.id = v.article_id
           WHERE v.content_hash = ? AND v.version = a.current_version LIMIT 1`,
      ).get(hash) as Row | undefined;
      if (copy) return { status: "unchanged", id: copy.id as number, version: copy.version as number };
      const info = this.prepared(
        "INSERT INTO articles (key, current_version, created_at, updated_at) VALUES (?, 1, ?, ?)",
      ).run(key, at, at);
      const id = Number(info.lastInsertRowid);
      this.insertVersion(id, 1, hash, input, at);
      this.indexText(id, article);
      return { status: "added", id, version: 1 };
    })();
  }

  private insertVersion(id: number, version: number, hash: string, input: PutArticleInput, at: string): void {
    const a = input.article;
    this.prepared(
      `INSERT INTO article_versions (article_id, version, content_hash, source, source_id, fetched_at, title, url,
           site_name, published, article_json, analysis_json, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      id,
      version,
      hash,
      input.source,
      input.sourceId ?? null,
      input.fetchedAt,
      a.title,
      a.url,
      a.siteName,
      a.published,
      JSON.stringify(a),
      input.analysis ? JSON.stringify(input.analysis) : null,
      at,
    );
    indexArticleVersion(this.db, id, a, input.analysis, at);
  }

  private indexText(id: number, article: Article): void {
    this.prepared("DELETE FROM articles_fts WHERE rowid = ?").run(id);
    this.prepared("INSERT INTO articles_fts (rowid, title, text) VALUES (?, ?, ?)").run(
      id,
      article.title ?? "",
      article.text,
    );
  }

  private toStored(r: Row): StoredArticle {
    return {
      id: r.id as number,
      version: r.version as number,
      key: r.key as string,
      source: (r.source as string | null) ?? null,
      contentHash: r.content_hash as string,
      article: JSON.parse(r.article_json as string) as Article,
      analysis: r.analysis_json ? (JSON.parse(r.analysis_json as string) as Analysis) : null,
      createdAt: r.created_at as string,
      updatedAt: r.updated_at as string,
    };
  }

  private static readonly CURRENT =
    `SELECT a.id, a.key, a.created_at, a.updated_at, v.version, v.content_hash, v.source,
      v.article_json, v.analysis_json FROM articles a JOIN article_versions v
      ON v.article_id = a.id AND v.version = a.current_version`;

  async getArticle(id: number): Promise<StoredArticle | null> {
    const r = this.prepared(`${SqliteStore.CURRENT} WHERE a.id = ?`).get(id) as Row | undefined;
    return r ? this.toStored(r) : null;
  }

  async latest(options?: ListOptions): Promise<ArticleSummary[]> {
    const rows = this.prepared(
      `SELECT a.id, a.created_at, v.title, v.url, v.site_name, v.source, v.published,
           substr(json_extract(v.article_json, '$.text'), 1, ${SNIPPET_CHARS}) AS snippet
         FROM articles a JOIN article_versions v ON v.article_id = a.id AND v.version = a.current_version
         WHERE a.id < ? ORDER BY a.id DESC LIMIT ?`,
    ).all(options?.beforeId ?? Number.MAX_SAFE_INTEGER, limitOf(options)) as Row[];
    return rows.map(toSummary);
  }

  async search(query: string, options?: ListOptions): Promise<ArticleSummary[]> {
    return searchArticles(this.db, { text: query }, options);
  }

  async searchArticles(query: ArticleQuery, options?: ListOptions): Promise<ArticleSummary[]> {
    return searchArticles(this.db, query, options);
  }

  async findItems<K extends ItemKind>(
    kind: K,
    filter?: ItemFilter,
    options?: ListOptions,
  ): Promise<ItemHit<K>[]> {
    return findItems(this.db, kind, filter, options);
  }

  async *exportArticles(): AsyncIterable<StoredArticle> {
    // Its own statement: an iteration keeps a statement busy until it ends.
    for (const r of this.db.prepare(`${SqliteStore.CURRENT} ORDER BY a.id`).iterate() as Iterable<Row>) {
      yield this.toStored(r);
    }
  }

  async countArticles(): Promise<number> {
    return (this.prepared("SELECT count(*) AS n FROM articles").get() as Row).n as number;
  }

  async recordFailure(f: FailureInput): Promise<void> {
    this.prepared(
      "INSERT INTO failures (input, stage, code, message, source_id, at) VALUES (?, ?, ?, ?, ?, ?)",
    ).run(f.input, f.stage, f.code, f.message, f.sourceId ?? null, now());
  }

  async failures(options?: ListOptions): Promise<FailureRecord[]> {
    const rows = this.prepared("SELECT * FROM failures WHERE id < ? ORDER BY id DESC LIMIT ?").all(
      options?.beforeId ?? Number.MAX_SAFE_INTEGER,
      limitOf(options),
    ) as Row[];
    return rows.map((r) => ({
      id: r.id as number,
      input: r.input as string,
      stage: r.stage as FailureRecord["stage"],
      code: r.code as FailureRecord["code"],
      message: r.message as string,
      ...(r.source_id != null ? { sourceId: r.source_id as number } : {}),
      at: r.at as string,
    }));
  }

  async addSource(s: SourceInput): Promise<SourceRecord> {
    this.prepared(
      "INSERT INTO sources (kind, url, title, category, added_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT(url) DO NOTHING",
    ).run(s.kind, s.url, s.title ?? null, s.category ?? null, now());
    return toSource(this.prepared("SELECT * FROM sources WHERE url = ?").get(s.url) as Row);
  }

  async listSources(): Promise<SourceRecord[]> {
    return (this.prepared("SELECT * FROM sources ORDER BY id").all() as Row[]).map(toSource);
  }

  async updateSource(id: number, patch: SourcePatch): Promise<void> {
    const entries = Object.entries(patch).filter(([k, v]) => k in SOURCE_COLUMNS && v !== undefined);
    if (entries.length === 0) return;
    const sets = entries.map(([k]) => `${SOURCE_COLUMNS[k as keyof SourcePatch]} = ?`).join(", ");
    this.prepared(`UPDATE sources SET ${sets} WHERE id = ?`).run(...entries.map(([, v]) => v), id);
  }

  async createToken(name: string): Promise<{ id: number; token: string }> {
    const token = `lede_${randomBytes(24).toString("base64url")}`;
    const info = this.prepared("INSERT INTO tokens (name, hash, created_at) VALUES (?, ?, ?)").run(
      name,
      hashToken(token),
      now(),
    );
    return { id: Number(info.lastInsertRowid), token };
  }

  async verifyToken(token: string): Promise<boolean> {
    if (!/^lede_[\w-]{20,64}$/.test(token)) return false;
    return this.prepared("SELECT 1 FROM tokens WHERE hash = ?").get(hashToken(token)) !== undefined;
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
