import assert from "node:assert/strict";
import { test } from "node:test";
import { findQuantities, parseNumber } from "./index.ts";

const brief = (text: string) =>
  findQuantities(text, []).map((q) => [q.text, q.value, q.approximate, q.counts, q.role] as const);

test("numbers in words and digits", () => {
  assert.equal(parseNumber("twenty-three"), 23);
  assert.equal(parseNumber("1,200"), 1200);
  assert.equal(parseNumber("3.5 million"), 3_500_000);
  assert.equal(parseNumber("two hundred and five"), 205);
  assert.equal(parseNumber("a dozen"), 12);
  assert.equal(parseNumber("banana"), null);
});

test("fired and killed, with what they count", () => {
  assert.deepEqual(brief("Overnight the army fired 340 rockets and shells at Mariupol, killing 17 people."), [
    ["340 rockets and shells", 340, false, "rockets and shells", "fired"],
    ["17 people", 17, false, "people", "killed"],
  ]);
});

test("approximate counts and roles after the noun", () => {
  assert.deepEqual(brief("More than 20 villagers were injured and dozens of families were displaced."), [
    ["More than 20 villagers", 20, true, "villagers", "injured"],
    ["dozens of families", 24, true, "families", "displaced"],
  ]);
  assert.deepEqual(brief("Police detained hundreds of fans; four hikers remain missing."), [
    ["hundreds of fans", 200, true, "fans", "arrested"],
    ["four hikers", 4, false, "hikers", "missing"],
  ]);
});

test("not counts: years, money, percentages, ages, article numbers", () => {
  assert.deepEqual(brief("In 2019 the 45-year-old paid $300 for a 12% stake under Article 5."), []);
});

test("a risen death toll is a count of the dead; a negated hurt is no role", () => {
  const role = (text: string) => findQuantities(text, []).map((q) => [q.value, q.role] as const);
  assert.deepEqual(role("The death toll in Brevik has risen to 23, officials said."), [[23, "killed"]]);
  assert.deepEqual(role("The number of dead has risen to 23."), [[23, "killed"]]);
  assert.deepEqual(role("The two victims targeted were not injured."), [[2, "other"]]);
  assert.deepEqual(role("Two passers-by were injured."), [[2, "injured"]]);
});

test("'left' takes its role from what follows: dead, or wounded", () => {
  const role = (text: string) => findQuantities(text, []).map((q) => [q.value, q.role] as const);
  assert.deepEqual(role("A shooting that left two men hospitalized was the result of a dispute."), [
    [2, "injured"],
  ]);
  assert.deepEqual(role("The blast left 23 people dead."), [[23, "killed"]]);
});
