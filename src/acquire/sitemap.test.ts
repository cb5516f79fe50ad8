import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { gzipSync } from "node:zlib";
import { parseSitemap, sitemapsFromRobots } from "./sitemap.ts";

const enc = (s: string) => new TextEncoder().encode(s);

describe("parseSitemap", () => {
  it("reads a Google News urlset, gzipped", () => {
    const xml = `<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
      xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"><url><loc>https://x.example/a</loc>
      <lastmod>2025-09-01</lastmod><news:news><news:publication_date>2025-09-01T10:00:00+02:00</news:publication_date>
      <news:title>Talks &amp; more</news:title></news:news></url><url><loc>https://x.example/b</loc></url></urlset>`;
    const r = parseSitemap(gzipSync(enc(xml)), "https://x.example/sitemap.xml.gz");
    assert.ok(r.ok);
    assert.deepEqual(r.value.urls[0], {
      url: "https://x.example/a",
      lastmod: "2025-09-01T00:00:00Z",
      title: "Talks & more",
      published: "2025-09-01T08:00:00Z",
    });
    assert.equal(r.value.urls.length, 2);
  });

  it("reads a sitemap index", () => {
    const r = parseSitemap(
      enc(
        `<sitemapindex><sitemap><loc>https://x.example/s1.xml</loc></sitemap><sitemap><loc>/s2.xml</loc></sitemap></sitemapindex>`,
      ),
      "https://x.example/sitemap.xml",
    );
    assert.ok(r.ok);
    assert.deepEqual(r.value.sitemaps, ["https://x.example/s1.xml", "https://x.example/s2.xml"]);
  });

  it("refuses what is not a sitemap", () => {
    const r = parseSitemap(enc("<rss></rss>"), "https://x.example/");
    assert.ok(!r.ok);
  });

  it("reads Sitemap lines of robots.txt", () => {
    assert.deepEqual(
      sitemapsFromRobots(
        "User-agent: *\nSitemap: /news.xml\nsitemap:https://x.example/a.xml",
        "https://x.example/robots.txt",
      ),
      ["https://x.example/news.xml", "https://x.example/a.xml"],
    );
  });
});
