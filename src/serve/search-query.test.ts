import assert from "node:assert/strict";
import { test } from "node:test";
import { isEmptySearch, parseQuoteQuestion, parseSearch } from "./search-query.ts";

test("operators come out, the text query (phrases, OR, -) stays", () => {
  assert.deepEqual(
    parseSearch(
      'entity:"Vladimir Putin" "peace talks" OR ceasefire -crimea source:bbc.co.uk from:2025-08 to:2025-09-01',
    ),
    {
      text: '"peace talks" OR ceasefire -crimea',
      entity: "Vladimir Putin",
      source: "bbc.co.uk",
      from: "2025-08",
      to: "2025-09-01",
      type: "article",
      problems: [],
    },
  );
  assert.deepEqual(parseSearch("type:Quote nato"), { text: "nato", type: "quote", problems: [] });
});

test("bad operator values are reported, not applied; unknown prefixes are words", () => {
  const s = parseSearch("from:yesterday type:poem http://x.example entity:");
  assert.equal(s.from, undefined);
  assert.equal(s.type, "article");
  assert.equal(s.text, "http://x.example");
  assert.equal(s.problems.length, 3);
  assert.equal(isEmptySearch(parseSearch("   ")), true);
});

test("a question to the quote finder names the speaker and the topic", () => {
  assert.deepEqual(parseQuoteQuestion("What did Putin say about Nato?"), { speaker: "Putin", text: "Nato" });
  assert.deepEqual(parseQuoteQuestion("what has Donald Trump said"), { speaker: "Donald Trump", text: "" });
  assert.deepEqual(parseQuoteQuestion("nato expansion"), { text: "nato expansion" });
});
