import assert from "node:assert/strict";
import { test } from "node:test";
import { bcubed, pairwise } from "./metrics.ts";

test("perfect clustering scores 1", () => {
  const gold = ["x", "x", "y", "z"];
  assert.deepEqual(bcubed(["a", "a", "b", "c"], gold), { p: 1, r: 1, f1: 1 });
  assert.deepEqual(pairwise(["a", "a", "b", "c"], gold), { p: 1, r: 1, f1: 1 });
});

test("one cluster for all: full recall, precision the gold share", () => {
  const b = bcubed(["a", "a", "a", "a"], ["x", "x", "y", "y"]);
  assert.equal(b.r, 1);
  assert.equal(b.p, 0.5);
  const pw = pairwise(["a", "a", "a", "a"], ["x", "x", "y", "y"]);
  assert.equal(pw.p, 2 / 6);
  assert.equal(pw.r, 1);
});

test("singletons: full precision, recall 1/size", () => {
  const b = bcubed(["a", "b", "c"], ["x", "x", "x"]);
  assert.equal(b.p, 1);
  assert.ok(Math.abs(b.r - 1 / 3) < 1e-12);
  assert.equal(pairwise(["a", "b", "c"], ["x", "x", "x"]).r, 0);
});
