import assert from "node:assert/strict";
import { test } from "node:test";
import { parsePage } from "./dom.ts";
import { articleLd, readMeta } from "./meta.ts";
import { pageDates } from "./pagedates.ts";

function datesOf(html: string, url: string | null = null) {
  const dom = parsePage(html);
  const meta = readMeta(dom);
  return pageDates(dom, meta, articleLd(meta.ld), url);
}

test("a UTC timestamp takes the page's own offset when that gives the URL's day", () => {
  const html = `<html><head><meta property="article:published_time" content="2025-03-04T02:10:00+00:00"></head>
    <body><p>Comment <time datetime="2025-03-03T22:00:00-05:00">10 pm</time></p></body></html>`;
  assert.equal(datesOf(html, "https://example.org/2025/03/03/story").published, "2025-03-03T21:10:00-05:00");
  // Without a URL day to confirm it, the timestamp stays as given.
  assert.equal(datesOf(html, "https://example.org/story").published, "2025-03-04T02:10:00+00:00");
});

test("other meta names, scripts and the text after the headline give dates", () => {
  assert.equal(
    datesOf(`<html><head><meta name="published" content="July 17, 2025"></head><body></body></html>`)
      .published,
    "2025-07-17",
  );
  assert.equal(
    datesOf(`<html><body><script>window.data = {"page":{"publishDate":"2025-05-27"}};</script></body></html>`)
      .published,
    "2025-05-27",
  );
  const shown = `<html><body><nav>${"<a href='/x'>Menu item</a>".repeat(500)}</nav>
    <h1>Robots that map rooms</h1><h5><span>2024-11-06</span></h5><p>Text.</p></body></html>`;
  assert.equal(datesOf(shown).published, "2024-11-06");
  assert.equal(
    datesOf(`<html lang="de"><body><h1>Titel der Meldung</h1><p>17.05.2021</p></body></html>`).published,
    "2021-05-17",
  );
});

test("the modification date stands in when the page gives no other", () => {
  const html = `<html><head><meta property="article:modified_time" content="2023-06-12T10:39:42+00:00"></head><body></body></html>`;
  const d = datesOf(html);
  assert.equal(d.published, "2023-06-12T10:39:42+00:00");
  assert.equal(d.modified, d.published);
});
