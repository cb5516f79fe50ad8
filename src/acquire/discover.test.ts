import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { discoverFeeds } from "./discover.ts";

describe("discoverFeeds", () => {
  it("finds RSS, Atom and JSON feeds in the head, absolute and unique", () => {
    const html = `<html><head><base href="https://news.example/sub/">
      <link rel="alternate" type="application/rss+xml" title="RSS" href="feed.xml">
      <link rel="alternate" type="application/atom+xml" href="https://news.example/atom">
      <link rel="alternate" type="application/feed+json" href="/feed.json">
      <link rel="alternate" type="application/rss+xml" href="feed.xml">
      <link rel="alternate" hreflang="fr" href="/fr/">
      <link rel="stylesheet" href="/s.css"></head><body>
      <link rel="alternate" type="application/rss+xml" href="/late"></body></html>`;
    assert.deepEqual(discoverFeeds(html, "https://news.example/page"), [
      "https://news.example/sub/feed.xml",
      "https://news.example/atom",
      "https://news.example/feed.json",
    ]);
  });

  it("returns nothing for a page without feeds", () => {
    assert.deepEqual(discoverFeeds("<p>hi</p>", "https://x.example/"), []);
  });
});
