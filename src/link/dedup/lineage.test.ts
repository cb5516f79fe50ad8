import assert from "node:assert/strict";
import { test } from "node:test";
import { FERRY_A1 } from "../test-texts.ts";
import { credits, diffCopy, pickOriginal } from "./lineage.ts";

test("credits finds credit lines and wire bylines", () => {
  assert.deepEqual(credits("Source: BBC News\n\nText."), ["bbc news"]);
  assert.deepEqual(
    credits("LONDON (Reuters) - Text.\n\nThis article was originally published on The Courier"),
    ["the courier", "reuters"],
  );
  assert.deepEqual(credits(FERRY_A1), []);
});

test("a credit line names the original", () => {
  const pick = pickOriginal([
    { id: "copy", text: `${FERRY_A1}\n\nSource: Varnholm Post`, published: "2025-03-01T08:00:00Z" },
    { id: "orig", text: FERRY_A1, siteName: "Varnholm Post", published: "2025-03-01T09:00:00Z" },
  ]);
  assert.deepEqual(pick, { original: "orig", reason: "credit", evidence: "copy credits varnholm post" });
});

test("a canonical link names the original", () => {
  const pick = pickOriginal([
    { id: "a", text: FERRY_A1, url: "https://aggregator.example/x", canonical: "https://post.example/ferry" },
    { id: "b", text: FERRY_A1, url: "https://post.example/ferry" },
  ]);
  assert.equal(pick.original, "b");
  assert.equal(pick.reason, "canonical");
});

test("without credits: the earliest, then the most complete, then the first seen", () => {
  assert.equal(
    pickOriginal([
      { id: "late", text: FERRY_A1, published: "2025-03-02" },
      { id: "early", text: FERRY_A1, published: "2025-03-01" },
    ]).original,
    "early",
  );
  const excerpt = FERRY_A1.split("\n\n").slice(0, 2).join("\n\n");
  assert.deepEqual(
    pickOriginal([
      { id: "short", text: excerpt },
      { id: "full", text: FERRY_A1 },
    ]).reason,
    "most-complete",
  );
  assert.equal(
    pickOriginal([
      { id: "x", text: FERRY_A1 },
      { id: "y", text: FERRY_A1 },
    ]).reason,
    "first-seen",
  );
});

test("diffCopy reports the headline, cut, added and changed paragraphs", () => {
  const paras = FERRY_A1.split("\n\n");
  const copy = [
    paras[0],
    paras[1]!.replace("180 survivors", "about 180 survivors"),
    paras[3],
    "Source: Varnholm Post",
  ].join("\n\n");
  const d = diffCopy(
    { text: FERRY_A1, title: "Ferry sinks off Varnholm" },
    { text: copy, title: "212 feared lost" },
  );
  assert.deepEqual(d.headline, { from: "Ferry sinks off Varnholm", to: "212 feared lost" });
  assert.equal(d.kept, 2);
  assert.deepEqual(
    d.changed.map((c) => [c.from, c.to]),
    [[1, 1]],
  );
  assert.deepEqual(d.cut, [{ index: 2, text: paras[2] }]);
  assert.deepEqual(d.added, [{ index: 3, text: "Source: Varnholm Post", boilerplate: true }]);
});
