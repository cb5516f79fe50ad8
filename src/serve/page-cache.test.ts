import assert from "node:assert/strict";
import { test } from "node:test";
import { PageCache } from "./page-cache.ts";

test("pages are reused until their TTL, never null, and cleared at once", async () => {
  let now = 0;
  let renders = 0;
  const cache = new PageCache(2, () => now);
  const render = async () => `page ${++renders}`;
  assert.equal(await cache.get("a", 1000, render), "page 1");
  assert.equal(await cache.get("a", 1000, render), "page 1");
  now = 1000;
  assert.equal(await cache.get("a", 1000, render), "page 2");
  assert.equal(await cache.get("missing", 1000, async () => null), null);
  assert.equal(cache.size, 1);
  await cache.get("b", 1000, render);
  await cache.get("c", 1000, render);
  assert.equal(cache.size, 2, "bounded");
  cache.clear();
  assert.equal(await cache.get("a", 1000, render), "page 5");
});
