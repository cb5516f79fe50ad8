import assert from "node:assert/strict";
import { test } from "node:test";
import { extractHtml } from "./index.ts";
import { scriptArticleHtml } from "./scriptdata.ts";

const PARAS = ["Monday", "Tuesday", "Wednesday", "Thursday"].map(
  (d) =>
    `<p>The council met on ${d} to debate the budget for the coming year, with members arguing over ` +
    `spending on schools, roads and housing until late in the evening.</p>`,
);

test("article markup in JSON state is found", () => {
  const state = JSON.stringify({ page: { title: "Budget", body: PARAS.join("") } });
  const html = `<html><body><div id="root"></div><script>window.__STATE__ = ${state};</script></body></html>`;
  const fragment = scriptArticleHtml(html);
  assert.ok(fragment?.includes("on Thursday"));
});

test("article markup escaped twice in a streamed render's payload is found, placeholders dropped", () => {
  const inner = JSON.stringify([
    "$",
    "div",
    null,
    { dangerouslySetInnerHTML: { __html: PARAS.join("$$AD$$") } },
  ]);
  const html =
    `<html><head><title>Budget</title></head><body><div id="app"></div>` +
    `<script>self.__next_f.push([1,${JSON.stringify(`5:${inner}\n`)}])</script></body></html>`;
  const a = extractHtml(html);
  assert.equal(a.text.split("\n\n").length, 4);
  assert.match(a.text, /^The council met on Monday/);
  assert.doesNotMatch(a.text, /\$\$|AD/);
});

test("a page whose markup holds the article does not read its scripts", () => {
  const state = JSON.stringify({ teaser: PARAS.map((p) => p.replace("council", "committee")).join("") });
  const html = `<html><body><article>${PARAS.join("")}</article><script>window.S = ${state};</script></body></html>`;
  assert.doesNotMatch(extractHtml(html).text, /committee/);
});

test("scripts without paragraph markup give nothing", () => {
  assert.equal(
    scriptArticleHtml(`<script>var x = ${JSON.stringify({ a: "x".repeat(500) })};</script>`),
    null,
  );
});
