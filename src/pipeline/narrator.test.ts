import assert from "node:assert/strict";
import { existsSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { Narrator } from "./narrator.ts";

const dir = mkdtempSync(join(tmpdir(), "lede-narrator-"));
after(() => rmSync(dir, { recursive: true, force: true }));

test("a narrator runs one narration per article version in a worker and caches it", async () => {
  const narrator = new Narrator(dir);
  try {
    const task = {
      dataDir: dir,
      articleId: 7,
      version: 1,
      title: "Ferry resumes",
      text: "The ferry resumed on Monday.\n\nIt carried 40 people.",
      env: {},
    };
    assert.equal(narrator.cached(task), null);
    const [a, b] = await Promise.all([narrator.narrate(task), narrator.narrate(task)]);
    assert.ok(a.ok && b.ok);
    assert.equal(a.value.mp3Path, b.value.mp3Path);
    assert.ok(existsSync(a.value.mp3Path) && statSync(a.value.mp3Path).size > 1000);
    assert.deepEqual(
      a.value.marks.map((m) => m.kind),
      ["title", "sentence", "sentence"],
    );
    assert.equal(narrator.cached(task)?.mp3Path, a.value.mp3Path);
    const v2 = await narrator.narrate({ ...task, version: 2, text: "The ferry was cancelled." });
    assert.ok(v2.ok);
    assert.notEqual(v2.value.mp3Path, a.value.mp3Path);
  } finally {
    await narrator.close();
  }
});

test("entity names seed the user's lexicon file; a respelling there changes the narration", async () => {
  const { readFileSync, writeFileSync } = await import("node:fs");
  const own = mkdtempSync(join(tmpdir(), "lede-lexicon-"));
  const narrator = new Narrator(own);
  try {
    const task = {
      dataDir: own,
      articleId: 1,
      version: 1,
      title: null,
      text: "Ingrid Halvorsen spoke in Tromsø.",
      env: {},
      names: ["Ingrid Halvorsen", "Tromsø"],
    };
    const first = await narrator.narrate(task);
    assert.ok(first.ok);
    const lexicon = JSON.parse(readFileSync(join(own, "lexicon.json"), "utf8")) as Record<string, string>;
    assert.deepEqual(lexicon, { Ingrid: "Ingrid", Halvorsen: "Halvorsen", Tromsø: "Tromsø" });
    writeFileSync(join(own, "lexicon.json"), JSON.stringify({ ...lexicon, Tromsø: "Trom sir" }));
    const second = await narrator.narrate(task);
    assert.ok(second.ok);
    assert.notEqual(second.value.mp3Path, first.value.mp3Path, "a respelling makes a new narration");
  } finally {
    await narrator.close();
    rmSync(own, { recursive: true, force: true });
  }
});

test("with BullMQ (a real Redis), a narration is a job on the shared queue with progress", {
  timeout: 120_000,
}, async (t) => {
  const { servicesMissing, startRedis } = await import("../../test/helpers/services.ts");
  const missing = servicesMissing();
  if (missing) {
    t.skip(missing);
    return;
  }
  const { createBullmqRunner } = await import("../jobs/bullmq.ts");
  const redis = await startRedis();
  const own = mkdtempSync(join(tmpdir(), "lede-narrator-bullmq-"));
  const prefix = `t${process.pid}`;
  // One process only queues (a reader), another works the queue (a worker): they share the data dir.
  const asking = createBullmqRunner({ url: redis.url, prefix });
  const working = createBullmqRunner({ url: redis.url, prefix });
  const reader = new Narrator(own, { runner: asking, work: false });
  const worker = new Narrator(own, { runner: working });
  try {
    const task = {
      dataDir: own,
      articleId: 3,
      version: 1,
      title: "Tram line extended",
      text: "The tram line was extended by 4 stops on Monday. ".repeat(6),
      env: {},
    };
    const percents: number[] = [];
    const r = await reader.narrate(task, (p) => percents.push(p));
    assert.ok(r.ok, r.ok ? "" : r.message);
    assert.ok(statSync(r.value.mp3Path).size > 1000);
    assert.ok(
      percents.every((p, i) => p >= 0 && p <= 100 && (i === 0 || p >= percents[i - 1]!)),
      "rising percents",
    );
    const status = await reader.status(task);
    assert.equal(status.state, "ready");
  } finally {
    await reader.close();
    await worker.close();
    await asking.close();
    await working.close();
    await redis.stop();
    rmSync(own, { recursive: true, force: true });
  }
});
