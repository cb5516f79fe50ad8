/**
 * The pipeline handlers on a real SQLite store with the stages passed in: failures are values,
 * transient ones are retried first, and every handler is idempotent (run twice, changes nothing twice).
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { err, LedeError, ok } from "../core/index.ts";
import { processDocument } from "../pipeline/process.ts";
import { openSqliteStore } from "../store/index.ts";
import type { PipelineDeps } from "./pipeline.ts";
import { pipelineHandlers, toWire } from "./pipeline.ts";

const doc = (url: string, text: string) => ({
  input: url,
  url,
  body: new TextEncoder().encode(text),
  contentType: "text/plain",
  headers: {},
  fetchedAt: "2025-09-01T00:00:00Z",
  sourceKind: "url" as const,
  status: 200,
  notModified: false,
});

function setup(fetch: PipelineDeps["fetch"]) {
  const store = openSqliteStore(":memory:");
  const handlers = pipelineHandlers({
    store,
    fetch,
    fetchAttempts: 3,
    process: async (d) => {
      const text = new TextDecoder().decode(d.body);
      if (text === "") return { ok: false, error: { stage: "extract", code: "empty", message: "empty [x]" } };
      return {
        ok: true,
        article: {
          url: d.url,
          title: "T",
          authors: [],
          published: null,
          modified: null,
          language: "en",
          siteName: null,
          text,
          blocks: [],
          related: [],
        },
        analysis: null,
      };
    },
  });
  return { store, handlers };
}

test("a network failure is retried, then recorded as a value on the last attempt", async () => {
  const { store, handlers } = setup(async (r) =>
    err(new LedeError("acquire", "network", `reset [${r.url}]`)),
  );
  await store.migrate();
  const job = { kind: "page" as const, url: "https://n.example/a" };
  await assert.rejects(handlers.fetch!(job, { id: "p", queue: "fetch", attempt: 1 }), {
    name: "RetryableError",
  });
  assert.deepEqual(await handlers.fetch!(job, { id: "p", queue: "fetch", attempt: 3 }), []);
  const [f] = await store.failures();
  assert.equal(f?.code, "network");
  await store.close();
});

test("a 404 is recorded at once; an empty page is an extract failure, not a throw", async () => {
  const { store, handlers } = setup(async (r) =>
    err(new LedeError("acquire", "http-status", `404 [${r.url}]`)),
  );
  await store.migrate();
  assert.deepEqual(
    await handlers.fetch!(
      { kind: "page", url: "https://n.example/x" },
      { id: "p", queue: "fetch", attempt: 1 },
    ),
    [],
  );
  assert.deepEqual(
    await handlers.process!(
      { doc: toWire(doc("https://n.example/e", "")), analyse: false },
      { id: "q", queue: "process", attempt: 1 },
    ),
    [],
  );
  assert.deepEqual((await store.failures()).map((f) => f.code).sort(), ["empty", "http-status"]);
  await store.close();
});

test("page → process → store, and each step run twice changes nothing twice", async () => {
  const { store, handlers } = setup(async (r) => ok(doc(r.url, "A story.")));
  await store.migrate();
  const info = { id: "x", queue: "fetch" as const, attempt: 1 };
  const [p1] = (await handlers.fetch!({ kind: "page", url: "https://n.example/s" }, info)) ?? [];
  const [p2] = (await handlers.fetch!({ kind: "page", url: "https://n.example/s" }, info)) ?? [];
  assert.equal(p1?.queue, "process");
  assert.equal(p1?.id, p2?.id, "the same page makes the same process job id");
  const [s1] = (await handlers.process!(p1!.data as never, { ...info, queue: "process" })) ?? [];
  assert.equal(s1?.queue, "store");
  await handlers.store!(s1!.data as never, { ...info, queue: "store" });
  await handlers.store!(s1!.data as never, { ...info, queue: "store" });
  assert.equal(await store.countArticles(), 1);
  const [a] = await store.latest();
  assert.equal((await store.getArticle(a!.id))?.version, 1);
  await store.close();
});

test("a listing page from a crawled sitemap is left out without a failure; the same page named alone is stored", async () => {
  const store = openSqliteStore(":memory:");
  await store.migrate();
  const handlers = pipelineHandlers({
    store,
    fetch: async (r) => err(new LedeError("acquire", "network", `unused [${r.url}]`)),
    fetchAttempts: 1,
    process: async (d, analyse) => processDocument({ doc: d, options: {}, analyse }),
  });
  const cards = Array.from(
    { length: 5 },
    (_, i) =>
      `<div><h2><a href="/post/${i}">Harbour story number ${i} from the night shift</a></h2><p>${"Short excerpt words here. ".repeat(8)}</p></div>`,
  ).join("");
  const html = `<html><head><title>Pilots | Harbour Weekly</title></head><body><h1>Pilots</h1>${cards}</body></html>`;
  const page = (sourceKind: "sitemap" | "url") => ({
    ...doc("https://harbour.example/tag/pilots", html),
    contentType: "text/html",
    sourceKind,
  });
  const ctx = { id: "q", queue: "process" as const, attempt: 1 };
  assert.deepEqual(await handlers.process!({ doc: toWire(page("sitemap")), analyse: false }, ctx), []);
  assert.deepEqual(await store.failures(), []);
  const named = await handlers.process!({ doc: toWire(page("url")), analyse: false }, ctx);
  assert.equal(named?.length, 1);
  assert.equal(named?.[0]?.queue, "store");
  await store.close();
});
