import assert from "node:assert/strict";
import { test } from "node:test";
import { docFeatures, featureHash, historyFeatures, shape, wordInfo } from "./features.ts";
import { Gazetteer } from "./gazetteer.ts";

const gazetteer = new Gazetteer();
gazetteer.add(["Vladimir", "Putin"], "PER");
const res = { gazetteer, clusters: new Map([["putin", "3 17 201"]]) };

test("word shapes", () => {
  assert.equal(shape("Putin"), "Xx");
  assert.equal(shape("U.S."), "X.X.");
  assert.equal(shape("1996-08-22"), "d-d-d");
  assert.equal(shape("Zelenskýy"), "Xx");
});

test("features are hashes of their strings", () => {
  const [sentence] = docFeatures([["Vladimir", "Putin", "spoke"]], res);
  const putin = sentence![1]!;
  for (const f of [
    "b",
    "w=putin",
    "w-1=vladimir",
    "w-1w=vladimir|putin",
    "s=Xx",
    "g=PER:L2",
    "c0=3",
    "c2=201",
    "x2=in",
  ]) {
    assert.ok(putin.includes(featureHash(f)), f);
  }
  // Neighbour features, hashed from cached per-word states, equal their strings' hashes too.
  for (const f of ["w+1=spoke", "ww+1=putin|spoke", "s-1s=Xx|Xx", "s-1ss+1=Xx|Xx|x", "w+2=</s>", "c+1f="]) {
    assert.ok(putin.includes(featureHash(f)), f);
  }
});

test("without the word's own features, a token keeps exactly its context features", () => {
  const doc = [["Ada", "Lindqvist", "met", "Vladimir", "Putin", "in", "1996", "."]];
  const [all] = docFeatures(doc, res);
  const [context] = docFeatures(doc, res, false);
  doc[0]!.forEach((raw, i) => {
    const own = wordInfo(raw, res).own;
    assert.deepEqual([...context![i]!, ...own].sort(), [...all![i]!].sort(), raw);
  });
});

test("history features read the first stage's labels of other occurrences", () => {
  const doc = [
    ["Putin", "spoke"],
    ["Putin", "left"],
  ];
  const hist = historyFeatures(doc, [
    ["B-PER", "O"],
    ["B-LOC", "O"],
  ]);
  assert.ok(hist[0]![0]!.includes(featureHash("h=LOC")));
  assert.ok(hist[1]![0]!.includes(featureHash("h=PER|LOC")));
  assert.ok(hist[0]![0]!.includes(featureHash("s1=B-PER")));
});
