import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseRobots, RobotsCache } from "./robots.ts";

describe("robots", () => {
  it("matches our token and wildcard rules", () => {
    const text =
      "User-agent: Lede\nDisallow: /private\nCrawl-delay: 3\n\nUser-agent: *\nDisallow: /\n\nSitemap: https://x.example/s.xml";
    const r = parseRobots("https://x.example/robots.txt", text, "Lede");
    assert.equal(r.isAllowed("https://x.example/news/1"), true);
    assert.equal(r.isAllowed("https://x.example/private/a"), false);
    assert.equal(r.crawlDelay(), 3);
    assert.deepEqual(r.sitemaps(), ["https://x.example/s.xml"]);
    const other = parseRobots("https://x.example/robots.txt", text, "OtherBot");
    assert.equal(other.isAllowed("https://x.example/news/1"), false);
  });

  it("allows all on 4xx, disallows on 5xx, caches per origin, and does not cache a throw", async () => {
    const cache = new RobotsCache();
    let loads = 0;
    const missing = await cache.get("https://a.example", "Lede", async () => {
      loads++;
      return { status: 404, text: "" };
    });
    assert.equal(missing.isAllowed("https://a.example/x"), true);
    await cache.get("https://a.example", "Lede", async () => {
      loads++;
      return { status: 200, text: "" };
    });
    assert.equal(loads, 1);
    const down = await cache.get("https://b.example", "Lede", async () => ({ status: 503, text: "" }));
    assert.equal(down.isAllowed("https://b.example/x"), false);
    await assert.rejects(
      cache.get("https://c.example", "Lede", async () => Promise.reject(new Error("blocked"))),
    );
    const later = await cache.get("https://c.example", "Lede", async () => ({
      status: 200,
      text: "User-agent: *\nAllow: /",
    }));
    assert.equal(later.isAllowed("https://c.example/x"), true);
  });
});
