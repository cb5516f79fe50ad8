import assert from "node:assert/strict";
import { test } from "node:test";
import { docFeatures, featureHash, historyFeatures, shape } from "./features.ts";
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

test("a token inside a run of capitalised words sees the run's last word and its neighbours", () => {
  const [sentence] = docFeatures([["the", "Battle", "of", "Lindqvist", "Creek", "began"]], res);
  const battle = sentence![1]!;
  for (const f of ["rl=creek", "rf=battle", "rp=B|4", "rb=the", "ra=began"])
    assert.ok(battle.includes(featureHash(f)), f);
  // "of" joins the run; the lower-case words around it do not.
  assert.ok(sentence![2]!.includes(featureHash("rp=I|4")));
  assert.ok(!sentence![0]!.includes(featureHash("rl=creek")));
  assert.ok(!sentence![5]!.includes(featureHash("rl=creek")));
});

test("a demonym neither starts nor joins a run", () => {
  const [sentence] = docFeatures([["Danish", "Captain", "Ole", "Brandtsen", "said"]], res);
  assert.ok(!sentence![0]!.includes(featureHash("rl=brandtsen")));
  assert.ok(sentence![1]!.includes(featureHash("rf=captain")));
  assert.ok(sentence![2]!.includes(featureHash("rl=brandtsen")));
});
