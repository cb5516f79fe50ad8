import assert from "node:assert/strict";
import { test } from "node:test";
import { ELECTION, FERRY_A1, FERRY_A2, FERRY_B1 } from "../test-texts.ts";
import { DuplicateIndex } from "./duplicate-index.ts";
import { overlap, shingleSet } from "./shingles.ts";

const cutSecond = (t: string) =>
  t
    .split("\n\n")
    .filter((_, i) => i !== 1)
    .join("\n\n");

test("an exact copy with boilerplate added and case changed is an exact duplicate", () => {
  const idx = new DuplicateIndex();
  assert.equal(idx.add("a1", FERRY_A1).duplicateOf, null);
  const copy = `Source: Varnholm Post\n\n${FERRY_A1.toUpperCase()}\n\nShare this article`;
  assert.deepEqual(idx.add("c1", copy), { duplicateOf: "a1", kind: "exact", containment: 1, jaccard: 1 });
});

test("a copy with a paragraph cut and unknown boilerplate is a near duplicate", () => {
  const idx = new DuplicateIndex();
  idx.add("a1", FERRY_A1);
  idx.add("e1", ELECTION);
  const copy = `${cutSecond(FERRY_A1)}\n\nOur newsroom brings you the stories that matter from around the region every day.`;
  const m = idx.add("c1", copy);
  assert.equal(m.duplicateOf, "a1");
  assert.equal(m.kind, "near");
  assert.ok(m.containment >= 0.75 && m.containment < 1);
});

test("an excerpt (the first paragraphs) is contained in its original", () => {
  const idx = new DuplicateIndex();
  idx.add("a1", FERRY_A1);
  const excerpt = FERRY_A1.split("\n\n").slice(0, 2).join("\n\n");
  assert.equal(idx.add("x1", excerpt).duplicateOf, "a1");
  assert.equal(overlap(shingleSet(excerpt), shingleSet(FERRY_A1)).containment, 1);
});

test("other articles on the same event or the same kind of event are not copies", () => {
  const idx = new DuplicateIndex();
  idx.add("a1", FERRY_A1);
  assert.equal(idx.add("a2", FERRY_A2).duplicateOf, null);
  assert.equal(idx.add("b1", FERRY_B1).duplicateOf, null);
});

test("one quoted sentence inside a longer article is not a copy", () => {
  const idx = new DuplicateIndex();
  idx.add("a1", FERRY_A1);
  const quoting = `${FERRY_A2}\n\n${FERRY_A1.split("\n\n")[1]}`;
  assert.equal(idx.add("q1", quoting).duplicateOf, null);
});

test("the state survives toJSON and fromJSON", () => {
  const idx = new DuplicateIndex();
  idx.add("a1", FERRY_A1);
  idx.add("e1", ELECTION);
  const restored = DuplicateIndex.fromJSON(JSON.parse(JSON.stringify(idx.toJSON())));
  assert.equal(restored.size, 2);
  assert.equal(restored.find(cutSecond(FERRY_A1)).duplicateOf, "a1");
  assert.equal(restored.find(ELECTION).kind, "exact");
  assert.throws(() => restored.add("a1", "again"), /added twice/);
});

test("past maxArticles the oldest are forgotten, everywhere", () => {
  const idx = new DuplicateIndex({ maxArticles: 2 });
  idx.add("a1", FERRY_A1);
  idx.add("e1", ELECTION);
  idx.add("b1", FERRY_B1);
  assert.equal(idx.size, 2);
  assert.equal(idx.find(FERRY_A1).duplicateOf, null);
  assert.equal(idx.find(cutSecond(FERRY_A1)).duplicateOf, null);
  assert.equal(idx.find(ELECTION).duplicateOf, "e1");
  assert.deepEqual(
    idx.toJSON().entries.map((e) => e.id),
    ["e1", "b1"],
  );
});
