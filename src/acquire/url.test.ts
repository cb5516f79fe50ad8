import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { canonicalizeUrl, resolveUrl } from "./url.ts";

describe("canonicalizeUrl", () => {
  it("drops tracking parameters, fragments and default ports, lower-cases the host", () => {
    assert.equal(
      canonicalizeUrl("HTTPS://News.Example.COM:443/a/b?utm_source=x&id=2&fbclid=abc#comments"),
      "https://news.example.com/a/b?id=2",
    );
    assert.equal(canonicalizeUrl("http://example.com:80?utm_medium=rss"), "http://example.com/");
    assert.equal(canonicalizeUrl("http://example.com./x?"), "http://example.com/x");
  });

  it("keeps meaningful parameters in their order", () => {
    assert.equal(canonicalizeUrl("https://x.org/s?q=a&page=2"), "https://x.org/s?q=a&page=2");
  });

  it("returns what it cannot parse unchanged", () => {
    assert.equal(canonicalizeUrl("not a url"), "not a url");
  });
});

describe("resolveUrl", () => {
  it("resolves relative references and rejects junk", () => {
    assert.equal(resolveUrl("/a", "https://x.org/b/c"), "https://x.org/a");
    assert.equal(resolveUrl("", "https://x.org/"), null);
    assert.equal(resolveUrl("/a"), null);
  });
});
