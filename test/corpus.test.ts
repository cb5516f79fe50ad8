/**
 * The golden corpus: every case in `test/corpus/` must extract exactly as its `expected.json` says.
 * After a deliberate change, run `npx tsx scripts/regen-corpus.ts` and review the diff.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { CORPUS, caseNames, extractCase } from "../scripts/regen-corpus.ts";
import { ArticleSchema } from "../src/core/index.ts";

const names = caseNames();

test("the corpus has cases", () => {
  assert.ok(names.length >= 5);
});

for (const name of names) {
  test(`corpus: ${name}`, () => {
    const actual = extractCase(name);
    ArticleSchema.parse(actual);
    const expected = JSON.parse(readFileSync(join(CORPUS, name, "expected.json"), "utf8")) as unknown;
    assert.deepEqual(actual, expected);
  });
}
