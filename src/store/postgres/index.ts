/**
 * The PostgreSQL backend of the Store (the `pg` client): the same interface and behaviour as SQLite,
 * for desks that outgrow one machine. Many processes may write at once: `putArticle` takes
 * transaction-level advisory locks on the article's key and content hash, so two workers storing the
 * same page (or the same text under two URLs) at the same moment still make one article.
 *
 * Full-text search: a `tsvector` per article (title weighted A, text D) with a GIN index, queried
 * with the terms of `../query.ts` (see `search.ts`), ranked by `ts_rank` with the title weighted 5:1
 * over the text like SQLite's ranking (src/store/rank.ts).
 */
import { createHash, randomBytes } from "node:crypto";
import pg from "pg";
import { type Analysis, type Article, textHash } from "../../core/index.ts";
import { parseQuery } from "../query.ts";
import { hashToken, limitOf, type Row, SNIPPET_CHARS, SOURCE_COLUMNS, toSource, toSummary } from "../rows.ts";
import { articleKey } from "../sqlite/index.ts";
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
import { PostgresAlertStore } from "./alerts.ts";
import {
  findItems,
  ITEMS_MIGRATION,
  indexAllArticles,
  indexArticleVersion,
  searchArticles,
} from "./items.ts";
import { MIGRATIONS } from "./migrations.ts";
import { SEARCH_CANDIDATES, TS_CONFIG, toTsQuery } from "./search.ts";
import { PostgresStoryStore } from "./stories.ts";

/** Characters of an article's text that are indexed and highlighted (tsvector holds at most 1 MB). */
const INDEX_CHARS = 200_000;
/** Rows fetched per round trip by `exportArticles`. */
const EXPORT_BATCH = 500;
/** Advisory lock that serialises migrations across processes ("lede" in ASCII). */
const MIGRATION_LOCK = 0x6c656465;
/** Default size of the connection pool. */
export const DEFAULT_POOL_SIZE = 10;
/** Relative weights of text search classes {D, C, B, A}: text is D, title is A, 1:5 like SQLite. */
const RANK_WEIGHTS = "{0.2, 0.2, 0.2, 1.0}";
/** ts_headline options that mirror SQLite's snippets (src/store/rank.ts: 24 words, `[`/`]`). */
const HEADLINE = `StartSel=[, StopSel=], MaxWords=24, MinWords=12, ShortWord=0, MaxFragments=1, FragmentDelimiter=" … "`;

/** The LISTEN/NOTIFY channel of added and updated articles. */
export const NOTIFY_CHANNEL = "lede_articles";

/** Announce a stored article to listeners (sent when the transaction commits). */
async function notify(c: pg.PoolClient, result: PutArticleResult): Promise<void> {
  await c.query("SELECT pg_notify($1, $2)", [NOTIFY_CHANNEL, JSON.stringify(result)]);
}

const INT8_OID = 20;
const TIMESTAMPTZ_OID = 1184;

/** Type parsers: bigint ids as numbers (safe up to 2^53), timestamps as ISO 8601 strings. */
const TYPES: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: "text" | "binary") => {
    if (oid === INT8_OID) return (v: string) => Number(v);
    if (oid === TIMESTAMPTZ_OID) return (v: string) => new Date(v).toISOString();
    return pg.types.getTypeParser(oid, format);
  }) as pg.CustomTypesConfig["getTypeParser"],
};

function beforeOf(options: ListOptions | undefined): number {
  return options?.beforeId ?? Number.MAX_SAFE_INTEGER;
}

function now(): string {
  return new Date().toISOString();
}

/** A signed 64-bit advisory lock id (as a decimal string) for a name. */
function lockId(name: string): bigint {
  return BigInt.asIntN(64, BigInt(`0x${createHash("sha256").update(name).digest("hex").slice(0, 16)}`));
}

/** Strip NUL characters, which PostgreSQL text cannot hold. */
function clean(s: string): string {
  return s.includes("\u0000") ? s.replaceAll("\u0000", "") : s;
}

function toStored(r: Row): StoredArticle {
  return {
    id: r.id as number,
    version: r.version as number,
    key: r.key as string,
    source: (r.source as string | null) ?? null,
    contentHash: r.content_hash as string,
    article: r.article_json as Article,
    analysis: (r.analysis_json as Analysis | null) ?? null,
    createdAt: r.created_at as string,
    updatedAt: r.updated_at as string,
  };
}

/** Options of `openPostgresStore`. */
export interface PostgresStoreOptions {
  /** Connections in the pool (default 10). */
  readonly poolSize?: number;
  /** Name shown in `pg_stat_activity`. */
  readonly applicationName?: string;
  /** Idle connections are closed after this long, in ms (default 10 s). */
  readonly idleTimeoutMs?: number;
}

/**
 * Open a PostgreSQL store (connections are made lazily; call `migrate()` before use).
 *
 * @param url a `postgres://user:pass@host:port/db` connection string
 * @param options pool size and application name
 * @example const store = openPostgresStore(process.env.LEDE_DATABASE_URL!); await store.migrate();
 */
export function openPostgresStore(url: string, options: PostgresStoreOptions = {}): PostgresStore {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? DEFAULT_POOL_SIZE,
    application_name: options.applicationName ?? "lede",
    idleTimeoutMillis: options.idleTimeoutMs ?? 10_000,
    types: TYPES,
  });
  // An idle client losing its connection (server restart) must not crash the process.
  pool.on("error", () => {});
  return new PostgresStore(pool);
}

/** The Store on PostgreSQL; see the file comment and README.md. */
export class PostgresStore implements Store {
  readonly pool: pg.Pool;
  readonly stories: PostgresStoryStore;
  readonly alerts: PostgresAlertStore;
  private readonly listeners = new Set<pg.PoolClient>();
  private closed = false;

  constructor(pool: pg.Pool) {
    this.pool = pool;
    this.stories = new PostgresStoryStore(pool);
    this.alerts = new PostgresAlertStore(pool);
  }

  private async rows(sql: string, params: readonly unknown[] = []): Promise<Row[]> {
    return (await this.pool.query(sql, params as unknown[])).rows as Row[];
  }

  /** Run `fn` in a transaction on one connection; rolls back when it throws. */
  private async transaction<T>(fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query("BEGIN");
      const result = await fn(client);
      await client.query("COMMIT");
      return result;
    } catch (e) {
      await client.query("ROLLBACK").catch(() => {});
      throw e;
    } finally {
      client.release();
    }
  }

  async migrate(): Promise<void> {
    await this.transaction(async (c) => {
      await c.query("SELECT pg_advisory_xact_lock($1)", [MIGRATION_LOCK]);
      await c.query(
        "CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL)",
      );
      const r = await c.query("SELECT count(*)::int AS n FROM schema_migrations");
      const version = (r.rows[0] as Row).n as number;
      for (let i = version; i < MIGRATIONS.length; i++) {
        await c.query(MIGRATIONS[i]!);
        await c.query("INSERT INTO schema_migrations (version, applied_at) VALUES ($1, now())", [i + 1]);
      }
      if (version < ITEMS_MIGRATION && MIGRATIONS.length >= ITEMS_MIGRATION) await indexAllArticles(c);
    });
  }

  async schemaVersion(): Promise<number> {
    const exists = await this.rows("SELECT to_regclass('schema_migrations') IS NOT NULL AS e");
    if (!exists[0]?.e) return 0;
    return (await this.rows("SELECT count(*)::int AS n FROM schema_migrations"))[0]!.n as number;
  }

  async putArticle(input: PutArticleInput): Promise<PutArticleResult> {
    const { article } = input;
    const key = articleKey(article);
    const hash = textHash(`${article.title ?? ""}\n${article.text}`);
    const at = now();
    return this.transaction(async (c): Promise<PutArticleResult> => {
      // Lock the key and the content hash, always in the same order (no deadlock between writers).
      const locks = [lockId(`key:${key}`), lockId(`hash:${hash}`)].sort((a, b) =>
        a < b ? -1 : a > b ? 1 : 0,
      );
      for (const l of locks) await c.query("SELECT pg_advisory_xact_lock($1::bigint)", [l.toString()]);
      const existing = (await c.query("SELECT id, current_version FROM articles WHERE key = $1", [key]))
        .rows[0] as Row | undefined;
      if (existing) {
        const id = existing.id as number;
        const current = existing.current_version as number;
        const same = await c.query(
          "SELECT 1 FROM article_versions WHERE article_id = $1 AND version = $2 AND content_hash = $3",
          [id, current, hash],
        );
        if (same.rowCount) return { status: "unchanged", id, version: current };
        const version = current + 1;
        await this.insertVersion(c, id, version, hash, input, at);
        await c.query("UPDATE articles SET current_version = $1, updated_at = $2 WHERE id = $3", [
          version,
          at,
          id,
        ]);
        await this.indexText(c, id, article);
        await notify(c, { status: "updated", id, version });
        return { status: "updated", id, version };
      }
      const copy = (
        await c.query(
          `SELECT v.article_id AS id, v.version FROM article_versions v JOIN articles a ON a.id = v.article_id
           WHERE v.content_hash = $1 AND v.version = a.current_version LIMIT 1`,
          [hash],
        )
      ).rows[0] as Row | undefined;
      if (copy) return { status: "unchanged", id: copy.id as number, version: copy.version as number };
      const inserted = await c.query(
        "INSERT INTO articles (key, current_version, created_at, updated_at) VALUES ($1, 1, $2, $2) RETURNING id",
        [key, at],
      );
      const id = (inserted.rows[0] as Row).id as number;
      await this.insertVersion(c, id, 1, hash, input, at);
      await this.indexText(c, id, article);
      await notify(c, { status: "added", id, version: 1 });
      return { status: "added", id, version: 1 };
    });
  }

  private async insertVersion(
    c: pg.PoolClient,
    id: number,
    version: number,
    hash: string,
    input: PutArticleInput,
    at: string,
  ): Promise<void> {
    const a = input.article;
    await c.query(
      `INSERT INTO article_versions (article_id, version, content_hash, source, source_id, fetched_at, title, url,
         site_name, published, article_json, analysis_json, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
      [
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
        clean(JSON.stringify(a)),
        input.analysis ? clean(JSON.stringify(input.analysis)) : null,
        at,
      ],
    );
    await indexArticleVersion(c, id, a, input.analysis, at);
  }

  private async indexText(c: pg.PoolClient, id: number, article: Article): Promise<void> {
    await c.query(
      `INSERT INTO article_search (article_id, tsv)
       VALUES ($1, setweight(to_tsvector('${TS_CONFIG}', $2), 'A') || setweight(to_tsvector('${TS_CONFIG}', $3), 'D'))
       ON CONFLICT (article_id) DO UPDATE SET tsv = excluded.tsv`,
      [id, clean(article.title ?? ""), clean(article.text.slice(0, INDEX_CHARS))],
    );
  }

  private static readonly CURRENT =
    `SELECT a.id, a.key, a.created_at, a.updated_at, v.version, v.content_hash, v.source,
      v.article_json, v.analysis_json FROM articles a JOIN article_versions v
      ON v.article_id = a.id AND v.version = a.current_version`;

  async getArticle(id: number): Promise<StoredArticle | null> {
    if (!Number.isSafeInteger(id)) return null;
    const [r] = await this.rows(`${PostgresStore.CURRENT} WHERE a.id = $1`, [id]);
    return r ? toStored(r) : null;
  }

  async latest(options?: ListOptions): Promise<ArticleSummary[]> {
    const rows = await this.rows(
      `SELECT a.id, a.created_at, v.title, v.url, v.site_name, v.source, v.published,
         left(v.article_json->>'text', ${SNIPPET_CHARS}) AS snippet
       FROM articles a JOIN article_versions v ON v.article_id = a.id AND v.version = a.current_version
       WHERE a.id < $1 ORDER BY a.id DESC LIMIT $2`,
      [beforeOf(options), limitOf(options)],
    );
    return rows.map(toSummary);
  }

  async search(query: string, options?: ListOptions): Promise<ArticleSummary[]> {
    const q = toTsQuery(parseQuery(query), 3);
    if (q === null) return [];
    // Rank the newest SEARCH_CANDIDATES matches (all of them for any but the commonest words).
    const rows = await this.rows(
      `WITH cand AS (
         SELECT s.article_id, s.tsv FROM article_search s
         WHERE s.tsv @@ ${q.sql} AND s.article_id < $1
         ORDER BY s.article_id DESC LIMIT ${SEARCH_CANDIDATES}
       ),
       hits AS (
         SELECT c.article_id, ts_rank('${RANK_WEIGHTS}', c.tsv, ${q.sql}) AS rank FROM cand c
         ORDER BY rank DESC, c.article_id DESC LIMIT $2
       )
       SELECT a.id, a.created_at, v.title, v.url, v.site_name, v.source, v.published,
         ts_headline('${TS_CONFIG}', left(v.article_json->>'text', ${INDEX_CHARS}), ${q.sql}, '${HEADLINE}') AS snippet
       FROM hits h JOIN articles a ON a.id = h.article_id
       JOIN article_versions v ON v.article_id = a.id AND v.version = a.current_version
       ORDER BY h.rank DESC, h.article_id DESC`,
      [beforeOf(options), limitOf(options), ...q.params],
    );
    return rows.map(toSummary);
  }

  async searchArticles(query: ArticleQuery, options?: ListOptions): Promise<ArticleSummary[]> {
    return searchArticles((sql, params) => this.rows(sql, params), query, options);
  }

  async findItems<K extends ItemKind>(
    kind: K,
    filter?: ItemFilter,
    options?: ListOptions,
  ): Promise<ItemHit<K>[]> {
    return findItems((sql, params) => this.rows(sql, params), kind, filter, options);
  }

  async *exportArticles(): AsyncIterable<StoredArticle> {
    let last = 0;
    for (;;) {
      const rows = await this.rows(
        `${PostgresStore.CURRENT} WHERE a.id > $1 ORDER BY a.id LIMIT ${EXPORT_BATCH}`,
        [last],
      );
      for (const r of rows) yield toStored(r);
      if (rows.length < EXPORT_BATCH) return;
      last = rows[rows.length - 1]!.id as number;
    }
  }

  async countArticles(): Promise<number> {
    return (await this.rows("SELECT count(*) AS n FROM articles"))[0]!.n as number;
  }

  async recordFailure(f: FailureInput): Promise<void> {
    await this.pool.query(
      "INSERT INTO failures (input, stage, code, message, source_id, at) VALUES ($1, $2, $3, $4, $5, $6)",
      [clean(f.input), f.stage, f.code, clean(f.message), f.sourceId ?? null, now()],
    );
  }

  async failures(options?: ListOptions): Promise<FailureRecord[]> {
    const rows = await this.rows("SELECT * FROM failures WHERE id < $1 ORDER BY id DESC LIMIT $2", [
      beforeOf(options),
      limitOf(options),
    ]);
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
    await this.pool.query(
      "INSERT INTO sources (kind, url, title, category, added_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (url) DO NOTHING",
      [s.kind, s.url, s.title ?? null, s.category ?? null, now()],
    );
    return toSource((await this.rows("SELECT * FROM sources WHERE url = $1", [s.url]))[0]!);
  }

  async listSources(): Promise<SourceRecord[]> {
    return (await this.rows("SELECT * FROM sources ORDER BY id")).map(toSource);
  }

  async updateSource(id: number, patch: SourcePatch): Promise<void> {
    const entries = Object.entries(patch).filter(([k, v]) => k in SOURCE_COLUMNS && v !== undefined);
    if (entries.length === 0) return;
    const sets = entries.map(([k], i) => `${SOURCE_COLUMNS[k as keyof SourcePatch]} = $${i + 1}`).join(", ");
    await this.pool.query(`UPDATE sources SET ${sets} WHERE id = $${entries.length + 1}`, [
      ...entries.map(([, v]) => v),
      id,
    ]);
  }

  async createToken(name: string): Promise<{ id: number; token: string }> {
    const token = `lede_${randomBytes(24).toString("base64url")}`;
    const [r] = await this.rows(
      "INSERT INTO tokens (name, hash, created_at) VALUES ($1, $2, $3) RETURNING id",
      [name, hashToken(token), now()],
    );
    return { id: r!.id as number, token };
  }

  async verifyToken(token: string): Promise<boolean> {
    if (!/^lede_[\w-]{20,64}$/.test(token)) return false;
    return (await this.rows("SELECT 1 FROM tokens WHERE hash = $1", [hashToken(token)])).length > 0;
  }

  /**
   * Be told of every article added or updated by any process on this database (LISTEN/NOTIFY,
   * delivered on commit), so any number of stateless web servers can push live updates.
   *
   * @param onStored called with each added or updated article's status, id and version
   * @returns a function that stops listening
   * @example const stop = await store.subscribe((r) => events.emit("article", r));
   */
  async subscribe(onStored: (result: PutArticleResult) => void): Promise<() => Promise<void>> {
    const client = await this.pool.connect();
    const onNotification = (m: pg.Notification) => {
      if (m.channel !== NOTIFY_CHANNEL || !m.payload) return;
      try {
        onStored(JSON.parse(m.payload) as PutArticleResult);
      } catch {}
    };
    client.on("notification", onNotification);
    await client.query(`LISTEN ${NOTIFY_CHANNEL}`);
    this.listeners.add(client);
    return async () => {
      if (!this.listeners.delete(client)) return;
      client.off("notification", onNotification);
      await client.query(`UNLISTEN ${NOTIFY_CHANNEL}`).catch(() => {});
      client.release();
    };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const c of this.listeners) c.release();
    this.listeners.clear();
    await this.pool.end();
  }
}
