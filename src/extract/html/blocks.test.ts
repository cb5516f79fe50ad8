import assert from "node:assert/strict";
import { test } from "node:test";
import { isFurniture } from "./blocks.ts";

test("bylines, datelines, credits and prompts are furniture", () => {
  assert.equal(isFurniture("By Jane Doe"), true);
  assert.equal(isFurniture("Updated 10:32 AM EDT, May 3, 2024"), true);
  assert.equal(isFurniture("May 3, 2024"), true);
  assert.equal(isFurniture("Photo: Jane Doe/Reuters"), true);
  assert.equal(isFurniture("© 2025 The Daily. All rights reserved."), true);
  assert.equal(isFurniture("Listen to this article"), true);
  assert.equal(isFurniture("Advertisement"), true);
});

test("sentences are not furniture", () => {
  assert.equal(isFurniture("The council voted on Monday."), false);
  assert.equal(isFurniture("By the end of the year, prices had doubled."), false);
  assert.equal(isFurniture("Photographs of the scene show the damage to the bridge."), false);
});

test("glued publication labels and reading times are furniture", () => {
  assert.equal(isFurniture("Publiziert17. Dezember 2024, 12:17"), true);
  assert.equal(isFurniture("Lesedauer: 4 Minuten"), true);
  assert.equal(isFurniture("Published research shows the effect is small."), false);
});
