/** End-to-end: `readInputs` and `pollFeed` against a real server on 127.0.0.1 and real files. */
import assert from "node:assert/strict";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { after, before, describe, it } from "node:test";
import { gzipSync } from "node:zlib";
import {
  createFetchContext,
  type FetchOptions,
  pollFeed,
  type ReadInputsOptions,
  readInputs,
  toOpml,
} from "../../src/acquire/index.ts";
import type { Document, LedeError, Result } from "../../src/core/index.ts";
import { extractDocument } from "../../src/extract/index.ts";
import { startServer, type TestServer } from "./server.ts";

let srv: TestServer;
let dir: string;
const page = (title: string) =>
  `<!doctype html><html><head><title>${title}</title></head><body><p>${title} body</p></body></html>`;

/** Page n of a long read: the shared header and standfirst, then this page's paragraphs. */
function longRead(n: number, next: string | null): string {
  const paragraphs = [1, 2, 3]
    .map(
      (i) =>
        `<p>On page ${n}, paragraph ${i} tells how the river authority rebuilt the flood barrier at Fenmouth over the winter, stone by stone, while the town watched the tides.</p>`,
    )
    .join("");
  return `<!doctype html><html><head><title>The barrier | Gazette</title>${next ? `<link rel="next" href="${next}">` : ""}</head>
<body><nav><a href="/">Home</a></nav><article><h1>The barrier</h1><p class="standfirst">How a town kept the sea out for another century.</p>
${paragraphs}</article></body></html>`;
}

function rss(origin: string): string {
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Desk</title><link>${origin}/</link><ttl>60</ttl>
    <item><title>First story</title><link>${origin}/a/1</link><guid>g1</guid><pubDate>Mon, 01 Sep 2025 10:00:00 GMT</pubDate><author>x@y.z (Ann Writer)</author></item>
    <item><title>Second story</title><link>/a/2?utm_source=rss&amp;utm_medium=feed</link><guid>g2</guid></item></channel></rss>`;
}

before(async () => {
  srv = await startServer({
    "/feed.xml": (q, s) => {
      if (q.headers["if-none-match"] === '"f1"') return void s.writeHead(304).end();
      s.writeHead(200, { "content-type": "application/rss+xml", etag: '"f1"' }).end(rss(srv.origin));
    },
    "/a/1": (_q, s) => s.writeHead(200, { "content-type": "text/html" }).end(page("One")),
    "/a/2": (_q, s) => s.writeHead(200, { "content-type": "text/html" }).end(page("Two")),
    "/a/3": (_q, s) => s.writeHead(404).end(),
    "/sitemap.xml": (_q, s) =>
      s.end(`<sitemapindex><sitemap><loc>${srv.origin}/news.xml</loc></sitemap></sitemapindex>`),
    "/news.xml": (_q, s) =>
      s.end(
        `<urlset xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"><url><loc>${srv.origin}/a/1</loc><news:news><news:title>Sitemap title</news:title></news:news></url><url><loc>${srv.origin}/a/3</loc></url></urlset>`,
      ),
    "/robots.txt": (_q, s) => s.end(`User-agent: *\nAllow: /\nSitemap: ${srv.origin}/news.xml\n`),
    "/moved": (_q, s) =>
      s
        .writeHead(200, { "content-type": "text/html" })
        .end(`<html><head><link rel="alternate" type="application/rss+xml" href="/feed.xml"></head></html>`),
    "/old-feed": (_q, s) => s.writeHead(301, { location: "/feed.xml" }).end(),
    "/temp-feed": (_q, s) => s.writeHead(302, { location: "/feed.xml" }).end(),
    "/limited": (_q, s) => s.writeHead(429, { "retry-after": "7200" }).end(),
    // A paginated article (three pages, each naming the next), and a post that names the next post.
    "/long-read": (_q, s) =>
      s.writeHead(200, { "content-type": "text/html" }).end(longRead(1, "/long-read/2")),
    "/long-read/2": (_q, s) =>
      s.writeHead(200, { "content-type": "text/html" }).end(longRead(2, `${srv.origin}/long-read/3`)),
    "/long-read/3": (_q, s) => s.writeHead(200, { "content-type": "text/html" }).end(longRead(3, null)),
    "/post-one": (_q, s) => s.writeHead(200, { "content-type": "text/html" }).end(longRead(1, "/post-two")),
    "/post-two": (_q, s) => s.writeHead(200, { "content-type": "text/html" }).end(longRead(2, null)),
  });
  dir = await mkdtemp(join(tmpdir(), "lede-acquire-"));
});
after(async () => {
  await srv.close();
  await rm(dir, { recursive: true, force: true });
});

function opts(extra: ReadInputsOptions = {}): ReadInputsOptions & FetchOptions {
  return { allow: ["127.0.0.1"], context: createFetchContext({ minIntervalMs: 0 }), retries: 0, ...extra };
}

async function all(it: AsyncIterable<Result<Document>>): Promise<{ docs: Document[]; errors: LedeError[] }> {
  const docs: Document[] = [];
  const errors: LedeError[] = [];
  for await (const r of it) {
    if (r.ok) docs.push(r.value);
    else errors.push(r.error);
  }
  return { docs, errors };
}

describe("readInputs", () => {
  it("takes a feed URL: each item's page, with the feed's hints", async () => {
    const { docs, errors } = await all(readInputs(`${srv.origin}/feed.xml`, opts()));
    assert.deepEqual(errors, []);
    assert.deepEqual(
      docs.map((d) => [d.url, d.sourceKind, d.hints?.title]),
      [
        [`${srv.origin}/a/1`, "feed", "First story"],
        [`${srv.origin}/a/2`, "feed", "Second story"],
      ],
    );
    assert.deepEqual(docs[0]!.hints?.authors, ["Ann Writer"]);
    assert.equal(docs[0]!.hints?.published, "2025-09-01T10:00:00Z");
  });

  it("takes a sitemap index: child sitemaps, pages, and failures as values", async () => {
    const { docs, errors } = await all(readInputs(`${srv.origin}/sitemap.xml`, opts()));
    assert.deepEqual(
      docs.map((d) => [d.url, d.hints?.title]),
      [[`${srv.origin}/a/1`, "Sitemap title"]],
    );
    assert.equal(errors.length, 1);
    assert.equal(errors[0]!.code, "http-status");
  });

  it("takes a robots.txt: the sitemaps it names", async () => {
    const { docs } = await all(readInputs(`${srv.origin}/robots.txt`, opts()));
    assert.deepEqual(
      docs.map((d) => d.sourceKind),
      ["sitemap"],
    );
  });

  it("takes a page URL as one document", async () => {
    const { docs } = await all(readInputs(`${srv.origin}/a/2`, opts()));
    assert.equal(docs.length, 1);
    assert.equal(docs[0]!.sourceKind, "url");
  });

  it("takes an OPML file, a directory of pages and a .gz file", async () => {
    const opml = join(dir, "subs.opml");
    await writeFile(opml, toOpml([{ xmlUrl: `${srv.origin}/feed.xml`, title: "Desk" }]));
    const fromOpml = await all(readInputs(opml, opts()));
    assert.equal(fromOpml.docs.length, 2);
    const pages = join(dir, "pages");
    await import("node:fs/promises").then((fs) => fs.mkdir(pages));
    await writeFile(join(pages, "a.html"), page("A"));
    await writeFile(join(pages, "b.txt"), "Plain text page.\n\nLatest Stories");
    await writeFile(join(pages, "c.html.gz"), gzipSync(page("C")));
    await writeFile(join(pages, "ignored.png"), "x");
    const fromDir = await all(readInputs(pages, opts()));
    assert.deepEqual(
      fromDir.docs.map((d) => d.input.slice(pages.length + 1)),
      ["a.html", "b.txt", "c.html.gz"],
    );
    assert.equal(new TextDecoder().decode(fromDir.docs[2]!.body), page("C"));
  });

  it("takes stdin and reports a missing path and a bad scheme as values", async () => {
    const { docs } = await all(
      readInputs("-", opts({ stdin: Readable.from([Buffer.from("Pasted text.")]) })),
    );
    assert.equal(docs[0]?.sourceKind, "stdin");
    const missing = await all(readInputs(join(dir, "nope.html"), opts()));
    assert.equal(missing.errors[0]?.code, "not-found");
    const ftp = await all(readInputs("ftp://x.example/feed", opts()));
    assert.equal(ftp.errors[0]?.code, "bad-input");
  });

  it("a paginated article brings its further pages, joined by extraction; the next post is not followed", async () => {
    const { docs, errors } = await all(readInputs(`${srv.origin}/long-read`, opts()));
    assert.deepEqual(errors, []);
    assert.equal(docs.length, 1);
    assert.deepEqual(
      docs[0]!.pages?.map((p) => p.url),
      [`${srv.origin}/long-read/2`, `${srv.origin}/long-read/3`],
    );
    const r = extractDocument(docs[0]!);
    assert.ok(r.ok);
    for (const n of [1, 2, 3]) assert.match(r.value.text, new RegExp(`On page ${n}, paragraph 3 tells`));
    assert.equal(
      r.value.text.split("How a town kept the sea out").length - 1 <= 1,
      true,
      "the standfirst once",
    );
    assert.equal(r.value.title, "The barrier");
    const post = await all(readInputs(`${srv.origin}/post-one`, opts()));
    assert.equal(post.docs[0]?.pages, undefined);
    assert.equal(srv.hits.get("/post-two"), undefined, "nothing fetched");
  });
});

describe("pollFeed", () => {
  it("reads new items, then gets 304 with the validators", async () => {
    const first = await pollFeed({ url: `${srv.origin}/feed.xml`, seen: new Set(["g1"]) }, opts());
    assert.ok(first.ok);
    assert.equal(first.value.status, "updated");
    assert.deepEqual(
      first.value.items.map((i) => i.id),
      ["g2"],
    );
    assert.equal(first.value.etag, '"f1"');
    assert.equal(first.value.nextPollMs, 60 * 60_000);
    assert.ok(first.value.health.lastSuccessAt);
    const second = await pollFeed(
      { url: `${srv.origin}/feed.xml`, etag: first.value.etag, health: first.value.health },
      opts(),
    );
    assert.ok(second.ok);
    assert.equal(second.value.status, "not-modified");
    assert.equal(second.value.health.consecutiveFailures, 0);
  });

  it("reports a feed that moved for good, not one that moved for now", async () => {
    const moved = await pollFeed({ url: `${srv.origin}/old-feed` }, opts());
    assert.ok(moved.ok);
    assert.equal(moved.value.movedTo, `${srv.origin}/feed.xml`);
    const temp = await pollFeed({ url: `${srv.origin}/temp-feed` }, opts());
    assert.ok(temp.ok);
    assert.equal(temp.value.movedTo, null);
    assert.equal(temp.value.finalUrl, `${srv.origin}/feed.xml`);
  });

  it("records failure, backs off and honours Retry-After on 429", async () => {
    const r = await pollFeed({ url: `${srv.origin}/limited` }, opts());
    assert.ok(r.ok);
    assert.equal(r.value.status, "failed");
    assert.equal(r.value.health.consecutiveFailures, 1);
    assert.equal(r.value.health.lastStatus, 429);
    assert.ok(r.value.nextPollMs >= 7200_000);
  });

  it("finds the new feed when the URL now serves a page", async () => {
    const r = await pollFeed({ url: `${srv.origin}/moved` }, opts());
    assert.ok(r.ok);
    assert.equal(r.value.status, "failed");
    assert.equal(r.value.error?.code, "feed-parse");
    assert.deepEqual(r.value.discovered, [`${srv.origin}/feed.xml`]);
  });
});
