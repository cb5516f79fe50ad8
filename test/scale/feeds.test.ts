/**
 * Feed polling through the job handlers on the default desk (SQLite + in-process runner): the poll
 * tick fetches the due feed, its entries become page jobs, pages are stored once, a missing page is a
 * stored failure (not a dead letter), and the source's health is kept. Needs no services.
 */
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { createPipelineDeps } from "../../src/cli/commands/worker.ts";
import { createInProcessRunner, pipelineHandlers } from "../../src/jobs/index.ts";
import { openSqliteStore } from "../../src/store/index.ts";
import { serveCorpus } from "./cluster.ts";

test("a polled feed's pages are stored once; failures are values", { timeout: 120_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), "lede-feeds-"));
  const corpus = await serveCorpus(0);
  const store = openSqliteStore(join(dir, "lede.db"));
  await store.migrate();
  const { deps, close } = createPipelineDeps({ fetchAllow: ["127.0.0.1"] }, store, {
    concurrency: 1,
    fetchConcurrency: 4,
    hostIntervalMs: 0,
    analyse: true,
    pollMinutes: 0,
  });
  const runner = createInProcessRunner({ retry: { attempts: 2, backoffMs: 10 } });
  after(async () => {
    await runner.close();
    await close();
    await store.close();
    await corpus.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const source = await store.addSource({ kind: "feed", url: `${corpus.base}/feed/5.xml` });
  await runner.work(pipelineHandlers(deps), { concurrency: { fetch: 4 } });
  await runner.schedulePolling(3_600_000);
  await runner.idle({ timeoutMs: 60_000 });
  assert.equal(await store.countArticles(), 5);
  const failures = await store.failures();
  assert.equal(failures.length, 1);
  assert.equal(failures[0]?.code, "http-status");
  assert.deepEqual(await runner.deadLetters(), []);
  const [polled] = await store.listSources();
  assert.equal(polled?.id, source.id);
  assert.equal(polled?.etag, '"feed-5"');
  assert.equal(polled?.consecutiveFailures, 0);
  assert.ok(polled?.nextPollAt && Date.parse(polled.nextPollAt) > Date.now());
  // A second tick finds nothing due: nothing is fetched or stored again.
  await runner.enqueue({ queue: "fetch", id: "poll-again", data: { kind: "poll" } });
  await runner.idle({ timeoutMs: 30_000 });
  assert.equal(await store.countArticles(), 5);
  assert.equal((await store.failures()).length, 1);
});
