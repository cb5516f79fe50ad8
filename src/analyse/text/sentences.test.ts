import assert from "node:assert/strict";
import { test } from "node:test";
import { splitSentences } from "./sentences.ts";

const split = (text: string): string[] => splitSentences(text).map((s) => text.slice(s.start, s.end));

test("abbreviations and initials do not end sentences", () => {
  assert.deepEqual(split("Gen. Mark Milley met Sen. J. D. Vance in St. Louis on Jan. 5. He left."), [
    "Gen. Mark Milley met Sen. J. D. Vance in St. Louis on Jan. 5.",
    "He left.",
  ]);
  assert.deepEqual(split("George W. Bush spoke. Dr. Smith replied."), [
    "George W. Bush spoke.",
    "Dr. Smith replied.",
  ]);
});

test("U.S. ends a sentence only before a sentence starter", () => {
  assert.deepEqual(split("Aid came from the U.S. Congress approved it."), [
    "Aid came from the U.S. Congress approved it.",
  ]);
  assert.deepEqual(split("He flew to the U.S. The visit was short."), [
    "He flew to the U.S.",
    "The visit was short.",
  ]);
  assert.deepEqual(split("The meeting ends at 5 p.m. on Monday."), ["The meeting ends at 5 p.m. on Monday."]);
});

test("quotes spanning sentences", () => {
  assert.deepEqual(split('He said: "We will fight. We will win." Then he left.'), [
    'He said: "We will fight.',
    'We will win."',
    "Then he left.",
  ]);
  assert.deepEqual(split('"Is it over?" he asked. "Yes," she said.'), [
    '"Is it over?" he asked.',
    '"Yes," she said.',
  ]);
  assert.deepEqual(split("“It is done.” Officials agreed."), ["“It is done.”", "Officials agreed."]);
});

test("datelines stay with their first sentence", () => {
  assert.deepEqual(split("KYIV, Ukraine (AP) — Russia fired 600 drones. Ukraine said so."), [
    "KYIV, Ukraine (AP) — Russia fired 600 drones.",
    "Ukraine said so.",
  ]);
  assert.deepEqual(split("LONDON, Aug. 22 (Reuters) - Shares fell 3.5% on Friday."), [
    "LONDON, Aug. 22 (Reuters) - Shares fell 3.5% on Friday.",
  ]);
});

test("sentences never cross a blank line; lists and headlines stand alone", () => {
  assert.deepEqual(split("First paragraph without a stop\n\nSecond one."), [
    "First paragraph without a stop",
    "Second one.",
  ]);
  assert.deepEqual(split("Key points:\n- One item\n- Two items\n1. First thing"), [
    "Key points:",
    "- One item",
    "- Two items",
    "1. First thing",
  ]);
  assert.deepEqual(split("Audio By Carbonatix\nRussian President Vladimir Putin says so."), [
    "Audio By Carbonatix",
    "Russian President Vladimir Putin says so.",
  ]);
});

test("a hard-wrapped long line continues its sentence", () => {
  const line = "The minister said the government would consider every option available to it in the";
  assert.deepEqual(split(`${line}\nCabinet tomorrow.`), [`${line}\nCabinet tomorrow.`]);
});

test("spans are trimmed and never empty", () => {
  assert.deepEqual(splitSentences("  \n\n  Hi there.  \n"), [{ start: 6, end: 15 }]);
  assert.deepEqual(splitSentences(""), []);
});
