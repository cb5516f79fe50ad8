/** Every feed fixture under ../shared/data/feeds parses or fails as a value: no throw, no hang. */
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, it } from "node:test";
import { parseFeed, parseSitemap } from "../../src/acquire/index.ts";
import { feedFiles } from "../eval/tasks/feeds.ts";

const ROOT = resolve(
  process.env.LEDE_SHARED_DATA ?? resolve(import.meta.dirname, "../../../shared/data"),
  "feeds",
);

describe("feed fixtures", { skip: existsSync(ROOT) ? false : "../shared/data/feeds is not present" }, () => {
  it("parses every fixture without throwing, and nearly all of them as feeds", () => {
    const files = feedFiles(ROOT);
    let parsed = 0;
    for (const f of files) {
      const r = parseFeed(readFileSync(f));
      if (r.ok) parsed++;
      else assert.equal(r.error.code, "feed-parse", f);
    }
    assert.ok(files.length > 2000);
    assert.ok(parsed / files.length > 0.98, `parsed ${parsed}/${files.length}`);
  });

  it("decodes legacy charsets in real feeds", () => {
    const r = parseFeed(readFileSync(join(ROOT, "rss-parser/input/encoding.rss")));
    assert.ok(r.ok);
    assert.equal(r.value.title, "Jornal de Notícias - Últimas Notícias");
    const w = parseFeed(readFileSync(join(ROOT, "miniflux/parser/testdata/encoding_WINDOWS-1251.xml")));
    assert.ok(w.ok);
    assert.match(w.value.items[0]?.title ?? "", /[А-Яа-я]/);
  });

  it("reads UTF-16 and UTF-32 feeds", () => {
    for (const name of [
      "simplepie/feed-utf16be.xml",
      "simplepie/feed-utf16le.xml",
      "feedparser-py/encoding/utf-32le.xml",
    ]) {
      const r = parseFeed(readFileSync(join(ROOT, name)));
      assert.ok(r.ok, name);
    }
  });

  it("reads the news crawler's Google News sitemap", () => {
    const r = parseSitemap(
      readFileSync(join(ROOT, "crawler-feeds-sitemaps/news-crawl_sitemap-news.xml")),
      "http://www.example.com/sitemap.xml",
    );
    assert.ok(r.ok);
    assert.equal(r.value.urls[0]?.url, "http://www.example.com/business/article55.html");
    assert.equal(r.value.urls[0]?.title, "Companies A, B in Merger Talks");
    assert.equal(r.value.urls[0]?.published, "2008-12-23T00:00:00Z");
  });
});
