import assert from "node:assert/strict";
import { test } from "node:test";
import { cardinal, ordinal, year } from "./numbers.ts";

test("cardinals, ordinals and years read as a newsreader says them", () => {
  assert.equal(cardinal(0), "zero");
  assert.equal(cardinal(23), "twenty-three");
  assert.equal(cardinal(629), "six hundred and twenty-nine");
  assert.equal(cardinal(1_200_000), "one million two hundred thousand");
  assert.equal(cardinal(3005), "three thousand and five");
  assert.equal(cardinal(1.25), "one point two five");
  assert.equal(ordinal(1), "first");
  assert.equal(ordinal(22), "twenty-second");
  assert.equal(ordinal(30), "thirtieth");
  assert.equal(ordinal(112), "one hundred and twelfth");
  assert.equal(year(2014), "twenty fourteen");
  assert.equal(year(2005), "two thousand and five");
  assert.equal(year(1905), "nineteen oh five");
  assert.equal(year(1900), "nineteen hundred");
});
