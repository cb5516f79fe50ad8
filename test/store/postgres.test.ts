/**
 * The Store contract on a real PostgreSQL (started from Debian's package on 127.0.0.1, temp data dir),
 * plus what only a shared database has: concurrent writers of the same article make one article.
 */
import assert from "node:assert/strict";
import { after, describe, test } from "node:test";
import { openPostgresStore } from "../../src/store/index.ts";
import { type RunningPostgres, servicesMissing, startPostgres } from "../helpers/services.ts";
import { article, storeContract } from "./contract.ts";

const missing = servicesMissing();

if (missing) {
  test("Store contract: postgres", { skip: missing }, () => {});
} else {
  let server: RunningPostgres | undefined;
  const started = startPostgres().then((s) => (server = s));
  let n = 0;
  const fresh = async () => {
    const s = await started;
    return openPostgresStore(await s.createDatabase(`contract_${++n}`));
  };
  after(async () => server?.stop());

  storeContract("postgres", fresh);

  describe("postgres: concurrent writers", () => {
    test("the same article stored by many connections at once is one article", async () => {
      const store = await fresh();
      await store.migrate();
      try {
        const a = article({
          url: "https://news.example/race",
          text: "Racing writers store one article only.",
        });
        const copy = { ...a, url: "https://mirror.example/race" };
        const results = await Promise.all(
          Array.from({ length: 16 }, (_, i) =>
            store.putArticle({
              article: i % 2 ? copy : a,
              analysis: null,
              source: "t",
              fetchedAt: "2025-09-01T00:00:00Z",
            }),
          ),
        );
        assert.equal(results.filter((r) => r.status === "added").length, 1);
        assert.equal(new Set(results.map((r) => r.id)).size, 1);
        assert.equal(await store.countArticles(), 1);
      } finally {
        await store.close();
      }
    });

    test("every added or updated article is announced to subscribers on commit", async () => {
      const writer = await fresh();
      await writer.migrate();
      const reader = openPostgresStore(writer.pool.options.connectionString ?? "");
      const seen: Array<{ status: string; version: number }> = [];
      const stop = await reader.subscribe((r) => seen.push({ status: r.status, version: r.version }));
      try {
        const a = article({ url: "https://news.example/live", text: "Live text." });
        const put = (x: typeof a) =>
          writer.putArticle({ article: x, analysis: null, source: "t", fetchedAt: "2025-09-01T00:00:00Z" });
        await put(a);
        await put(a);
        await put({ ...a, text: "Live text, corrected." });
        for (let i = 0; i < 50 && seen.length < 2; i++) await new Promise((r) => setTimeout(r, 20));
        assert.deepEqual(seen, [
          { status: "added", version: 1 },
          { status: "updated", version: 2 },
        ]);
      } finally {
        await stop();
        await reader.close();
        await writer.close();
      }
    });

    test("search agrees with the query language: phrases, OR, exclusion, accents, stems", async () => {
      const store = await fresh();
      await store.migrate();
      try {
        const put = (url: string, title: string, text: string) =>
          store.putArticle({
            article: article({ url, title, text }),
            analysis: null,
            source: "t",
            fetchedAt: "2025-09-01T00:00:00Z",
          });
        await put(
          "https://n.example/1",
          "Peace talks resume",
          "Delegates from both sides met in Genève for peace talks.",
        );
        await put("https://n.example/2", "Talks of peace", "Nobody expected the talks; peace was far away.");
        await put("https://n.example/3", "Floods", "Rivers flooded the valley after storms.");
        assert.equal((await store.search('"peace talks"')).length, 1);
        assert.equal((await store.search("peace talks")).length, 2);
        assert.equal((await store.search("floods OR genève")).length, 2);
        assert.equal((await store.search("geneve")).length, 1);
        assert.equal((await store.search("flooding")).length, 1);
        assert.equal((await store.search("peace -delegates")).length, 1);
        assert.deepEqual(await store.search("-peace"), []);
        assert.deepEqual(await store.search("the"), (await store.search("the")).slice(0, 3));
      } finally {
        await store.close();
      }
    });
  });
}
