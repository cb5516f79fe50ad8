import assert from "node:assert/strict";
import { test } from "node:test";
import { tokenize } from "./tokenize.ts";

const words = (text: string): string[] => tokenize(text).map((t) => t.text);

test("abbreviations, clitics, numbers and hyphens", () => {
  assert.deepEqual(words("Gen. Smith's U.S. trip didn't cost $1,200.50 (3.5%)."), [
    "Gen.",
    "Smith",
    "'s",
    "U.S.",
    "trip",
    "did",
    "n't",
    "cost",
    "$",
    "1,200.50",
    "(",
    "3.5",
    "%",
    ")",
    ".",
  ]);
  assert.deepEqual(words("pro-Western Lebed-Maskhadov 1996-08-22 AT&T O'Neill"), [
    "pro-Western",
    "Lebed-Maskhadov",
    "1996-08-22",
    "AT&T",
    "O'Neill",
  ]);
});

test("currencies and inner apostrophes", () => {
  assert.deepEqual(words("C$ 5 and US$ 6 for al-Gama'a, Songo'o's, Rock'n'roll"), [
    "C$",
    "5",
    "and",
    "US$",
    "6",
    "for",
    "al-Gama'a",
    ",",
    "Songo'o",
    "'s",
    ",",
    "Rock'n'roll",
  ]);
});

test("a list number at the start of a line keeps its dot", () => {
  assert.deepEqual(words("1. Ato Boldon 20.02\n2. Frankie Fredericks won 3. place"), [
    "1.",
    "Ato",
    "Boldon",
    "20.02",
    "2.",
    "Frankie",
    "Fredericks",
    "won",
    "3",
    ".",
    "place",
  ]);
});

test("offsets index the text, also inside a span", () => {
  const text = "Hello. Putin said so.";
  const tokens = tokenize(text, { start: 7, end: text.length });
  assert.deepEqual(tokens[0], { start: 7, end: 12, text: "Putin" });
  for (const t of tokens) assert.equal(text.slice(t.start, t.end), t.text);
});

test("a sentence-final word keeps no dot unless it is an abbreviation", () => {
  assert.deepEqual(words("He left. Co."), ["He", "left", ".", "Co."]);
});
