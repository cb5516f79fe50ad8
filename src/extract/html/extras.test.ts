import assert from "node:assert/strict";
import { test } from "node:test";
import { extractHtmlWithExtras } from "./index.ts";

test("lead image, section and keywords from Open Graph, JSON-LD and meta tags", () => {
  const html = `<html><head>
    <meta property="og:image" content="/media/bridge.jpg">
    <meta property="article:section" content="Local">
    <meta name="news_keywords" content="bridges, Rivertown, Transport">
    <meta property="article:tag" content="transport">
    <meta property="article:tag" content="Spring works">
    <script type="application/ld+json">{"@type":"NewsArticle","headline":"Bridge reopens","keywords":["Rivertown","council"]}</script>
  </head><body><article><p>The bridge reopens in spring.</p></article></body></html>`;
  const { article, extras } = extractHtmlWithExtras(html, { url: "https://news.example.org/local/bridge" });
  assert.equal(article.title, "Bridge reopens");
  assert.equal(extras.image, "https://news.example.org/media/bridge.jpg");
  assert.equal(extras.section, "Local");
  assert.deepEqual(extras.keywords, ["Rivertown", "council", "bridges", "Transport", "Spring works"]);
});

test("JSON-LD ImageObject and articleSection lists; no script URLs", () => {
  const html = `<html><head><script type="application/ld+json">{"@type":"Article","headline":"H",
    "image":[{"@type":"ImageObject","url":"https://cdn.example.org/a.png"}],"articleSection":["Sport","Football"]}</script>
    </head><body></body></html>`;
  const { extras } = extractHtmlWithExtras(html);
  assert.equal(extras.image, "https://cdn.example.org/a.png");
  assert.equal(extras.section, "Sport");
  const bad = extractHtmlWithExtras(
    `<html><head><meta property="og:image" content="javascript:alert(1)"></head></html>`,
  );
  assert.equal(bad.extras.image, null);
  assert.deepEqual(bad.extras.keywords, []);
});
