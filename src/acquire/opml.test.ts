import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { flattenOpml, parseOpml, toOpml } from "./opml.ts";

describe("OPML", () => {
  it("reads nested outlines with their folder path and category attribute", () => {
    const r = parseOpml(`<?xml version="1.0"?><opml version="2.0"><head><title>x</title></head><body>
      <outline text="News"><outline text="World"><outline text="BBC" xmlUrl="https://bbc.example/rss" htmlUrl="https://bbc.example/" category="/uk,tv"/></outline></outline>
      <outline text="Loose &amp; Free" type="rss" xmlUrl="https://x.example/feed"/></body></opml>`);
    assert.ok(r.ok);
    const feeds = flattenOpml(r.value);
    assert.equal(feeds.length, 2);
    assert.deepEqual(feeds[0]!.categories, ["News", "World", "uk", "tv"]);
    assert.equal(feeds[1]!.title, "Loose & Free");
  });

  it("round-trips through toOpml", () => {
    const text = toOpml([
      {
        xmlUrl: "https://a.example/feed?x=1&y=2",
        title: 'A "quoted" <feed>',
        categories: ["World", "Extra"],
      },
      { xmlUrl: "https://b.example/rss" },
    ]);
    const r = parseOpml(text);
    assert.ok(r.ok);
    const feeds = flattenOpml(r.value);
    assert.deepEqual(
      feeds.map((f) => [f.xmlUrl, f.title, f.categories]),
      [
        ["https://a.example/feed?x=1&y=2", 'A "quoted" <feed>', ["World", "Extra"]],
        ["https://b.example/rss", "https://b.example/rss", []],
      ],
    );
  });

  it("refuses what is not OPML", () => {
    const r = parseOpml("<rss/>");
    assert.ok(!r.ok);
    assert.equal(r.error.code, "bad-input");
  });
});

describe("config/starter.opml", () => {
  it("is valid OPML with https feed URLs in folders", async () => {
    const { readFileSync } = await import("node:fs");
    const text = readFileSync(new URL("../../config/starter.opml", import.meta.url), "utf8");
    const r = parseOpml(text);
    assert.ok(r.ok);
    const feeds = flattenOpml(r.value);
    assert.ok(feeds.length >= 10);
    for (const f of feeds) {
      assert.match(f.xmlUrl ?? "", /^https:\/\//);
      assert.equal(f.categories.length, 1);
    }
  });
});
