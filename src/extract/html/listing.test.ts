import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { extractHtml } from "./index.ts";

const para = (words: number, seed: string) =>
  Array.from({ length: words }, (_, i) => `${seed}${i % 7 === 0 ? "." : ""}`).join(" ");

/** A tag page: a page heading, then cards of a linked headline and a short excerpt. */
function tagPage(cards: number, head = ""): string {
  const card = (i: number) => `
    <div class="node node-teaser">
      <h2><a href="/post/harbour-story-${i}">Harbour pilots report number ${i} on the night shift</a></h2>
      <div class="meta">post by Ada Lind on March ${i + 1}, 2024</div>
      <p>${para(40, `excerpt${i}`)}</p>
      <div class="links"><a href="/post/harbour-story-${i}">Read</a> <a href="/post/harbour-story-${i}#comments">3 comments</a></div>
    </div>`;
  return `<html><head><title>Pilots | Harbour Weekly</title>${head}</head><body>
    <nav><a href="/">Home</a> <a href="/news">News</a></nav>
    <div id="content"><h1>Pilots</h1>${Array.from({ length: cards }, (_, i) => card(i)).join("")}</div>
    <footer><p>Harbour Weekly, all rights reserved.</p></footer></body></html>`;
}

describe("listing pages", () => {
  it("a tag page of linked headlines and excerpts is a listing", () => {
    assert.equal(extractHtml(tagPage(6), { url: "https://harbour.example/tag/pilots" }).pageKind, "listing");
  });

  it("a tag page holding a single teaser is a listing too", () => {
    assert.equal(extractHtml(tagPage(1), { url: "https://harbour.example/tag/pilots" }).pageKind, "listing");
  });

  it("an archive of cards whose headlines sit in their own <header> is a listing", () => {
    const cards = Array.from(
      { length: 6 },
      (_, i) => `<article class="post"><header class="entry-header">
        <h2 class="entry-title"><a href="https://blog.example/2024/03/post-${i}/">Post number ${i} about harbour pilots</a></h2>
        <div class="entry-meta">March ${i + 1}, 2024</div></header>
        <div class="entry-summary"><p>${para(35, `w${i}`)}</p></div></article>`,
    ).join("");
    const page = `<html><head><title>Pilots Archives - Harbour Blog</title></head><body>
      <header id="masthead"><nav><a href="/">Home</a></nav></header>
      <main><header class="page-header"><h1>Category: Pilots</h1></header>${cards}</main></body></html>`;
    assert.equal(extractHtml(page, { url: "https://blog.example/category/pilots/" }).pageKind, "listing");
  });

  it("a page declaring itself an article is never a listing", () => {
    const page = tagPage(6, `<meta property="og:type" content="article">`);
    assert.equal(extractHtml(page, { url: "https://harbour.example/tag/pilots" }).pageKind, "article");
  });

  it("an article with related headlines beside it is an article", () => {
    const page = `<html><head><title>Pilots strike at dawn | Harbour Weekly</title></head><body>
      <article><h1>Pilots strike at dawn</h1>
        <p>${para(120, "strike")}</p><p>${para(120, "union")}</p></article>
      <div class="more"><h3><a href="/post/one">Ferry timetable changes for the winter</a></h3>
        <h3><a href="/post/two">New crane arrives at the container terminal</a></h3></div>
      </body></html>`;
    assert.equal(extractHtml(page, { url: "https://harbour.example/post/strike" }).pageKind, "article");
  });

  it("an article whose headline links to its own section or edition is an article", () => {
    const page = `<html><head><title>Pilots strike at dawn over night shifts | Harbour Weekly</title></head><body>
      <h1><a href="/news/pilots">Pilots strike at dawn over night shifts</a></h1>
      <p>${para(60, "strike")}</p></body></html>`;
    assert.equal(extractHtml(page, { url: "https://harbour.example/post/strike" }).pageKind, "article");
  });

  it("a headline linking to the page itself is no teaser", () => {
    const page = `<html><head><title>Harbour Weekly</title></head><body>
      <h2><a href="https://harbour.example/post/strike#top">Pilots strike at dawn over night shifts</a></h2>
      <p>${para(60, "strike")}</p></body></html>`;
    assert.equal(extractHtml(page, { url: "https://harbour.example/post/strike" }).pageKind, "article");
  });
});
