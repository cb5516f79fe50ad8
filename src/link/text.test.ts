import assert from "node:assert/strict";
import { test } from "node:test";
import { isBoilerplate, paragraphs, stem, terms, words } from "./text.ts";

test("paragraphs split on blank lines, or on lines when there are none", () => {
  assert.deepEqual(paragraphs("One.\n\n  Two\nstill two.\n\n\nThree."), ["One.", "Two still two.", "Three."]);
  assert.deepEqual(paragraphs("One.\nTwo.\n"), ["One.", "Two."]);
});

test("words fold case and split punctuation", () => {
  assert.deepEqual(words("Skerra's ferry, 2013!"), ["skerra", "s", "ferry", "2013"]);
});

test("terms drop stopwords and short numbers and stem endings", () => {
  assert.deepEqual(terms("The ferries were checked by 12 divers in 2013"), [
    "ferry",
    "check",
    "diver",
    "2013",
  ]);
  assert.equal(stem("capsized"), "capsiz");
  assert.equal(stem("bus"), "bus");
});

test("boilerplate lines are recognised and story paragraphs are not", () => {
  for (const p of [
    "Source: BBC News",
    "Copyright 2024 Example Media. All rights reserved.",
    "Read more: the latest headlines",
    "Share this article",
    "This article originally appeared on The Courier.",
  ]) {
    assert.equal(isBoilerplate(p), true, p);
  }
  assert.equal(isBoilerplate("Rescue boats pulled 180 survivors from the water near Kessel Point."), false);
  assert.equal(isBoilerplate("Sources in the coastguard said the search would go on."), false);
});
