/**
 * Narration across processes on a real Redis: a reader process (like `lede serve`) only queues
 * narrations; a `lede worker` process works the narrate queue and writes the audio into the shared
 * data dir, where the reader finds it. A job naming a stored article by id is read from the store.
 */
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import type { Article } from "../../src/core/index.ts";
import { createBullmqRunner } from "../../src/jobs/index.ts";
import { Narrator } from "../../src/pipeline/narrator.ts";
import { openStore } from "../../src/store/index.ts";
import { type RunningService, servicesMissing, startRedis } from "../helpers/services.ts";
import { startWorker, until } from "./cluster.ts";

const missing = servicesMissing();

/** An MP3 frame header (MPEG-1 Layer III) somewhere in the first bytes: the file decodes as MP3. */
function looksLikeMp3(bytes: Buffer): boolean {
  for (let i = 0; i + 1 < Math.min(bytes.length, 4096); i++)
    if (bytes[i] === 0xff && (bytes[i + 1]! & 0xfe) === 0xfa) return true;
  return false;
}

test("a narration queued by one process is made by a `lede worker` process", {
  skip: missing ?? false,
  timeout: 180_000,
}, async () => {
  const cleanup: Array<() => Promise<unknown>> = [];
  after(async () => {
    for (const c of cleanup.reverse()) await c().catch(() => {});
  });
  const redis: RunningService = await startRedis();
  cleanup.push(() => redis.stop());
  const dataDir = mkdtempSync(join(tmpdir(), "lede-narrate-worker-"));
  cleanup.push(async () => rmSync(dataDir, { recursive: true, force: true }));

  // An article stored before the worker starts (the worker reads it by id from the same SQLite file).
  const store = await openStore({ dataDir, databaseUrl: null });
  cleanup.push(() => store.close());
  const article: Article = {
    url: "https://lakeside.example/bridge",
    title: "Lakeside bridge reopens",
    authors: [],
    published: "2025-09-14",
    modified: null,
    language: "en",
    siteName: "Lakeside Courier",
    text: "The Lakeside bridge reopened on Sunday after nine weeks of repairs.\n\nAbout 12,000 cars cross it each day, the council said.",
    blocks: [],
    related: [],
  };
  const stored = await store.putArticle({
    article,
    analysis: null,
    source: "fixture",
    fetchedAt: new Date().toISOString(),
  });

  const worker = startWorker({ LEDE_REDIS_URL: redis.url, LEDE_DATA_DIR: dataDir }, [
    "--poll-minutes",
    "0",
    "--no-link",
  ]);
  cleanup.push(async () => worker.child.kill("SIGKILL"));
  await worker.ready;
  assert.equal(worker.child.exitCode, null, worker.log());

  // The reader: queues narrations on the shared queue, never works it.
  const asking = createBullmqRunner({ url: redis.url });
  cleanup.push(() => asking.close());
  const reader = new Narrator(dataDir, { runner: asking, store, work: false });
  cleanup.push(() => reader.close());

  const task = reader.taskForText(
    { title: "Night trams return", text: "Night trams return to the city on Friday. ".repeat(5) },
    "text-nighttrams",
  );
  assert.equal(reader.cached(task), null);
  const percents: number[] = [];
  const r = await reader.narrate(task, (p) => percents.push(p));
  assert.ok(r.ok, r.ok ? "" : `${r.message}\n${worker.log()}`);
  const mp3 = readFileSync(r.value.mp3Path);
  assert.ok(mp3.length > 2000 && looksLikeMp3(mp3), "the worker wrote an MP3 into the shared cache");
  assert.ok(r.value.durationMs > 1000);
  assert.ok(r.value.marks.length >= 2);
  assert.equal((await reader.status(task)).state, "ready");
  assert.ok(
    percents.every((p, i) => i === 0 || p >= percents[i - 1]!),
    "percents rise",
  );

  // A job naming only the stored article and version (as `--narrate-stored` queues them).
  const byId = reader.taskFor((await store.getArticle(stored.id))!);
  assert.equal(reader.cached(byId), null);
  await asking.enqueue({
    queue: "narrate",
    id: `narrate-${stored.id}-${stored.version}`,
    data: { articleId: stored.id, version: stored.version },
  });
  await until("the stored article's narration", async () => reader.cached(byId) !== null, 60_000);
  const made = reader.cached(byId)!;
  assert.ok(made.durationMs > 1000);
  assert.deepEqual(
    made.marks.map((m) => m.kind),
    ["title", "sentence", "sentence"],
  );

  worker.child.kill("SIGTERM");
  assert.equal(await worker.exited, 0, worker.log());
  assert.match(worker.log(), /stopped after \d+ jobs \(.*narrate 2/);
});
