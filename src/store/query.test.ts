import assert from "node:assert/strict";
import { test } from "node:test";
import { parseQuery, toFts5 } from "./query.ts";

test("words, phrases, negation and OR become a safe FTS5 expression", () => {
  assert.equal(
    toFts5(parseQuery('putin "peace talks" -crimea')),
    '("putin" AND "peace talks") NOT ("crimea")',
  );
  assert.equal(toFts5(parseQuery("kyiv OR kiev")), '"kyiv" OR "kiev"');
});

test("syntax characters cannot leak into the expression", () => {
  assert.equal(toFts5(parseQuery('NEAR( title:"x* ^y')), '"near" AND "title x" AND "y"');
  assert.equal(toFts5(parseQuery("*** ((( )))")), null);
  assert.equal(toFts5(parseQuery("-only -negative")), null);
});
