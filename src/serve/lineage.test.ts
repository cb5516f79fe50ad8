import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import type { Article } from "../core/index.ts";
import { openSqliteStore, type StoredArticle } from "../store/index.ts";
import { LineageReader, lineageOf, MAX_COPIES } from "./lineage.ts";

const dir = mkdtempSync(join(tmpdir(), "lede-lineage-"));
const store = openSqliteStore(join(dir, "lede.db"));
after(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const TEXT = [
  "Ferries on the Valmora river will run every hour from Wednesday, the operator said.",
  "The old Karst bridge was closed on Tuesday after engineers found cracks in two piers.",
  "Repairs are expected to take at least six months.",
].join("\n\n");

/** Copy n: the same words, punctuated its own way (so it is stored as its own article). */
function copy(n: number, text = `${TEXT}${"!".repeat(n)}`): Article {
  return {
    url: `https://outlet${n}.example/ferries`,
    title: "Ferries to run hourly",
    authors: [],
    published: `2025-09-01T${String(8 + (n % 10)).padStart(2, "0")}:00:00Z`,
    modified: null,
    language: "en",
    siteName: `Outlet ${n}`,
    text,
    blocks: [],
    related: [],
  };
}

async function put(a: Article): Promise<StoredArticle> {
  const { id } = await store.putArticle({
    article: a,
    analysis: null,
    source: "test",
    fetchedAt: a.published!,
  });
  return (await store.getArticle(id))!;
}

test("a lineage compares the first copies, and a cached copy is read again once it changed", async () => {
  await store.migrate();
  const stored: StoredArticle[] = [];
  for (let n = 0; n < MAX_COPIES + 5; n++) stored.push(await put(copy(n)));
  const [first, ...others] = stored as [StoredArticle, ...StoredArticle[]];
  const summaries = (await store.latest({ limit: 100 }))
    .filter((s) => s.id !== first.id)
    .sort((a, b) => a.id - b.id);
  const reader = new LineageReader(store, 60_000);
  const l = await reader.of(first, summaries);
  assert.ok(l);
  assert.equal(l.reports.length, MAX_COPIES + 1, "the article and the first MAX_COPIES copies");
  assert.equal(l.original.id, first.id, "the earliest is the original");
  assert.deepEqual(
    l.reports.slice(1).map((r) => r.changes?.kept),
    new Array(MAX_COPIES).fill(3),
  );
  assert.deepEqual(await lineageOf(store, first, summaries), l, "the same as without a cache");

  // A copy cuts a paragraph: the cached text holds until the reader is told, then the diff shows it.
  const changed = others[0]!;
  await store.putArticle({
    article: copy(1, TEXT.split("\n\n").slice(0, 2).join("\n\n")),
    analysis: null,
    source: "test",
    fetchedAt: "2025-09-01T12:00:00Z",
  });
  const stale = await reader.of(first, summaries);
  assert.equal(stale?.reports.find((r) => r.article.id === changed.id)?.changes?.cut, 0);
  reader.forget(changed.id);
  const fresh = await reader.of(first, summaries);
  assert.equal(fresh?.reports.find((r) => r.article.id === changed.id)?.changes?.cut, 1);
});
