import assert from "node:assert/strict";
import { test } from "node:test";
import { ldAuthors, parseAuthors } from "./authors.ts";

test("bylines become names", () => {
  assert.deepEqual(parseAuthors("By Jane Doe and John Roe"), ["Jane Doe", "John Roe"]);
  assert.deepEqual(parseAuthors("Von Anna Schmidt, Berlin"), ["Anna Schmidt", "Berlin"]);
  assert.deepEqual(parseAuthors("Jane Doe | May 3, 2024"), ["Jane Doe"]);
  assert.deepEqual(parseAuthors("jane@example.com"), []);
});

test("JSON-LD authors prefer people over organisations", () => {
  assert.deepEqual(
    ldAuthors([
      { "@type": "Person", name: "Jane Doe" },
      { "@type": "Organization", name: "The Daily" },
    ]),
    ["Jane Doe"],
  );
  assert.deepEqual(ldAuthors({ "@type": "Organization", name: "The Daily" }), ["The Daily"]);
  assert.deepEqual(ldAuthors("https://example.com/author/jane"), []);
});
