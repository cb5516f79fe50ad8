/**
 * `npm run bench -- scale`: search latency (per query: median, p95) on a synthetic corpus of
 * LEDE_BENCH_SCALE_ARTICLES articles (default 100,000) on SQLite FTS5 and on PostgreSQL (started from
 * Debian's package). The corpus is bulk-loaded with the rows `putArticle` writes (not timed). The
 * pipeline throughput part of the scale bench, and 1M-article runs: `node --import tsx bench/scale.ts`.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Article, textHash } from "../../src/core/index.ts";
import {
  openPostgresStore,
  openSqliteStore,
  type PostgresStore,
  type SqliteStore,
  type Store,
} from "../../src/store/index.ts";
import { startPostgres } from "../../test/helpers/services.ts";
import { corpusArticle, topicWord } from "../../test/scale/corpus.ts";
import type { BenchInput, BenchTask } from "../harness.ts";

/** Rows per bulk-load transaction. */
const BULK_BATCH = 5000;
/** Times each query is run by the harness. */
const REPEAT = 5;

/**
 * Search queries: rare words (one hit), common words (most articles), AND, phrases, OR and exclusion.
 * Common-word queries are the expensive ones: every match is ranked.
 */
export const SEARCH_QUERIES: readonly string[] = [
  topicWord(12345),
  topicWord(777),
  `${topicWord(4242)} budget`,
  "tianjin",
  "flood defences",
  '"fishing quotas"',
  "vaccine programme osaka",
  "rail contract -quito",
  "lagos OR nairobi",
  "central bank rejected",
  "housing plan tbilisi",
  '"emergency aid" rotterdam',
  "spokesperson",
  "priya natarajan",
  "valparaiso",
  "omar haddad housing",
];

export function articleOf(n: number): Article {
  const a = corpusArticle(n, 2);
  const text = a.paragraphs.join("\n\n");
  return {
    url: `https://bench.example/s/${n}`,
    title: a.title,
    authors: ["Desk Reporter"],
    published: a.published,
    modified: null,
    language: "en",
    siteName: "Synthetic Times",
    text,
    blocks: [],
    related: [],
  };
}

/**
 * Store articles 0..n-1 (skipping those already there, so a filled database is reused).
 *
 * @param store the backend
 * @param n how many
 * @param parallel writes in flight
 */
export async function fillSearchCorpus(store: Store, n: number, parallel: number): Promise<void> {
  const have = await store.countArticles();
  let next = have;
  const fetchedAt = "2025-09-01T00:00:00Z";
  const lane = async () => {
    for (let i = next++; i < n; i = next++) {
      await store.putArticle({ article: articleOf(i), analysis: null, source: "bench", fetchedAt });
      if (i % 50_000 === 0 && i > 0) process.stderr.write(`    ${i}/${n}\n`);
    }
  };
  await Promise.all(Array.from({ length: parallel }, lane));
}

function versionRow(i: number) {
  const a = articleOf(i);
  return { a, key: a.url!, hash: textHash(`${a.title ?? ""}\n${a.text}`), json: JSON.stringify(a) };
}

/** SQLite: the rows `putArticle` writes for search (articles, versions, FTS), in big transactions. */
export function bulkSqlite(store: SqliteStore, from: number, n: number): void {
  const db = store.db;
  const at = "2025-09-01T00:00:00.000Z";
  const insA = db.prepare(
    "INSERT INTO articles (id, key, current_version, created_at, updated_at) VALUES (?, ?, 1, ?, ?)",
  );
  const insV = db.prepare(
    `INSERT INTO article_versions (article_id, version, content_hash, source, source_id, fetched_at, title, url,
       site_name, published, article_json, analysis_json, created_at)
     VALUES (?, 1, ?, 'bench', NULL, ?, ?, ?, ?, ?, ?, NULL, ?)`,
  );
  const insF = db.prepare("INSERT INTO articles_fts (rowid, title, text) VALUES (?, ?, ?)");
  for (let start = from; start < n; start += BULK_BATCH) {
    db.transaction(() => {
      for (let i = start; i < Math.min(n, start + BULK_BATCH); i++) {
        const { a, key, hash, json } = versionRow(i);
        insA.run(i + 1, key, at, at);
        insV.run(i + 1, hash, at, a.title, a.url, a.siteName, a.published, json, at);
        insF.run(i + 1, a.title ?? "", a.text);
      }
    })();
    if (start % 100_000 === 0 && start > 0) process.stderr.write(`    ${start}/${n}\n`);
  }
}

/** PostgreSQL: the rows `putArticle` writes for search (articles, versions, tsvector), batched with unnest. */
export async function bulkPostgres(
  store: PostgresStore,
  from: number,
  n: number,
  parallel: number,
): Promise<void> {
  const at = "2025-09-01T00:00:00.000Z";
  let next = from;
  const lane = async () => {
    for (let start = next; start < n; start = next) {
      next += BULK_BATCH;
      const rs = Array.from({ length: Math.min(n, start + BULK_BATCH) - start }, (_, k) =>
        versionRow(start + k),
      );
      const ids = rs.map((_, k) => start + k + 1);
      const c = await store.pool.connect();
      try {
        await c.query("BEGIN");
        await c.query(
          `INSERT INTO articles (id, key, current_version, created_at, updated_at)
           SELECT id, key, 1, $3, $3 FROM unnest($1::bigint[], $2::text[]) AS u(id, key)`,
          [ids, rs.map((r) => r.key), at],
        );
        await c.query(
          `INSERT INTO article_versions (article_id, version, content_hash, source, fetched_at, title, url, site_name,
             published, article_json, created_at)
           SELECT id, 1, h, 'bench', $7::text, t, u, s, p, j::json, $7::timestamptz
           FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $8::text[]) AS x(id, h, t, u, s, j, p)`,
          [
            ids,
            rs.map((r) => r.hash),
            rs.map((r) => r.a.title),
            rs.map((r) => r.a.url),
            rs.map((r) => r.a.siteName),
            rs.map((r) => r.json),
            at,
            rs.map((r) => r.a.published),
          ],
        );
        await c.query(
          `INSERT INTO article_search (article_id, tsv)
           SELECT id, setweight(to_tsvector('lede', t), 'A') || setweight(to_tsvector('lede', x), 'D')
           FROM unnest($1::bigint[], $2::text[], $3::text[]) AS u(id, t, x)`,
          [ids, rs.map((r) => r.a.title ?? ""), rs.map((r) => r.a.text)],
        );
        await c.query("COMMIT");
      } finally {
        c.release();
      }
      if (start % 100_000 === 0 && start > 0) process.stderr.write(`    ${start}/${n}\n`);
    }
  };
  await Promise.all(Array.from({ length: parallel }, lane));
  await store.pool.query(
    "SELECT setval(pg_get_serial_sequence('articles', 'id'), (SELECT max(id) FROM articles))",
  );
}

const task: BenchTask = {
  name: "scale",
  description:
    "search p50/p95 on a synthetic corpus (LEDE_BENCH_SCALE_ARTICLES, default 100k): SQLite FTS5 vs PostgreSQL",
  systems: ["sqlite", "postgres"],
  async inputs(): Promise<BenchInput[]> {
    return Array.from({ length: REPEAT }, (_, r) =>
      SEARCH_QUERIES.map((q, i) => ({ id: `${r}-${i}`, data: q })),
    ).flat();
  },
  async system(name: string) {
    const size = Number(process.env.LEDE_BENCH_SCALE_ARTICLES ?? 100_000);
    const dir = mkdtempSync(join(tmpdir(), "lede-bench-task-scale-"));
    process.once("exit", () => rmSync(dir, { recursive: true, force: true }));
    let store: Store;
    if (name === "sqlite") {
      const sqlite = openSqliteStore(join(dir, "lede.db"));
      await sqlite.migrate();
      bulkSqlite(sqlite, 0, size);
      store = sqlite;
    } else {
      // The server is unref'd: the bench child exits once the pool's idle connections time out.
      const server = await startPostgres({ unref: true });
      const pg = openPostgresStore(await server.createDatabase("bench"), { idleTimeoutMs: 1000 });
      await pg.migrate();
      await bulkPostgres(pg, 0, size, 2);
      await pg.pool.query("VACUUM ANALYZE");
      store = pg;
    }
    for (const q of SEARCH_QUERIES) await store.search(q, { limit: 20 });
    return { name, run: (input: BenchInput) => store.search(input.data as string, { limit: 20 }) };
  },
};

export default task;
