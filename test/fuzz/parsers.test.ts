/**
 * Fuzzing every parser Lede feeds untrusted bytes to: each must return a value (a result or a failure
 * as a value) and never throw, and what it returns must keep its invariants. Seeds come from
 * ../shared/data; runs are bounded here and long under `npm run fuzz`.
 */
import assert from "node:assert/strict";
import { Readable } from "node:stream";
import { test } from "node:test";
import fc from "fast-check";
import { parseFeed, parseFeedDate, parseOpml, parseSitemap, readWarc } from "../../src/acquire/index.ts";
import { decodeBytes } from "../../src/core/index.ts";
import { ArticleSchema } from "../../src/core/schema.ts";
import { extractString } from "../../src/extract/index.ts";
import { parseQuery, toFts5 } from "../../src/store/query.ts";
import { mutated, params, seeds } from "./fuzz.ts";

const decoder = new TextDecoder();

function checkArticle(text: string, html: boolean): void {
  const r = extractString(text, {}, "fuzz");
  if (!r.ok) {
    assert.ok(["empty", "no-content", "binary"].includes(r.error.code), r.error.code);
    return;
  }
  ArticleSchema.parse(r.value);
  for (const b of r.value.blocks)
    assert.ok(
      b.start <= b.end && b.end <= r.value.text.length,
      `block out of text (${html ? "html" : "text"})`,
    );
}

test("HTML extraction never throws and its blocks index its text", () => {
  const pages = [
    ...seeds("extraction/wcxb-articles-dev/html", [".html.gz"], 25),
    ...seeds("extraction/fundus", [".html.gz"], 15),
  ];
  fc.assert(
    fc.property(mutated(pages), (bytes) => checkArticle(decodeBytes(bytes).text, true)),
    params,
  );
});

test("text-page extraction never throws on arbitrary text", () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 3000, unit: "grapheme" }), (s) => checkArticle(s, false)),
    params,
  );
});

test("feeds, OPML and sitemaps: a value, never a throw", () => {
  const feeds = seeds("feeds", [".xml", ".rss", ".atom", ".json", ".rdf"], 60);
  fc.assert(
    fc.property(mutated(feeds), (bytes) => {
      const r = parseFeed(bytes, { url: "https://example.com/feed" });
      if (r.ok) assert.ok(Array.isArray(r.value.items));
      const o = parseOpml(decoder.decode(bytes));
      assert.equal(typeof o.ok, "boolean");
      const s = parseSitemap(bytes, "https://example.com/sitemap.xml");
      assert.equal(typeof s.ok, "boolean");
    }),
    params,
  );
});

test("charset decoding and feed dates accept anything", () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 2000 }), fc.option(fc.string({ maxLength: 60 })), (bytes, ct) => {
      assert.equal(typeof decodeBytes(bytes, ct).text, "string");
    }),
    params,
  );
  fc.assert(
    fc.property(fc.string({ maxLength: 80 }), (s) => {
      const d = parseFeedDate(s);
      assert.ok(d === null || !Number.isNaN(Date.parse(d)), `bad date ${d}`);
    }),
    params,
  );
});

test("the search query language never yields an expression FTS5 would reject", () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 200 }), (q) => {
      const expr = toFts5(parseQuery(q));
      if (expr === null) return;
      // Every phrase is a double-quoted run of letters, digits and spaces.
      const stripped = expr.replace(/"[\p{L}\p{N} ]+"/gu, "").replace(/\b(?:AND|OR|NOT)\b|[() ]/g, "");
      assert.equal(stripped, "", expr);
    }),
    params,
  );
});

test("WARC reading yields values for broken archives", async () => {
  const warcs = seeds("warc", [".warc", ".warc.gz", ".arc", ".arc.gz"], 20);
  await fc.assert(
    fc.asyncProperty(mutated(warcs), async (bytes) => {
      let n = 0;
      for await (const r of readWarc(Readable.from([Buffer.from(bytes)]), { input: "fuzz.warc" })) {
        assert.equal(typeof r.ok, "boolean");
        if (++n > 5000) break;
      }
    }),
    { ...params, numRuns: Math.max(10, Math.floor(params.numRuns / 3)) },
  );
});
