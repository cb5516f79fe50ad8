import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import type Database from "better-sqlite3";
import { openSqliteStore } from "../../src/store/index.ts";
import { parseQuery, toFts5 } from "../../src/store/query.ts";
import { ranked } from "../../src/store/sqlite/find.ts";
import { article, storeContract } from "./contract.ts";

const dir = mkdtempSync(join(tmpdir(), "lede-store-"));
after(() => rmSync(dir, { recursive: true, force: true }));

storeContract("sqlite (file, WAL)", async () => openSqliteStore(join(dir, "lede.db")));

describe("sqlite search ranking", () => {
  it("bm25() and highlighting rank alike and both cut marked snippets", async () => {
    const store = openSqliteStore(join(dir, "rank.db"));
    await store.migrate();
    const filler = "The council met on Tuesday to discuss the budget and other matters of the town.";
    const texts = [
      `${filler} A harbour inspection was planned.`,
      `The harbour strike closed the harbour. Harbour workers said the harbour would stay shut. ${filler}`,
      `${filler} ${filler} Nothing about ports here.`,
      `${filler} The harbour strike went on.`,
    ];
    for (const [i, text] of texts.entries()) {
      await store.putArticle({
        article: article({
          url: `https://r.example/${i}`,
          title: i === 3 ? "Harbour strike" : `Town news ${i}`,
          text,
        }),
        analysis: null,
        source: "test",
        fetchedAt: "2025-09-01T00:00:00Z",
      });
    }
    try {
      const db = (store as unknown as { db: Database.Database }).db;
      for (const how of ["bm25", "highlight"] as const) {
        const terms = parseQuery("harbour strike");
        const hits = ranked(db, toFts5(terms)!, terms, { where: ["1"], params: [] }, { limit: 5 }, how);
        assert.deepEqual(
          hits.map((h) => h.url),
          ["https://r.example/3", "https://r.example/1"],
          `${how}: the title match, then the article saying it most`,
        );
        assert.match(hits[1]!.snippet, /\[harbour\] \[strike\]|\[harbour strike\]/i, how);
      }
    } finally {
      await store.close();
    }
  });
});
