/**
 * The distributed test: one producer and two `lede worker` processes on a real Redis and PostgreSQL
 * take in a corpus of generated pages; one worker is killed with SIGKILL mid-way. In the end every
 * document is stored exactly once and nothing is lost.
 */
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { createBullmqRunner, pageJob } from "../../src/jobs/index.ts";
import { openPostgresStore } from "../../src/store/index.ts";
import {
  type RunningPostgres,
  type RunningService,
  servicesMissing,
  startPostgres,
  startRedis,
} from "../helpers/services.ts";
import { type CorpusServer, serveCorpus, startWorker, until, type WorkerProcess } from "./cluster.ts";

/** Distinct articles in the corpus. */
const PAGES = 160;
/** Pages enqueued a second time (same URL): must not be stored twice. */
const REPEATS = 20;
/** Mirror copies (same content, another URL): must not be stored twice either. */
const MIRRORS = 10;

const missing = servicesMissing();

test("two workers, one killed mid-way: every document stored exactly once", {
  skip: missing ?? false,
  timeout: 120_000,
}, async (t) => {
  const cleanup: Array<() => Promise<unknown>> = [];
  after(async () => {
    for (const c of cleanup.reverse()) await c().catch(() => {});
  });
  const pgServer: RunningPostgres = await startPostgres();
  cleanup.push(() => pgServer.stop());
  const redis: RunningService = await startRedis();
  cleanup.push(() => redis.stop());
  const corpus: CorpusServer = await serveCorpus(40);
  cleanup.push(() => corpus.close());
  const databaseUrl = await pgServer.createDatabase("scale");
  const dataDir = mkdtempSync(join(tmpdir(), "lede-scale-"));
  cleanup.push(async () => rmSync(dataDir, { recursive: true, force: true }));

  const store = openPostgresStore(databaseUrl);
  await store.migrate();
  cleanup.push(() => store.close());
  const env = {
    LEDE_DATABASE_URL: databaseUrl,
    LEDE_REDIS_URL: redis.url,
    LEDE_FETCH_ALLOW: "127.0.0.1",
    LEDE_DATA_DIR: dataDir,
  };
  const args = [
    "--poll-minutes",
    "0",
    "--host-interval-ms",
    "0",
    "--lock-ms",
    "2000",
    "--fetch-concurrency",
    "4",
  ];
  const workers: WorkerProcess[] = [startWorker(env, args), startWorker(env, args)];
  for (const w of workers) cleanup.push(async () => w.child.kill("SIGKILL"));
  await Promise.all(workers.map((w) => w.ready));
  for (const w of workers) assert.equal(w.child.exitCode, null, w.log());

  // The producer: every page, then some pages again and mirror copies of others.
  const producer = createBullmqRunner({ url: redis.url });
  cleanup.push(() => producer.close());
  const urls = Array.from({ length: PAGES }, (_, n) => `${corpus.base}/a/${n}`);
  await producer.enqueue(...urls.map((u) => pageJob(u)));
  await producer.enqueue(...urls.slice(0, REPEATS).map((u) => pageJob(u)));
  await producer.enqueue(...Array.from({ length: MIRRORS }, (_, n) => pageJob(`${corpus.base}/mirror/${n}`)));

  // Kill one worker with SIGKILL once a quarter of the corpus is stored, while it has jobs in flight.
  await until(
    "a quarter of the corpus stored",
    async () => (await store.countArticles()) >= PAGES / 4,
    60_000,
  );
  const victim = workers[0]!;
  victim.child.kill("SIGKILL");
  assert.equal(await victim.exited, "SIGKILL");
  const atKill = await store.countArticles();
  assert.ok(atKill < PAGES, "the kill came mid-way");
  const activeAtKill = await producer.counts();

  // The survivor picks up the dead worker's jobs once their locks expire.
  await until("every page stored", async () => (await store.countArticles()) >= PAGES, 90_000, 250);
  await producer.idle({ timeoutMs: 30_000 });

  assert.equal(await store.countArticles(), PAGES, "nothing lost, nothing duplicated");
  const keys = new Set<string>();
  for await (const a of store.exportArticles()) {
    assert.equal(a.version, 1, `${a.key} stored once, not re-versioned`);
    keys.add(a.key);
  }
  assert.deepEqual([...keys].sort(), [...urls].sort());
  const versions = await store.pool.query("SELECT count(*)::int AS n FROM article_versions");
  assert.equal(versions.rows[0].n, PAGES);
  assert.deepEqual(await store.failures(), []);
  assert.deepEqual(await producer.deadLetters(), []);

  // The survivor stops gracefully on SIGTERM.
  const survivor = workers[1]!;
  survivor.child.kill("SIGTERM");
  assert.equal(await survivor.exited, 0, survivor.log());
  assert.match(survivor.log(), /stopped after \d+ jobs/);
  t.diagnostic(
    `killed at ${atKill}/${PAGES} stored; queues then: ${JSON.stringify(activeAtKill)}; survivor: ${survivor.log().trim().split("\n").pop()}`,
  );
});
