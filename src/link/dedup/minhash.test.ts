import assert from "node:assert/strict";
import { test } from "node:test";
import { ELECTION, FERRY_A1, FERRY_A2 } from "../test-texts.ts";
import { bandKeys, LshIndex, minhash, NUM_HASHES } from "./minhash.ts";
import { intersectionSize, overlap, shingleSet } from "./shingles.ts";

test("shingles stay inside paragraphs and skip boilerplate", () => {
  assert.equal(shingleSet("a b c d e").length, 2);
  assert.equal(shingleSet("a b\n\nc d e").length, 2);
  assert.deepEqual(shingleSet("Source: BBC\n\na b c d"), shingleSet("a b c d"));
  assert.equal(intersectionSize(Uint32Array.of(1, 2, 3), Uint32Array.of(2, 3, 4)), 2);
});

test("the share of equal MinHash values estimates Jaccard", () => {
  const edited = FERRY_A1.replace("180 survivors", "about 180 people").replace("two hours", "three hours");
  const a = shingleSet(FERRY_A1);
  const b = shingleSet(edited);
  const sa = minhash(a);
  const sb = minhash(b);
  let same = 0;
  for (let i = 0; i < NUM_HASHES; i++) if (sa[i] === sb[i]) same++;
  assert.ok(Math.abs(same / NUM_HASHES - overlap(a, b).jaccard) < 0.15);
});

test("LSH finds a near copy and not an unrelated text", () => {
  const lsh = new LshIndex();
  lsh.add("a1", bandKeys(minhash(shingleSet(FERRY_A1))));
  lsh.add("e1", bandKeys(minhash(shingleSet(ELECTION))));
  const copy = FERRY_A1.replace("Tuesday night", "Tuesday evening");
  assert.deepEqual([...lsh.query(bandKeys(minhash(shingleSet(copy))))], ["a1"]);
  assert.deepEqual([...lsh.query(bandKeys(minhash(shingleSet(FERRY_A2))))], []);
});
