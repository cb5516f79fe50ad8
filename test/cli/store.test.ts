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

test("add skips the listing pages of a crawl (WARC) and counts them, but keeps a listing page named on its own", async () => {
  const env2 = { LEDE_DATA_DIR: join(dir, "data-listing") };
  const words = (n: number, w: string) => Array.from({ length: n }, (_, i) => `${w}${i}`).join(" ");
  const article = `<!doctype html><html><head><title>Tide gauge fails | Harbour Weekly</title></head><body>
    <article><h1>Tide gauge fails</h1><p>The tide gauge at the north pier failed on Monday. ${words(80, "gauge")}.</p>
    <p>Engineers will replace it next week, the harbour master said. ${words(60, "pier")}.</p></article></body></html>`;
  const cards = Array.from(
    { length: 5 },
    (
      _,
      i,
    ) => `<div class="teaser"><h2><a href="/post/story-${i}">Harbour story number ${i} from the night shift</a></h2>
      <p>${words(30, `excerpt${i}x`)}.</p></div>`,
  ).join("");
  const tag = `<!doctype html><html><head><title>Pilots | Harbour Weekly</title></head><body>
    <div id="content"><h1>Pilots</h1>${cards}</div></body></html>`;
  const record = (uri: string, html: string) => {
    const http = Buffer.from(`HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n${html}`);
    const head = `WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: ${uri}\r\nWARC-Date: 2025-09-01T10:00:00Z\r\nContent-Length: ${http.length}\r\n\r\n`;
    return Buffer.concat([Buffer.from(head), http, Buffer.from("\r\n\r\n")]);
  };
  const warc = join(dir, "crawl.warc");
  writeFileSync(
    warc,
    Buffer.concat([
      record("https://harbour.example/post/tide-gauge", article),
      record("https://harbour.example/tag/pilots", tag),
    ]),
  );
  const crawl = await lede(["add", warc, "--no-analyse"], { env: env2 });
  assert.equal(crawl.code, 0, crawl.stderr);
  assert.match(crawl.stderr, /2 inputs: 1 added, 0 updated, 0 unchanged, 0 failed, 1 listing page skipped/);
  const tagFile = join(dir, "tag.html");
  writeFileSync(tagFile, tag);
  const named = await lede(["add", tagFile, "--no-analyse"], { env: env2 });
  assert.equal(named.code, 0, named.stderr);
  assert.match(named.stderr, /1 added/);
  const rows = (await lede(["export"], { env: env2 })).stdout.trim().split("\n");
  assert.equal(rows.length, 2);
  assert.ok(rows.some((l) => JSON.parse(l).pageKind === "listing"));
});
