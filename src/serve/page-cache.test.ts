import assert from "node:assert/strict";
import { test } from "node:test";
import { PageCache } from "./page-cache.ts";

test("pages are reused until their TTL, then refreshed once while the stale one is served; never null; cleared at once", async () => {
  let now = 0;
  let renders = 0;
  const cache = new PageCache(2, () => now);
  const render = async () => `page ${++renders}`;
  assert.equal(await cache.get("a", 1000, render), "page 1");
  assert.equal(await cache.get("a", 1000, render), "page 1");
  now = 1000;
  const [x, y] = await Promise.all([cache.get("a", 1000, render), cache.get("a", 1000, render)]);
  assert.deepEqual([x, y], ["page 1", "page 1"], "stale while one render runs");
  assert.equal(await cache.get("a", 1000, render), "page 2");
  assert.equal(renders, 2);
  assert.equal(await cache.get("missing", 1000, async () => null), null);
  assert.equal(cache.size, 1);
  await cache.get("b", 1000, render);
  await cache.get("c", 1000, render);
  assert.equal(cache.size, 2, "bounded");
  cache.clear();
  assert.equal(await cache.get("a", 1000, render), "page 5", "nothing stale after clear");
});

test("concurrent misses share one render, and a clear during a render drops its result", async () => {
  let renders = 0;
  let release = () => {};
  const cache = new PageCache();
  const slow = () =>
    new Promise<string>((resolve) => {
      renders++;
      release = () => resolve(`page ${renders}`);
    });
  const both = Promise.all([cache.get("k", 1000, slow), cache.get("k", 1000, slow)]);
  release();
  assert.deepEqual(await both, ["page 1", "page 1"]);
  assert.equal(renders, 1);
  cache.clear();
  const during = cache.get("j", 1000, slow);
  cache.clear();
  release();
  assert.equal(await during, "page 2");
  assert.equal(cache.size, 0);
});

test("a partial clear keeps only the entries named, and still drops renders under way", async () => {
  let renders = 0;
  const cache = new PageCache();
  const render = async () => `page ${++renders}`;
  await cache.get("article:1:d", 10_000, render);
  await cache.get("article:2:d", 10_000, render);
  await cache.get("home:0", 10_000, render);
  cache.clear((key) => key.startsWith("article:") && !key.startsWith("article:2:"));
  assert.equal(cache.size, 1);
  assert.equal(await cache.get("article:1:d", 10_000, render), "page 1", "kept");
  assert.equal(
    await cache.get("article:2:d", 10_000, render),
    "page 4",
    "the changed article is rendered again",
  );
  assert.equal(await cache.get("home:0", 10_000, render), "page 5", "lists are rendered again");
});
