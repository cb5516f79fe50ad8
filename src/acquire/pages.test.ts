import assert from "node:assert/strict";
import { test } from "node:test";
import { isContinuation, nextPageLink, pageOf } from "./pages.ts";

test("a page number in the path, the query or a file name's suffix", () => {
  const p = (u: string) => pageOf(new URL(u));
  assert.deepEqual(p("https://x.example/news/story"), { page: 1, base: "https://x.example/news/story" });
  assert.equal(p("https://x.example/news/story/2").page, 2);
  assert.equal(p("https://x.example/news/story/page/3/").page, 3);
  assert.equal(p("https://x.example/news/story?page=2").page, 2);
  assert.equal(p("https://x.example/news/story?id=9&p=4").base, "https://x.example/news/story?id=9");
  assert.equal(p("https://x.example/news/story-2.html").base, "https://x.example/news/story.html");
});

test("only the next page of the same article is a continuation", () => {
  const yes: [string, string][] = [
    ["https://x.example/news/a-story", "https://x.example/news/a-story/2"],
    ["https://x.example/news/a-story/2", "https://x.example/news/a-story/3"],
    ["https://x.example/news/a-story", "https://x.example/news/a-story?page=2"],
    ["https://x.example/news/a-story.html", "https://x.example/news/a-story-2.html"],
    ["https://x.example/2025/08/22/a-story/", "https://x.example/2025/08/22/a-story/page/2/"],
  ];
  const no: [string, string][] = [
    ["https://x.example/news/a-story", "https://x.example/news/another-story"], // the next post
    ["https://x.example/news/a-story", "https://y.example/news/a-story/2"], // another site
    ["https://x.example/news/a-story", "https://x.example/news/a-story/3"], // skips a page
    ["https://x.example/news/a-story/3", "https://x.example/news/a-story/2"], // backwards
    ["https://x.example/story/123", "https://x.example/story/124"], // ids, not pages
    ["https://x.example/news/a-story", "javascript:alert(1)"],
  ];
  for (const [a, b] of yes) assert.equal(isContinuation(a, b), true, `${a} -> ${b}`);
  for (const [a, b] of no) assert.equal(isContinuation(a, b), false, `${a} -> ${b}`);
});

test("the next page is read from <link rel=next> in either attribute order, resolved", () => {
  const page = (link: string) =>
    `<html><head><title>t</title>${link}</head><body><a rel="next" href="/x">x</a></body></html>`;
  assert.equal(
    nextPageLink(page('<link rel="next" href="/news/a-story/2">'), "https://x.example/news/a-story"),
    "https://x.example/news/a-story/2",
  );
  assert.equal(
    nextPageLink(page("<link href='?page=2&amp;ref=1' rel='prev next'>"), "https://x.example/news/a-story"),
    "https://x.example/news/a-story?page=2&ref=1",
  );
  assert.equal(nextPageLink(page('<link rel="canonical" href="/c">'), "https://x.example/a"), null);
});
