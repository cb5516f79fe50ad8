/** End to end: `lede link --jsonl` through the command's own Io, checked against the contract schemas. */
import assert from "node:assert/strict";
import { PassThrough } from "node:stream";
import { test } from "node:test";
import { command } from "../../src/cli/commands/link.ts";
import { ErrorOutputSchema, LinkOutputSchema } from "../../src/core/index.ts";
import { ELECTION, FERRY_A1, FERRY_A2 } from "../../src/link/test-texts.ts";

async function run(argv: string[], stdin: string): Promise<{ code: number; out: string; err: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const input = new PassThrough();
  let out = "";
  let err = "";
  stdout.on("data", (c) => (out += c));
  stderr.on("data", (c) => (err += c));
  input.end(stdin);
  const code = await command.run(argv, { stdout, stderr, stdin: input, env: {}, isTTY: false });
  return { code, out, err };
}

const html = (title: string, body: string) =>
  `<!doctype html><html><head><title>${title}</title></head><body><article>${body
    .split("\n\n")
    .map((p) => `<p>${p}</p>`)
    .join("")}</article></body></html>`;

test("links a stream in order: stories, a copy from HTML, and errors as lines", async () => {
  const lines = [
    JSON.stringify({ id: "a1", text: FERRY_A1, published: "2025-03-04" }),
    JSON.stringify({ id: "e1", text: ELECTION }),
    "{not json",
    "",
    JSON.stringify({ id: "a2", text: FERRY_A2, published: "2025-03-05", title: "Search goes on" }),
    JSON.stringify({ id: "c1", html: html("Ferry lost", `${FERRY_A1}\n\nSource: Varnholm Post`) }),
    JSON.stringify({ id: "x1" }),
    JSON.stringify({ id: 7, text: "numbers are no ids" }),
  ];
  const { code, out } = await run(["--jsonl"], `${lines.join("\n")}\n`);
  assert.equal(code, 1);
  const rows = out
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  assert.equal(rows.length, 7);
  assert.deepEqual(LinkOutputSchema.parse(rows[0]), { id: "a1", story: "s1", duplicateOf: null });
  assert.deepEqual(LinkOutputSchema.parse(rows[1]), { id: "e1", story: "s2", duplicateOf: null });
  assert.equal((rows[2] as { line: number }).line, 3);
  assert.equal((rows[2] as { error: { code: string } }).error.code, "bad-input");
  assert.deepEqual(rows[3], { id: "a2", story: "s1", duplicateOf: null });
  assert.deepEqual(rows[4], { id: "c1", story: "s1", duplicateOf: "a1" });
  assert.match((rows[5] as { error: { message: string } }).error.message, /needs "text" or "html"/);
  assert.equal(rows[6]!.id, null);
  for (const r of [rows[2], rows[5], rows[6]]) ErrorOutputSchema.omit({ input: true }).parse(r);
});

test("a clean stream exits 0; --help and usage errors behave", async () => {
  const ok = await run([], `${JSON.stringify({ id: "a1", text: FERRY_A1 })}\n`);
  assert.equal(ok.code, 0);
  const help = await run(["--help"], "");
  assert.equal(help.code, 0);
  assert.match(help.out, /usage: lede link/);
  const bad = await run(["file.jsonl"], "");
  assert.equal(bad.code, 2);
  assert.match(bad.err, /takes no file arguments/);
});
