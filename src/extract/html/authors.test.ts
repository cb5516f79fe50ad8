import assert from "node:assert/strict";
import { test } from "node:test";
import { ldAuthors, looksLikeName, parseAuthors, pickAuthors } from "./authors.ts";
import { parsePage } from "./dom.ts";
import { articleLd, readMeta } from "./meta.ts";

function authorsOf(html: string, site: string | null = null, host: string | null = null): string[] {
  const dom = parsePage(html);
  const meta = readMeta(dom);
  return pickAuthors(dom, meta, articleLd(meta.ld), site, host);
}

test("bylines become names", () => {
  assert.deepEqual(parseAuthors("By Jane Doe and John Roe"), ["Jane Doe", "John Roe"]);
  assert.deepEqual(parseAuthors("Jane Doe | May 3, 2024"), ["Jane Doe"]);
  assert.deepEqual(parseAuthors("jane@example.com"), []);
  assert.deepEqual(parseAuthors('"Jane Doe"'), ["Jane Doe"]);
});

test("a dateline after the name is not an author; an agency is", () => {
  assert.deepEqual(parseAuthors("Von Anna Schmidt, Berlin"), ["Anna Schmidt"]);
  assert.deepEqual(parseAuthors("Anna Schmidt und Karl Bauer, dpa"), ["Anna Schmidt", "Karl Bauer", "dpa"]);
  assert.deepEqual(parseAuthors("Press Association in Leeds"), ["Press Association"]);
  assert.deepEqual(parseAuthors("Posted by Dana at 10:15 AM"), ["Dana"]);
});

test("labels, photo credits, roles and calendar words are not names", () => {
  assert.deepEqual(parseAuthors("Text by"), []);
  assert.deepEqual(parseAuthors("Recipe by"), []);
  assert.deepEqual(parseAuthors("Photo by Lena Ford"), []);
  assert.deepEqual(parseAuthors("Sat"), []);
  assert.deepEqual(parseAuthors("Full Bio"), []);
  assert.deepEqual(parseAuthors("Priya Nair, Trial Attorney at Hale & Co"), ["Priya Nair"]);
  assert.deepEqual(parseAuthors("This post was written by Priya Nair, Head of Marketing and Outreach"), [
    "Priya Nair",
  ]);
  assert.equal(looksLikeName("Personal finance"), false);
  assert.equal(looksLikeName("Ana de la Cruz"), true);
  assert.equal(looksLikeName("김민수"), true);
});

test("JSON-LD authors prefer people over organisations, and compose given and family names", () => {
  assert.deepEqual(
    ldAuthors([
      { "@type": "Person", name: "Jane Doe" },
      { "@type": "Organization", name: "The Daily" },
    ]),
    ["Jane Doe"],
  );
  assert.deepEqual(ldAuthors({ "@type": "Organization", name: "The Daily" }), ["The Daily"]);
  assert.deepEqual(ldAuthors("https://example.com/author/jane"), []);
  assert.deepEqual(
    ldAuthors([
      { "@type": "Person", givenName: "Mara", familyName: "Keller" },
      [{ "@type": "Person", givenName: "Tom", familyName: "Berg" }],
    ]),
    ["Mara Keller", "Tom Berg"],
  );
});

test("a person in the byline beats an organisation in JSON-LD", () => {
  const html = `<html><head><script type="application/ld+json">
    {"@type":"NewsArticle","headline":"Tides","author":{"@type":"Organization","name":"Harbour Labs"}}
  </script></head><body><div class="post-author">Written by <span>Oskar Lind</span></div></body></html>`;
  assert.deepEqual(authorsOf(html), ["Oskar Lind"]);
});

test("an initials avatar gives way to the full name", () => {
  const html = `<body><div class="author-box"><span class="avatar">OL</span><span>Oskar Lind</span></div></body>`;
  assert.deepEqual(authorsOf(html), ["Oskar Lind"]);
});

test("a user handle counts when nobody is named; the site only when nothing else is", () => {
  const handle = `<html><head><meta name="author" content="okind"></head><body><p>Text</p></body></html>`;
  assert.deepEqual(authorsOf(handle), ["okind"]);
  const admin = `<html><head><meta name="author" content="siteadmin"></head><body><p>Text</p></body></html>`;
  assert.deepEqual(authorsOf(admin), []);
  const site = `<html><head><meta name="author" content="Harbour Times"></head><body><p>Text</p></body></html>`;
  assert.deepEqual(authorsOf(site, "Harbour Times"), ["Harbour Times"]);
  const desk = `<html><head><meta name="author" content="Harbour Staff"></head>
    <body><span class="byline">By Oskar Lind</span></body></html>`;
  assert.deepEqual(authorsOf(desk), ["Oskar Lind"]);
});

test("a label in a menu does not make the next item an author", () => {
  const html = `<body><ul><li><a href="/a">Authors</a></li><li><a href="/c">Courts</a></li></ul><p>Story.</p></body>`;
  assert.deepEqual(authorsOf(html), []);
});

test("post-nominal letters, a leading date and a label before the name", () => {
  assert.deepEqual(parseAuthors("Jane Roe, MS, RDN, LD"), ["Jane Roe"]);
  assert.deepEqual(parseAuthors("Mar. 4, 2025 · Jane Roe"), ["Jane Roe"]);
  const dom = parsePage(
    "<html><body><ul><li><strong>Autorin/Autor</strong> Jane Roe</li></ul><p>Text of the story.</p></body></html>",
  );
  assert.deepEqual(pickAuthors(dom, readMeta(dom), null, null, null), ["Jane Roe"]);
});

test("every citation_author tag, 'Family, Given' turned round", () => {
  const dom = parsePage(
    `<html><head><meta name="author" content="Ada Quill"><meta name="citation_author" content="Quill, Ada"><meta name="citation_author" content="Marsh, Tobin"></head><body><p>Text.</p></body></html>`,
  );
  assert.deepEqual(pickAuthors(dom, readMeta(dom), null, null, null), ["Ada Quill", "Tobin Marsh"]);
});
