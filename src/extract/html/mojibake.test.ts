import assert from "node:assert/strict";
import { test } from "node:test";
import { repairDoubleUtf8 } from "./mojibake.ts";

test("UTF-8 read as Latin-1 is read again", () => {
  const page = Buffer.from("<h1>Kim’s café — naïve</h1>", "utf8").toString("latin1");
  assert.equal(repairDoubleUtf8(page), "<h1>Kim’s café — naïve</h1>");
});

test("genuine Latin-1 and proper Unicode stay", () => {
  assert.equal(
    repairDoubleUtf8("<p>café crème brûlée à la carte</p>"),
    "<p>café crème brûlée à la carte</p>",
  );
  const mixed = "Kim’s Ã© Ã© Ã©";
  assert.equal(repairDoubleUtf8(mixed), mixed);
  // Too few pairs to be sure.
  assert.equal(repairDoubleUtf8("Ã© once"), "Ã© once");
});
