/**
 * The Store contract: every backend runs these tests (SQLite now, PostgreSQL when it lands).
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { Article } from "../../src/core/index.ts";
import type { Store } from "../../src/store/index.ts";

export function article(overrides: Partial<Article> = {}): Article {
  const text = overrides.text ?? "Ministers met in Tianjin on Monday.\n\nThey agreed to meet again.";
  return {
    url: "https://news.example/a/1",
    title: "Ministers meet in Tianjin",
    authors: ["Ada Reporter"],
    published: "2025-09-01",
    modified: null,
    language: "en",
    siteName: "Example News",
    text,
    blocks: [{ type: "paragraph", start: 0, end: text.indexOf("\n\n") === -1 ? text.length : text.indexOf("\n\n") }],
    related: [],
    ...overrides,
  };
}

const put = (store: Store, a: Article) => store.putArticle({ article: a, analysis: null, source: "test", fetchedAt: "2025-09-01T00:00:00Z" });

/**
 * Define the contract tests for a backend.
 *
 * @param name the backend's name, shown in test output
 * @param open creates a fresh, empty store (migrated by the suite)
 */
export function storeContract(name: string, open: () => Promise<Store>): void {
  describe(`Store contract: ${name}`, () => {
    let store: Store;
    before(async () => {
      store = await open();
      await store.migrate();
      await store.migrate(); // idempotent
    });
    after(async () => store.close());

    test("migrations are counted", async () => {
      assert.ok((await store.schemaVersion()) >= 1);
    });

    test("the same URL and content makes one article; changed content a new version", async () => {
      const a = article({ url: "https://news.example/v" });
      const first = await put(store, a);
      assert.equal(first.status, "added");
      const again = await put(store, a);
      assert.deepEqual(again, { status: "unchanged", id: first.id, version: 1 });
      const changed = await put(store, { ...a, text: `${a.text}\n\nA correction was added.` });
      assert.deepEqual(changed, { status: "updated", id: first.id, version: 2 });
      const stored = await store.getArticle(first.id);
      assert.equal(stored?.version, 2);
      assert.match(stored?.article.text ?? "", /correction/);
    });

    test("the same content under another URL is not a second article", async () => {
      const a = article({ url: "https://news.example/original", text: "A unique report about river floods in the valley." });
      const first = await put(store, a);
      const copy = await put(store, { ...a, url: "https://mirror.example/copy" });
      assert.equal(copy.status, "unchanged");
      assert.equal(copy.id, first.id);
    });

    test("articles without a URL are keyed by their text", async () => {
      const a = article({ url: null, text: "Pasted text with no address at all." });
      const first = await put(store, a);
      assert.equal(first.status, "added");
      assert.equal((await put(store, a)).status, "unchanged");
    });

    test("full-text search ranks title matches and survives bad syntax", async () => {
      await put(store, article({ url: "https://news.example/s1", title: "Glacier retreat", text: "Scientists measured the glacier." }));
      await put(store, article({ url: "https://news.example/s2", title: "Budget", text: "The glacier fund was cut in the budget." }));
      const hits = await store.search("glacier");
      assert.equal(hits.length, 2);
      assert.equal(hits[0]?.title, "Glacier retreat");
      assert.match(hits[1]?.snippet ?? "", /\[glacier\]/);
      assert.deepEqual(await store.search('"unclosed NEAR( *'), []);
      assert.equal((await store.search("glacier -budget")).length, 1);
    });

    test("latest lists newest first and pages", async () => {
      const all = await store.latest({ limit: 100 });
      assert.ok(all.length >= 3);
      assert.ok(all[0]!.id > all[1]!.id);
      const page = await store.latest({ limit: 1, beforeId: all[0]!.id });
      assert.equal(page[0]?.id, all[1]?.id);
    });

    test("export yields every article once", async () => {
      const ids: number[] = [];
      for await (const a of store.exportArticles()) ids.push(a.id);
      assert.equal(ids.length, await store.countArticles());
      assert.equal(new Set(ids).size, ids.length);
    });

    test("failures are stored with stage and code", async () => {
      await store.recordFailure({ input: "bad.bin", stage: "extract", code: "binary", message: "input looks binary" });
      const [f] = await store.failures({ limit: 1 });
      assert.equal(f?.code, "binary");
      assert.equal(f?.stage, "extract");
    });

    test("sources are added once and keep their health", async () => {
      const s = await store.addSource({ kind: "feed", url: "https://news.example/feed.xml", title: "Example" });
      const again = await store.addSource({ kind: "feed", url: "https://news.example/feed.xml" });
      assert.equal(again.id, s.id);
      await store.updateSource(s.id, { lastErrorCode: "network", consecutiveFailures: 3, etag: '"abc"' });
      const [listed] = (await store.listSources()).filter((x) => x.id === s.id);
      assert.equal(listed?.consecutiveFailures, 3);
      assert.equal(listed?.etag, '"abc"');
      assert.equal(listed?.title, "Example");
    });

    test("tokens verify by value and are stored hashed", async () => {
      const { token } = await store.createToken("test");
      assert.equal(await store.verifyToken(token), true);
      assert.equal(await store.verifyToken(`${token}x`), false);
      assert.equal(await store.verifyToken(""), false);
    });
  });
}
