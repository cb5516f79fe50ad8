import assert from "node:assert/strict";
import { test } from "node:test";
import { cleanTitle, pickTitle } from "./title.ts";

test("site names leave titles", () => {
  assert.equal(cleanTitle("Rates rise again | The Daily", "The Daily"), "Rates rise again");
  assert.equal(cleanTitle("The Daily - Rates rise again", "The Daily"), "Rates rise again");
  assert.equal(
    cleanTitle("Rates rise again - Example News", null, "www.examplenews.com"),
    "Rates rise again",
  );
  assert.equal(cleanTitle("Rates rise - again and again", null), "Rates rise - again and again");
});

test("an h1 matching a declared title wins", () => {
  assert.equal(
    pickTitle(
      ["Rates rise again as inflation bites | The Daily"],
      ["Rates rise again as inflation bites"],
      null,
      null,
    ),
    "Rates rise again as inflation bites",
  );
  assert.equal(
    pickTitle([null, "Council votes on budget - The Daily"], [], "The Daily", null),
    "Council votes on budget",
  );
  assert.equal(pickTitle([], ["Only a heading here"], null, null), "Only a heading here");
});
