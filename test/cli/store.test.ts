/** `lede add`, `search` and `export` on a real SQLite file in a temp data dir. */
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { lede, SAMPLE } from "../helpers/cli.ts";

const dir = mkdtempSync(join(tmpdir(), "lede-add-"));
after(() => rmSync(dir, { recursive: true, force: true }));
const env = { LEDE_DATA_DIR: join(dir, "data") };

test("add stores once, a changed page becomes a new version, failures are named and counted", async () => {
  const page = join(dir, "page.html");
  writeFileSync(
    page,
    `<!doctype html><html><head><title>Harbour reopens</title><link rel="canonical" href="https://news.example/harbour"></head>
     <body><article><h1>Harbour reopens</h1><p>The harbour reopened on Friday after three weeks of repairs to the sea wall.</p>
     <p>Fishing boats returned in the morning, the port authority said.</p></article></body></html>`,
  );
  const first = await lede(["add", SAMPLE, page, "--published", "2025-09-01"], { env });
  assert.equal(first.code, 0, first.stderr);
  assert.match(first.stderr, /2 added, 0 updated, 0 unchanged, 0 failed/);
  const again = await lede(["add", SAMPLE, page], { env });
  assert.match(again.stderr, /0 added, 0 updated, 2 unchanged, 0 failed/);
  writeFileSync(
    page,
    `${"<!doctype html>"}<html><head><title>Harbour reopens</title><link rel="canonical" href="https://news.example/harbour"></head>
     <body><article><h1>Harbour reopens</h1><p>The harbour reopened on Friday after three weeks of repairs to the sea wall.</p>
     <p>Fishing boats returned in the morning, the port authority said. A ferry service resumes next week.</p></article></body></html>`,
  );
  const changed = await lede(["add", page, join(dir, "nope.txt")], { env });
  assert.equal(changed.code, 1);
  assert.match(changed.stderr, /1 updated/);
  assert.match(changed.stderr, /nope\.txt/);
  assert.match(changed.stderr, /input\/not-found: 1/);

  const search = await lede(["search", "ferry", "--json"], { env });
  assert.equal(search.code, 0);
  const hits = search.stdout
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l));
  assert.equal(hits.length, 1);
  assert.equal(hits[0].url, "https://news.example/harbour");

  const exported = await lede(["export"], { env });
  const rows = exported.stdout
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l));
  assert.equal(rows.length, 2);
  assert.ok(
    rows.every((r) => typeof r.id === "number" && "url" in r && "source" in r && typeof r.text === "string"),
  );
  assert.equal(rows.find((r) => r.url === "https://news.example/harbour")?.version, 2);
});
