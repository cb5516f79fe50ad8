import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseFeed } from "./feed.ts";

const enc = (s: string) => new TextEncoder().encode(s);

describe("parseFeed", () => {
  it("reads RSS 2.0 with CDATA, HTML entities, dc:creator and relative links", () => {
    const r = parseFeed(
      enc(`<?xml version="1.0"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"
        xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>News &amp; Views</title>
        <link>https://news.example/</link><ttl>30</ttl>
        <item><title>Caf&eacute; opens&nbsp;today</title><link>/a/1</link><guid isPermaLink="false">x1</guid>
        <pubDate>Mon, 01 Sep 2025 10:20:00 +0200</pubDate><dc:creator>Jo Bloggs</dc:creator>
        <description><![CDATA[<p>Short</p>]]></description><content:encoded><![CDATA[<p>Long</p>]]></content:encoded></item>
        </channel></rss>`),
      { url: "https://news.example/feed.xml" },
    );
    assert.ok(r.ok);
    const f = r.value;
    assert.equal(f.format, "rss");
    assert.equal(f.title, "News & Views");
    assert.equal(f.ttl, 30);
    const i = f.items[0]!;
    assert.deepEqual(
      {
        id: i.id,
        url: i.url,
        title: i.title,
        published: i.published,
        authors: i.authors,
        summary: i.summary,
        content: i.contentHtml,
      },
      {
        id: "x1",
        url: "https://news.example/a/1",
        title: "Café opens\u00a0today",
        published: "2025-09-01T08:20:00Z",
        authors: ["Jo Bloggs"],
        summary: "<p>Short</p>",
        content: "<p>Long</p>",
      },
    );
  });

  it("reads Atom 1.0 with xhtml content and xml:base", () => {
    const r = parseFeed(
      enc(`<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://blog.example/"><title type="text">Blog</title>
        <link href="/"/><author><name>Ann</name></author>
        <entry><id>tag:x,2025:1</id><title>Hello</title><link rel="alternate" href="posts/1"/>
        <published>2025-09-01T10:00:00Z</published>
        <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Hi <b>there</b></p></div></content></entry></feed>`),
    );
    assert.ok(r.ok);
    const i = r.value.items[0]!;
    assert.equal(r.value.format, "atom");
    assert.equal(r.value.siteUrl, "https://blog.example/");
    assert.equal(i.url, "https://blog.example/posts/1");
    assert.deepEqual(i.authors, ["Ann"]);
    assert.equal(i.contentHtml, "<p>Hi <b>there</b></p>");
  });

  it("reads RDF (RSS 1.0) and JSON Feed 1.1", () => {
    const rdf = parseFeed(
      enc(`<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
        <channel rdf:about="https://x.org/"><title>R</title><link>https://x.org/</link></channel>
        <item rdf:about="https://x.org/1"><title>One</title><link>https://x.org/1</link></item></rdf:RDF>`),
    );
    assert.ok(rdf.ok);
    assert.equal(rdf.value.format, "rdf");
    assert.equal(rdf.value.items[0]?.url, "https://x.org/1");
    const json = parseFeed(
      enc(
        JSON.stringify({
          version: "https://jsonfeed.org/version/1.1",
          title: "J",
          items: [
            {
              id: "1",
              url: "https://j.org/1",
              title: "T",
              date_published: "2025-09-01T00:00:00Z",
              authors: [{ name: "A" }],
            },
          ],
        }),
      ),
    );
    assert.ok(json.ok);
    assert.equal(json.value.version, "1.1");
    assert.deepEqual(json.value.items[0]?.authors, ["A"]);
  });

  it("recovers from broken markup and legacy encodings", () => {
    const broken = parseFeed(
      enc("<rss><channel><title>T</title><item><title>Unclosed<item><title>Two</title></channel>"),
    );
    assert.ok(broken.ok);
    assert.ok(broken.value.items.length >= 1);
    const latin1 = parseFeed(
      Uint8Array.from([
        ...enc('<?xml version="1.0" encoding="ISO-8859-1"?><rss><channel><title>Not'),
        0xed,
        ...enc("cias</title></channel></rss>"),
      ]),
    );
    assert.ok(latin1.ok);
    assert.equal(latin1.value.title, "Notícias");
    // A server that says UTF-8 over Latin-1 bytes: the XML declaration is believed instead.
    const lying = parseFeed(
      Uint8Array.from([
        ...enc('<?xml version="1.0" encoding="ISO-8859-1"?><rss><channel><title>Not'),
        0xed,
        ...enc("cias</title></channel></rss>"),
      ]),
      { contentType: "application/rss+xml; charset=utf-8" },
    );
    assert.ok(lying.ok);
    assert.equal(lying.value.title, "Notícias");
  });

  it("fails with a clear code for what is not a feed", () => {
    for (const input of ["", "<!doctype html><html><body>x</body></html>", "<note>x</note>", "{bad json"]) {
      const r = parseFeed(enc(input));
      assert.ok(!r.ok);
      assert.equal(r.error.code, "feed-parse");
    }
  });
});
