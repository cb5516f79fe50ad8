/** Bad inputs get a clear error as a value and the other inputs go on; usage errors exit 2. */
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { gzipSync } from "node:zlib";
import { ErrorOutputSchema, ExtractOutputSchema } from "../../src/core/index.ts";
import { lede, SAMPLE } from "../helpers/cli.ts";

const dir = mkdtempSync(join(tmpdir(), "lede-bad-"));
after(() => rmSync(dir, { recursive: true, force: true }));

test("binary, empty, missing, 50 MB and directory inputs fail clearly; the good ones go on", async () => {
  const binary = join(dir, "image.png");
  writeFileSync(
    binary,
    Buffer.from([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 1, 2, 3,
    ]),
  );
  const empty = join(dir, "empty.txt");
  writeFileSync(empty, "");
  const huge = join(dir, "huge.html");
  writeFileSync(huge, "");
  truncateSync(huge, 50 * 1024 * 1024);
  const gz = join(dir, "page.txt.gz");
  writeFileSync(
    gz,
    gzipSync("A short report.\n\nThe council voted on Monday to close the old bridge for repairs."),
  );
  const inputs = [binary, SAMPLE, empty, join(dir, "missing.html"), huge, dir, gz];
  const r = await lede(["extract", "--json", ...inputs]);
  assert.equal(r.code, 1);
  const lines = r.stdout
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  assert.deepEqual(
    lines.map((l) => l.input),
    inputs,
    "one line per input, in input order",
  );
  const code = (i: number) => ErrorOutputSchema.parse(lines[i]).error.code;
  assert.equal(code(0), "binary");
  assert.equal(ExtractOutputSchema.parse(lines[1]).text.slice(0, 16), "Russian Presiden");
  assert.equal(code(2), "empty");
  assert.equal(code(3), "not-found");
  assert.equal(code(4), "too-large");
  assert.equal(code(5), "is-directory");
  assert.match(ExtractOutputSchema.parse(lines[6]).text, /council voted/);
  assert.match(r.stderr, /missing\.html/);
});

test("usage errors exit 2 with a message", async () => {
  assert.equal((await lede(["extract"])).code, 2);
  assert.equal((await lede(["analyse", SAMPLE, "--published", "yesterday"])).code, 2);
  assert.equal((await lede(["extract", "--no-such-flag", SAMPLE])).code, 2);
  const unknown = await lede(["frobnicate"]);
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /unknown command/);
  const help = await lede(["--help"]);
  assert.equal(help.code, 0);
  for (const c of ["extract", "analyse", "add", "serve", "search", "export", "eval", "bench"])
    assert.match(help.stdout, new RegExp(`\\b${c}\\b`));
});
