import assert from "node:assert/strict";
import { test } from "node:test";
import { capitalisedNames, nameKeys } from "./names.ts";

test("capitalised runs mid-sentence are names; sentence-initial words need support elsewhere", () => {
  const text =
    "Rescuers said Captain Idris Malone of the Varnholm coastguard led the search. " +
    "Divers worked through the night. Malone thanked the Bank of Skerra for boats.";
  assert.deepEqual(capitalisedNames(text), ["Captain Idris Malone", "Varnholm", "Bank of Skerra", "Malone"]);
});

test("a title-case headline line is skipped", () => {
  assert.deepEqual(
    capitalisedNames("Ferry Sinks Off Varnholm Coast With Hundreds Aboard\nThe ferry left Skerra."),
    ["Skerra"],
  );
});

test("name keys are the full name and its last word", () => {
  assert.deepEqual(nameKeys("Idris Malone"), ["idris malone", "malone"]);
  assert.deepEqual(nameKeys("Varnholm"), ["varnholm"]);
  assert.deepEqual(nameKeys("Bank of Skerra"), ["bank skerra", "skerra"]);
});
