/** Hostile and damaged inputs: every parser returns a value, quickly, whatever it is given. */
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { Readable } from "node:stream";
import { describe, it } from "node:test";
import { parseFeed, parseOpml, parseSitemap, readWarc } from "../../src/acquire/index.ts";

const FEEDS = resolve(
  process.env.LEDE_SHARED_DATA ?? resolve(import.meta.dirname, "../../../shared/data"),
  "feeds",
);
const enc = (s: string) => new TextEncoder().encode(s);

/** A small deterministic PRNG (mulberry32), so a failure can be replayed. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe("hostile markup", () => {
  it("refuses absurd nesting quickly instead of spinning", () => {
    const t0 = Date.now();
    const deep = `<rss><channel><item><description>${"<div>".repeat(200_000)}x</description></item></channel></rss>`;
    const r = parseFeed(enc(deep));
    assert.ok(!r.ok);
    assert.equal(r.error.code, "feed-parse");
    assert.ok(!parseOpml(`<opml><body>${"<outline text='a'>".repeat(100_000)}</body></opml>`).ok);
    assert.ok(!parseSitemap(enc(`<urlset>${"<url>".repeat(100_000)}</urlset>`), "https://x.example/").ok);
    assert.ok(Date.now() - t0 < 5000);
  });

  it("caps the items of a huge feed", () => {
    const r = parseFeed(
      enc(`<rss><channel>${"<item><title>x</title></item>".repeat(20_000)}</channel></rss>`),
    );
    assert.ok(r.ok);
    assert.equal(r.value.items.length, 10_000);
  });

  it("survives random bytes in every parser", async () => {
    const next = rng(42);
    for (let n = 0; n < 50; n++) {
      const bytes = Uint8Array.from({ length: 1 + Math.floor(next() * 4000) }, () =>
        Math.floor(next() * 256),
      );
      parseFeed(bytes);
      parseSitemap(bytes, "https://x.example/");
      parseOpml(new TextDecoder().decode(bytes));
      for await (const _ of readWarc(Readable.from([Buffer.from(bytes)]))) {
        // values only
      }
    }
  });
});

describe("damaged real feeds", {
  skip: existsSync(FEEDS) ? false : "../shared/data/feeds is not present",
}, () => {
  it("parses truncated and corrupted copies without throwing", () => {
    const next = rng(7);
    const files = [
      "rss-parser/input/guardian.rss",
      "feedjira/TechCrunch.xml",
      "miniflux/parser/testdata/small_atom.xml",
      "feedjira/json_feed.json",
    ];
    for (const f of files) {
      const bytes = readFileSync(join(FEEDS, f));
      for (let k = 0; k < 20; k++) {
        const cut = bytes.subarray(0, Math.floor(next() * bytes.length));
        parseFeed(cut);
        const flipped = Uint8Array.from(bytes);
        for (let j = 0; j < 20; j++) flipped[Math.floor(next() * flipped.length)] = Math.floor(next() * 256);
        parseFeed(flipped);
      }
    }
  });
});
