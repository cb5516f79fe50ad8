import assert from "node:assert/strict";
import { test } from "node:test";
import { extractHtml } from "./index.ts";

/** Time allowed for a hostile page. */
const HOSTILE_MS = 5000;

const PARA =
  "The council approved the budget on Monday after a long debate, with most members backing the plan, " +
  "which raises spending on schools, roads and housing over the next three years.";

function page(body: string, head = ""): string {
  return `<!doctype html><html lang="en-GB"><head><title>Budget passes | The Daily</title>${head}</head><body>${body}</body></html>`;
}

test("article body without chrome, title without site name", () => {
  const html = page(
    `<nav><a href="/">Home</a><a href="/news">News</a></nav>
     <article><h1>Budget passes</h1><p class="byline">By Jane Doe</p>
       <div class="share-bar"><a href="#">Share</a></div>
       <p>${PARA}</p><h2>What changes</h2><p>${PARA.replace("Monday", "Tuesday")}</p></article>
     <aside class="related"><a href="/a">Another story about the council budget</a></aside>
     <footer>© 2025 The Daily</footer>`,
    '<meta property="og:site_name" content="The Daily"><meta name="author" content="Jane Doe">' +
      '<meta property="article:published_time" content="2025-09-01T10:20:00+02:00">',
  );
  const a = extractHtml(html, { url: "https://daily.example/news/budget" });
  assert.equal(a.title, "Budget passes");
  assert.deepEqual(a.authors, ["Jane Doe"]);
  assert.equal(a.published, "2025-09-01T10:20:00+02:00");
  assert.equal(a.language, "en");
  assert.equal(a.siteName, "The Daily");
  assert.equal(a.text.split("\n\n").length, 3);
  assert.match(a.text, /^The council approved/);
  assert.doesNotMatch(a.text, /Share|By Jane|Home|©/);
  assert.deepEqual(
    a.blocks.map((b) => b.type),
    ["paragraph", "heading", "paragraph"],
  );
  for (const b of a.blocks) assert.equal(a.text.slice(b.start, b.end).trim(), a.text.slice(b.start, b.end));
  assert.equal(a.related[0]?.url, "https://daily.example/a");
});

test("canonical URL when no url is given", () => {
  const a = extractHtml(page(`<p>${PARA}</p>`, '<link rel="canonical" href="https://daily.example/x">'));
  assert.equal(a.url, "https://daily.example/x");
});

test("10,000-deep nesting gets a result quickly", () => {
  const depth = 10_000;
  const html = page(`${"<div>".repeat(depth)}<p>${PARA}</p>${"</div>".repeat(depth)}`);
  const t0 = performance.now();
  const a = extractHtml(html);
  assert.ok(performance.now() - t0 < HOSTILE_MS);
  assert.match(a.text, /council approved/);
});

test("a 20 MB page gets a result quickly", () => {
  const filler = `<div class="x"><span>${"word ".repeat(20)}</span></div>`;
  const scripts = `<script>${"var a = 1;".repeat(100_000)}</script>`;
  let body = `<article><p>${PARA}</p></article>`;
  while (body.length < 20 * 1024 * 1024) body += filler.repeat(1000) + scripts;
  const t0 = performance.now();
  const a = extractHtml(page(body));
  assert.ok(performance.now() - t0 < HOSTILE_MS * 2, "took too long");
  assert.equal(typeof a.text, "string");
});

test("broken markup gets a result", () => {
  const cases = [
    `<p>${PARA}<div><p>unclosed <b>bold <i>italic</p></div>`,
    `<html><body><p>${PARA}</body></html></p></div></span>`,
    `<<<>>><p ${"a=".repeat(1000)}>${PARA}`,
    `<!-- never closed <p>${PARA}`,
    `<script>never closed ${PARA}`,
    "\u0000\uFFFF<p>\uD800</p>",
    "",
  ];
  for (const c of cases) {
    const a = extractHtml(c);
    assert.equal(typeof a.text, "string");
    assert.equal(
      a.blocks.every((b) => b.end <= a.text.length),
      true,
    );
  }
  assert.match(extractHtml(cases[0]!).text, /council approved/);
});

test("JSON-LD metadata and articleBody when the markup is thin", () => {
  const ld = {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    headline: "Budget passes",
    datePublished: "2025-09-01",
    author: [
      { "@type": "Person", name: "Jane Doe" },
      { "@type": "Person", name: "John Roe" },
    ],
    articleBody: [1, 2, 3, 4].map((n) => `${n}. ${PARA}`).join("\n"),
  };
  const a = extractHtml(
    page("<div id=app>Loading…</div>", `<script type="application/ld+json">${JSON.stringify(ld)}</script>`),
  );
  assert.deepEqual(a.authors, ["Jane Doe", "John Roe"]);
  assert.equal(a.published, "2025-09-01");
  assert.equal(a.blocks.length, 4);
});

test("JSON-LD in a meta tag counts as JSON-LD", () => {
  const ld = { "@type": "Article", headline: "Ferry timetable changes", datePublished: "2025-06-02" };
  const attrValue = JSON.stringify(ld).replace(/"/g, "&quot;");
  const a = extractHtml(page(`<p>${PARA}</p>`, `<meta name="script:ld+json" content="${attrValue}">`));
  assert.equal(a.published, "2025-06-02");
});

test("a shown date when the page has no date metadata", () => {
  const a = extractHtml(
    page(`<article><span class="post-date">March 4, 2025</span><p>${PARA}</p></article>`),
  );
  assert.equal(a.published, "2025-03-04");
  const b = extractHtml(page(`<article><p>Posted on 4 March 2025</p><p>${PARA}</p></article>`));
  assert.equal(b.published, "2025-03-04");
});

test("language: html lang, else detected from the text; a charset in lang is not a language", () => {
  const body =
    "<p>Der Stadtrat hat am Montag beschlossen, dass die Brücke im Frühjahr wieder geöffnet wird und die Arbeiten nicht verzögert sind. Die Stadt teilte mit, dass der Verkehr bis dahin umgeleitet wird.</p>";
  assert.equal(
    extractHtml(`<html lang="fr-CA"><body><article>${body}</article></body></html>`).language,
    "fr",
  );
  assert.equal(extractHtml(`<html><body><article>${body}</article></body></html>`).language, "de");
  assert.equal(
    extractHtml(`<html lang="utf-8"><body><article>${body}</article></body></html>`).language,
    "de",
  );
});

test("article whose own class carries a boilerplate word is read again leniently", () => {
  // "paywall-article" and "sidebar-grid" name the article's own containers on some themes.
  const html = page(
    `<header><a href="/">The Daily</a></header>
     <div class="sidebar-grid"><div class="paywall-article">
       <p>${PARA}</p><p>${PARA.replace("Monday", "Tuesday")}</p><p>${PARA.replace("Monday", "Friday")}</p>
     </div></div>
     <div class="newsletter-signup"><p>Sign up for our morning newsletter and get the news first.</p></div>
     <section class="comments">${`<div class="comment"><a href="/u">Reader</a><p>I read about the plan in the paper this week and I think the town should wait a year.</p></div>`.repeat(8)}</section>`,
  );
  const a = extractHtml(html);
  assert.equal(a.text.split("\n\n").length, 3);
  assert.match(a.text, /^The council approved/);
  assert.match(a.text, /Tuesday/);
  assert.doesNotMatch(a.text, /Sign up|Reader|town should wait/);
});

test("the lenient reading still drops consent prompts and comment threads", () => {
  // The article's own class took it in the first reading; the consent dialog is long prose too.
  const consent =
    "When you visit our website, we store cookies on your browser to collect information about you, " +
    "your preferences or your device, mostly to make the site work as you expect it to.";
  const html = page(
    `<div class="paywall-article"><p>${PARA}</p><p>${PARA.replace("Monday", "Tuesday")}</p></div>
     <div id="privacy-consent-sdk"><h3>Manage Consent Preferences</h3>${`<p>${consent}</p>`.repeat(6)}</div>
     <div class="article-comments">${`<p>I read about the plan in the paper this week and I think the town should wait a year or two.</p>`.repeat(4)}</div>`,
  );
  const a = extractHtml(html);
  assert.match(a.text, /^The council approved/);
  assert.match(a.text, /Tuesday/);
  assert.doesNotMatch(a.text, /cookies|Consent|town should wait/);
});

test("article left outside <html> by a stray </html> is found", () => {
  const html =
    `<!doctype html><html lang="en"><head><title>Budget passes</title></head><body>` +
    `<nav><a href="/">Home</a> <a href="/news">News about the council and the city</a></nav></body></html>` +
    `<div class="story"><p>${PARA}</p><p>${PARA.replace("Monday", "Tuesday")}</p></div>`;
  const a = extractHtml(html);
  assert.equal(a.text.split("\n\n").length, 2);
  assert.match(a.text, /^The council approved/);
});

test("an article in sections grows over sections whose prose cites its sources in links", () => {
  const cite = (n: number) =>
    `<p>Residents asked the council in section ${n} to publish the figures and the finance office ` +
    `answered that the <a href="/r${n}">published audit of the municipal accounts ${n}</a> lists them ` +
    `along with the spending on roads and the school repairs and the housing grants for this year.</p>`;
  const section = (n: number) =>
    `<div class="sec"><div class="inner"><div class="txt"><h2>Question ${n}</h2>${cite(n)}</div></div></div>`;
  const html = page(
    `<main><div class="col">
       <div class="sec"><div class="inner"><div class="txt"><h2>Overview</h2>
         <p>${PARA}</p><p>${PARA.replace("Monday", "Tuesday")}</p><p>${PARA.replace("Monday", "Friday")}</p>
       </div></div></div>
       ${[1, 2, 3, 4, 5].map(section).join("")}
     </div></main>`,
  );
  const a = extractHtml(html);
  assert.match(a.text, /The council approved/);
  for (const n of [1, 2, 3, 4, 5]) assert.match(a.text, new RegExp(`in section ${n} to publish`));
});

test("prose blocks inside the article keep their weak class words; captions do not", () => {
  const place = (name: string) =>
    `<div class="block block--embed"><h3>${name}</h3><p>${name} opened its doors on the corner of the square ` +
    `last spring and serves breakfast until noon, with bread baked in the back room every morning, a short ` +
    `menu of soups and salads, and coffee roasted by a neighbour two streets away from the market hall. ` +
    `On weekends the owners add a brunch with eggs from a farm outside town.</p></div>`;
  const html = page(
    `<article class="story"><h1>Budget passes</h1><p>${PARA}</p>
       <div class="wp-caption"><p>A long caption describing the photograph of the council chamber, with members ` +
      `seated around the table, the mayor at the head, and the public gallery filled with residents who came ` +
      `to hear the debate on the budget that evening, many of them holding signs about the schools.</p></div>
       ${["Cafe Alder", "Cafe Birch", "Cafe Cedar"].map(place).join("")}
     </article>`,
  );
  const a = extractHtml(html);
  for (const name of ["Alder", "Birch", "Cedar"]) assert.match(a.text, new RegExp(`Cafe ${name} opened`));
  assert.doesNotMatch(a.text, /long caption/);
});

test("segments of a streamed render are read where their placeholders stand, without the fallback", () => {
  const html = page(
    `<main><article><h1>Budget passes</h1><p>${PARA}</p>
       <template id="B:0"></template><div>Loading paragraph...</div>
       <p>${PARA.replace("Monday", "Friday")}</p></article></main>
     <div hidden id="S:0"><p>${PARA.replace("Monday", "Tuesday")}</p></div>`,
  );
  const a = extractHtml(html);
  assert.deepEqual(
    a.text.split("\n\n").map((t) => t.match(/on (\w+day)/)?.[1]),
    ["Monday", "Tuesday", "Friday"],
  );
  assert.doesNotMatch(a.text, /Loading/);
});

test("segments streamed into plain placeholders (P:n), nested in other segments, are read in place", () => {
  const html = page(
    `<main><article><h1>Budget passes</h1><p>${PARA}</p>
       <template id="B:0"></template><div>Loading...</div>
       <p>${PARA.replace("Monday", "Friday")}</p></article></main>
     <div hidden id="S:0"><template id="P:1"></template><div class="ad-slot"></div><template id="P:2"></template></div>
     <div hidden id="S:1"><p>${PARA.replace("Monday", "Tuesday")}</p></div>
     <div hidden id="S:2"><p>${PARA.replace("Monday", "Wednesday")}</p></div>`,
  );
  const a = extractHtml(html);
  assert.deepEqual(
    a.text.split("\n\n").map((t) => t.match(/on (\w+day)/)?.[1]),
    ["Monday", "Tuesday", "Wednesday", "Friday"],
  );
});

test("the headline repeated in the body after a one-word label is dropped", () => {
  const html = page(
    `<article><h1>Title: Budget passes</h1><p>${PARA}</p><p>${PARA.replace("Monday", "Tuesday")}</p></article>`,
    '<meta property="og:title" content="Budget passes">',
  );
  const a = extractHtml(html);
  assert.equal(a.title, "Budget passes");
  assert.match(a.text, /^The council approved/);
});

test("a link styled in a span of its own stays in its sentence; a line of links and footnote marks do not", () => {
  const html = page(
    `<article><p>${PARA}</p>
       <p><span>Before you start, make sure your roof is a </span><u><span><a href="/fit">good fit for panels</a></span></u><span> and read your last twelve bills, which show what the house uses over a year.</span></p>
       <p><span><a href="/movers/acme">Acme Movers</a></span><br><span>Number one of the twenty best moving firms in the city this year, by our count</span></p>
       <p><span>The team built a tool that walks experts through each step of the procedure.</span><span><a href="#fn-10">10</a></span><span> It is free to use.</span></p>
       <p>${PARA.replace("Monday", "Friday")}</p></article>`,
  );
  const text = extractHtml(html).text;
  assert.match(text, /roof is a good fit for panels and read/);
  assert.doesNotMatch(text, /Acme Movers/);
  assert.match(text, /procedure\. It is free/);
});

test("a link inside a sentence stays whatever its class words say", () => {
  const html = page(
    `<article><p>${PARA}</p>
       <p>After <a class="recommendation-inline-link" href="/ideas">announcing the plan</a>, the council may be eager to start the works, or feel overwhelmed by all the details.</p>
       <p>${PARA.replace("Monday", "Friday")}</p></article>`,
  );
  assert.match(extractHtml(html).text, /After announcing the plan, the council/);
});

test("zero-width characters inside a word do not split it", () => {
  const html = page(
    `<article><p>${PARA}</p><p>H\ufeffow to apply the formula: divide the differ\u200bence by the cost, then multiply the result by one hundred to get the percentage.</p></article>`,
  );
  assert.match(extractHtml(html).text, /How to apply the formula: divide the difference by/);
});

test("items of an ordered list carry the number the page shows", () => {
  const html = page(
    `<article><p>${PARA}</p><ol start="3"><li>Open the valve slowly and wait for the pressure to settle before going on.</li><li value="7">Close it again once the gauge reads two bar or a little less.</li></ol>
     <ul><li>Bullet items of an unordered list carry no number at all in the text.</li></ul><p>${PARA.replace("Monday", "Friday")}</p></article>`,
  );
  const text = extractHtml(html).text;
  assert.match(text, /\n3\. Open the valve/);
  assert.match(text, /\n7\. Close it again/);
  assert.match(text, /\nBullet items/);
});
