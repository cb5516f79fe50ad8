import assert from "node:assert/strict";
import { test } from "node:test";
import { extractHtmlWithExtras } from "./index.ts";

/** An AMP page as publishers serve them: the article's markup among AMP's chrome components. */
const AMP_PAGE = `<!doctype html><html ⚡ lang="en"><head><meta charset="utf-8">
<title>Harbour tunnel opens a year late | The Fenmouth Gazette</title>
<link rel="canonical" href="https://gazette.example/news/harbour-tunnel">
<script async src="https://cdn.ampproject.org/v0.js"></script>
<style amp-custom>body{font-family:serif}</style></head>
<body>
<amp-analytics type="gtag"><script type="application/json">{"vars":{"gtag_id":"X"}}</script></amp-analytics>
<amp-sidebar id="menu" layout="nodisplay"><ul><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li>
<li><a href="/weather">Weather and tides for the whole coast this week</a></li></ul></amp-sidebar>
<amp-consent id="consent" layout="nodisplay"><div>We and our partners use cookies to personalise ads. Accept all to continue reading.</div></amp-consent>
<article>
<h1>Harbour tunnel opens a year late</h1>
<amp-img src="/tunnel.jpg" width="800" height="450" layout="responsive" alt="The tunnel entrance"></amp-img>
<p>The harbour tunnel under the Fen estuary opened to traffic on Monday, a year later than planned and
well over its budget, after engineers finished sealing the last of its concrete segments.</p>
<amp-ad width="300" height="250" type="doubleclick" data-slot="/1/news"><div fallback><p>Save on coastal holidays this winter with our partners at Seaview Breaks, booking now for spring.</p></div></amp-ad>
<p>The council said the crossing would cut the journey between the two halves of the town from forty
minutes to six, and that tolls would not be charged for the first month.</p>
<amp-social-share type="twitter"></amp-social-share><amp-social-share type="facebook"></amp-social-share>
<amp-list src="/related.json" layout="fixed-height" height="120"><div placeholder><p>Loading more stories from the newsroom for you to read next.</p></div></amp-list>
<p>Residents who lived beside the works for four years said they were glad the drilling had stopped, though
some worried about traffic on the approach roads.</p>
</article>
</body></html>`;

test("an AMP page reads like any page: its components of chrome and media stay out of the text", () => {
  const { article } = extractHtmlWithExtras(AMP_PAGE, {});
  assert.equal(article.title, "Harbour tunnel opens a year late");
  assert.match(article.text, /^The harbour tunnel under the Fen estuary opened/);
  assert.match(article.text, /some worried about traffic on the approach roads\.$/);
  assert.equal(article.text.split("\n\n").length, 3);
  for (const chrome of ["cookies", "Seaview", "Weather and tides", "Loading more"])
    assert.ok(!article.text.includes(chrome), chrome);
  assert.equal(
    article.url,
    "https://gazette.example/news/harbour-tunnel",
    "the canonical article, not the AMP page",
  );
});
