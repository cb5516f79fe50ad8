/**
 * The scale bench: articles/s through the whole pipeline with 1 and 2 workers on SQLite (in-process,
 * worker threads) and on PostgreSQL + Redis (`lede worker` processes), and search p50/p95 on a
 * synthetic corpus of N articles on both backends. PostgreSQL and Redis are started from Debian's
 * packages on 127.0.0.1 (see test/helpers/services.ts).
 *
 *   node --import tsx bench/scale.ts [--pipeline N] [--search 100000,1000000] [--queries-repeat R]
 *   (npm run bench -- scale runs the search part through the harness: bench/tasks/scale.ts)
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { createPipelineDeps } from "../src/cli/commands/worker.ts";
import { createBullmqRunner, createInProcessRunner, pageJob, pipelineHandlers } from "../src/jobs/index.ts";
import { openPostgresStore, openSqliteStore, type Store } from "../src/store/index.ts";
import {
  type RunningPostgres,
  type RunningService,
  startPostgres,
  startRedis,
} from "../test/helpers/services.ts";
import { serveCorpus, startWorker, until } from "../test/scale/cluster.ts";
import { bulkPostgres, bulkSqlite, fillSearchCorpus, SEARCH_QUERIES } from "./tasks/scale.ts";

const { values } = parseArgs({
  options: {
    pipeline: { type: "string", default: "300" },
    search: { type: "string", default: "100000" },
    "queries-repeat": { type: "string", default: "5" },
    "skip-pipeline": { type: "boolean" },
    "skip-search": { type: "boolean" },
    verbose: { type: "boolean" },
    "bulk-above": { type: "string", default: "100000" },
  },
});
const PIPELINE_N = Number(values.pipeline);
const SEARCH_SIZES = String(values.search)
  .split(",")
  .map(Number)
  .filter((n) => n > 0);
const REPEAT = Number(values["queries-repeat"]);
/** Above this many articles the search corpus is bulk-loaded (same rows as putArticle, batched). */
const BULK_ABOVE = Number(values["bulk-above"]);

const dir = mkdtempSync(join(tmpdir(), "lede-bench-scale-"));
let pg: RunningPostgres | undefined;
let redis: RunningService | undefined;
const rows: string[][] = [];
const row = (...cells: (string | number)[]) => {
  rows.push(cells.map(String));
  process.stderr.write(`  ${cells.join(" | ")}\n`);
};

interface Throughput {
  readonly perSecond: number;
  /** CPU time of the worker processes (threads included) per article, in ms. */
  readonly cpuMs: number;
  /** SQLite only: of cpuMs, the main thread's share (fetch, store, messages), in ms per article. */
  readonly mainMs?: number;
}

/** CPU ticks of this process's main thread (its task id is the pid), from /proc (0 where there is none). */
function mainThreadTicks(): number {
  return statTicks(`/proc/self/task/${process.pid}/stat`);
}

/** Length of a clock tick of /proc/<pid>/stat (USER_HZ is 100 on Linux). */
const TICK_MS = 10;

/** User + system CPU ticks of a process and its threads, from /proc (0 where there is no /proc). */
function cpuTicks(pid: number | undefined): number {
  return statTicks(`/proc/${pid}/stat`);
}

/** User + system CPU ticks from a /proc stat file (utime and stime), 0 where it cannot be read. */
function statTicks(path: string): number {
  try {
    const stat = readFileSync(path, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return 0;
  }
}

/** Pages per worker run before measuring (outside the measured range). */
const WARM_UP = 4;

function warmUp(base: string, workers: number) {
  return Array.from({ length: WARM_UP * workers }, (_, i) => pageJob(`${base}/a/${1_000_000 + i}`));
}

/** SQLite with the in-process runner: the same handlers as `lede worker`, `workers` worker threads. */
async function pipelineSqlite(workers: number): Promise<Throughput> {
  const store = openSqliteStore(join(dir, `pipe-${workers}.db`));
  await store.migrate();
  const corpus = await serveCorpus(0);
  const { deps, close } = createPipelineDeps({ fetchAllow: ["127.0.0.1"] }, store, {
    concurrency: workers,
    fetchConcurrency: 4,
    hostIntervalMs: 0,
    analyse: true,
    pollMinutes: 0,
  });
  const runner = createInProcessRunner();
  await runner.work(pipelineHandlers(deps), { concurrency: { fetch: 4, process: workers, store: 2 } });
  // Warm up (worker threads load the models) on pages outside the measured range.
  await runner.enqueue(...warmUp(corpus.base, workers));
  await runner.idle({ timeoutMs: 10 * 60_000 });
  const cpu0 = process.cpuUsage();
  const main0 = mainThreadTicks();
  const t0 = performance.now();
  await runner.enqueue(...Array.from({ length: PIPELINE_N }, (_, n) => pageJob(`${corpus.base}/a/${n}`)));
  await runner.idle({ timeoutMs: 30 * 60_000 });
  const secs = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const cpuMs = (cpu.user + cpu.system) / 1000 / PIPELINE_N;
  const mainMs = ((mainThreadTicks() - main0) * TICK_MS) / PIPELINE_N;
  const stored = (await store.countArticles()) - WARM_UP * workers;
  await runner.close();
  await close();
  await corpus.close();
  await store.close();
  if (stored !== PIPELINE_N) throw new Error(`sqlite pipeline stored ${stored}/${PIPELINE_N}`);
  return { perSecond: PIPELINE_N / secs, cpuMs, mainMs };
}

async function pipelinePostgres(workers: number): Promise<Throughput> {
  pg ??= await startPostgres();
  redis ??= await startRedis();
  const url = await pg.createDatabase(`pipe_${workers}`);
  const store = openPostgresStore(url);
  await store.migrate();
  const corpus = await serveCorpus(0);
  const env = {
    LEDE_DATABASE_URL: url,
    LEDE_REDIS_URL: redis.url,
    LEDE_FETCH_ALLOW: "127.0.0.1",
    LEDE_DATA_DIR: dir,
  };
  const args = ["--poll-minutes", "0", "--host-interval-ms", "0", "--fetch-concurrency", "4"];
  // Each worker process gets its own Redis db number so runs do not share queues.
  const redisUrl = `${redis.url}/${workers}`;
  const procs = Array.from({ length: workers }, () =>
    startWorker({ ...env, LEDE_REDIS_URL: redisUrl }, args),
  );
  await Promise.all(procs.map((p) => p.ready));
  const producer = createBullmqRunner({ url: redisUrl });
  await producer.enqueue(...warmUp(corpus.base, workers));
  await producer.idle({ timeoutMs: 10 * 60_000, pollMs: 50 });
  const base = await store.countArticles();
  const cpu0 = procs.map((p) => cpuTicks(p.child.pid));
  const t0 = performance.now();
  await producer.enqueue(...Array.from({ length: PIPELINE_N }, (_, n) => pageJob(`${corpus.base}/a/${n}`)));
  await until(
    "pipeline done",
    async () => (await store.countArticles()) >= base + PIPELINE_N,
    30 * 60_000,
    50,
  );
  const secs = (performance.now() - t0) / 1000;
  const cpuMs =
    (procs.reduce((sum, p, i) => sum + cpuTicks(p.child.pid) - cpu0[i]!, 0) * TICK_MS) / PIPELINE_N;
  for (const p of procs) p.child.kill("SIGTERM");
  await Promise.all(procs.map((p) => p.exited));
  await producer.close();
  await corpus.close();
  await store.close();
  return { perSecond: PIPELINE_N / secs, cpuMs };
}

function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? 0;
}

async function searchLatency(
  store: Store,
  label: string,
): Promise<{ p50: number; p95: number; max: number; cpuP95: number }> {
  for (const q of SEARCH_QUERIES) await store.search(q, { limit: 20 }); // warm caches
  const times: number[] = [];
  // CPU time of this process per query: all of SQLite's work (in-process), little of PostgreSQL's.
  const cpu: number[] = [];
  const perQuery = new Map<string, number[]>();
  for (let r = 0; r < REPEAT; r++) {
    for (const q of SEARCH_QUERIES) {
      const t = performance.now();
      const c = process.cpuUsage();
      await store.search(q, { limit: 20 });
      const used = process.cpuUsage(c);
      const ms = performance.now() - t;
      times.push(ms);
      cpu.push((used.user + used.system) / 1000);
      perQuery.set(q, [...(perQuery.get(q) ?? []), ms]);
    }
  }
  if (values.verbose) {
    for (const [q, ts] of perQuery) {
      const sorted = [...ts].sort((a, b) => a - b);
      process.stderr.write(`    ${label} ${quantile(sorted, 0.5).toFixed(1).padStart(7)} ms  ${q}\n`);
    }
  }
  times.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  return {
    p50: quantile(times, 0.5),
    p95: quantile(times, 0.95),
    max: times[times.length - 1] ?? 0,
    cpuP95: quantile(cpu, 0.95),
  };
}

try {
  if (!values["skip-pipeline"]) {
    process.stderr.write(`pipeline: ${PIPELINE_N} synthetic pages, extract + analyse + store\n`);
    const show = (backend: string, setting: string, t: Throughput, base?: Throughput) =>
      row(
        "pipeline",
        backend,
        setting,
        `${t.perSecond.toFixed(1)} articles/s${base ? ` (${(t.perSecond / base.perSecond).toFixed(2)}x)` : ""}`,
        `${t.cpuMs.toFixed(0)} ms CPU/article${
          t.mainMs === undefined
            ? ""
            : ` (main thread ${t.mainMs.toFixed(1)}: on 2 cores at most ${((2 * (t.cpuMs - t.mainMs)) / t.cpuMs).toFixed(2)}x one worker)`
        }`,
      );
    const s1 = await pipelineSqlite(1);
    const s2 = await pipelineSqlite(2);
    show("sqlite + in-process jobs", "1 worker thread", s1);
    show("sqlite + in-process jobs", "2 worker threads", s2, s1);
    const p1 = await pipelinePostgres(1);
    const p2 = await pipelinePostgres(2);
    show("postgres + redis", "1 lede worker", p1);
    show("postgres + redis", "2 lede workers", p2, p1);
  }
  if (!values["skip-search"]) {
    for (const size of SEARCH_SIZES) {
      process.stderr.write(`search: filling ${size} articles per backend\n`);
      const sqlite = openSqliteStore(join(dir, `search-${size}.db`));
      await sqlite.migrate();
      let t = performance.now();
      if (size > BULK_ABOVE) bulkSqlite(sqlite, await sqlite.countArticles(), size);
      else await fillSearchCorpus(sqlite, size, 1);
      const fillSqlite = (size / ((performance.now() - t) / 1000)).toFixed(0);
      const ls = await searchLatency(sqlite, "sqlite");
      row(
        "search",
        "sqlite fts5",
        `${size} articles`,
        `p50 ${ls.p50.toFixed(1)} ms`,
        `p95 ${ls.p95.toFixed(1)} ms (CPU p95 ${ls.cpuP95.toFixed(1)} ms; load ${fillSqlite}/s)`,
      );
      await sqlite.close();
      pg ??= await startPostgres();
      const store = openPostgresStore(await pg.createDatabase(`search_${size}`));
      await store.migrate();
      t = performance.now();
      if (size > BULK_ABOVE) await bulkPostgres(store, await store.countArticles(), size, 2);
      else await fillSearchCorpus(store, size, 8);
      const fillPg = (size / ((performance.now() - t) / 1000)).toFixed(0);
      await store.pool.query("VACUUM ANALYZE");
      const sizes = await store.pool.query(
        `SELECT c.relname, pg_total_relation_size(c.oid) AS bytes FROM pg_class c
         JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind IN ('r', 'i')
         ORDER BY 2 DESC`,
      );
      for (const r of sizes.rows as Array<{ relname: string; bytes: string }>) {
        process.stderr.write(`    size ${r.relname}: ${(Number(r.bytes) / size).toFixed(0)} B/article\n`);
      }
      const lp = await searchLatency(store, "postgres");
      row(
        "search",
        "postgres tsvector+gin",
        `${size} articles`,
        `p50 ${lp.p50.toFixed(1)} ms`,
        `p95 ${lp.p95.toFixed(1)} ms (load ${fillPg}/s)`,
      );
      await store.close();
    }
  }
  console.log(
    `\n## scale (load average ${(await import("node:os")).loadavg()[0]!.toFixed(1)} on ${(await import("node:os")).cpus().length} cores)\n`,
  );
  console.log("| part | backend | setting | result | |\n|---|---|---|---|---|");
  for (const r of rows) console.log(`| ${r.join(" | ")} |`);
} finally {
  await pg?.stop();
  await redis?.stop();
  rmSync(dir, { recursive: true, force: true });
}
