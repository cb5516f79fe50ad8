import assert from "node:assert/strict";
import { test } from "node:test";
import { parsePage } from "./dom.ts";
import { extractHtml } from "./index.ts";
import { findLead } from "./lead.ts";

const LEAD =
  "The council has approved next year's budget after a long debate, raising spending on schools and roads.";
const PARA =
  "The vote came late on Monday after members argued for hours over the plan, which the mayor had presented " +
  "in the spring and revised twice since then to win over the opposition.";

test("the standfirst above the article is its first paragraph", () => {
  const html =
    `<html><head><title>Budget passes</title><meta property="og:description" content="${LEAD}"></head><body>` +
    `<header><h1>Budget passes</h1><p class="standfirst">${LEAD}</p></header>` +
    `<article><p>${PARA}</p><p>${PARA.replace("Monday", "Tuesday")}</p></article></body></html>`;
  const a = extractHtml(html);
  assert.equal(a.text.split("\n\n")[0], LEAD);
  assert.equal(a.text.split("\n\n").length, 3);
});

test("no lead when the body has it already, or when no element shows the description", () => {
  const inBody =
    `<html><head><meta name="description" content="${LEAD}"></head><body>` +
    `<article><p>${LEAD}</p><p>${PARA}</p><p>${PARA}</p></article></body></html>`;
  assert.equal(
    extractHtml(inBody)
      .text.split("\n\n")
      .filter((t) => t === LEAD).length,
    1,
  );
  assert.equal(findLead(parsePage(`<div><p>${PARA}</p></div>`), [LEAD]), null);
});

test("a container whose text happens to equal the description is not a lead; chrome is not either", () => {
  assert.equal(findLead(parsePage(`<div><p>${LEAD}</p></div>`), [LEAD]), LEAD);
  assert.equal(
    findLead(parsePage(`<section><p>${LEAD.slice(0, 50)}</p><p>${LEAD.slice(50)}</p></section>`), [LEAD]),
    null,
  );
  assert.equal(findLead(parsePage(`<footer><p>${LEAD}</p></footer>`), [LEAD]), null);
  assert.equal(findLead(parsePage(`<p hidden>${LEAD}</p>`), [LEAD]), null);
});

test("many text nodes starting like the description under one large element stay fast", () => {
  const html = `<div>${"<b>The council met again today.</b> ".repeat(50000)}</div>`;
  const t0 = performance.now();
  assert.equal(findLead(parsePage(html), [LEAD]), null);
  assert.ok(performance.now() - t0 < 2000);
});
