/**
 * Crash safety: `lede add` over a corpus is killed with SIGKILL at random points, again and again;
 * afterwards the SQLite file passes its integrity check, every document is stored exactly once, and a
 * last run completes the rest. CRASH_DOCS and CRASH_KILLS size it (small in `npm test`; `npm run crash`
 * runs 10,000 documents with 20 kills).
 */
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import Database from "better-sqlite3";
import { ROOT } from "../helpers/cli.ts";

const DOCS = Number(process.env.CRASH_DOCS ?? 400);
const KILLS = Number(process.env.CRASH_KILLS ?? 6);
const dir = mkdtempSync(join(tmpdir(), "lede-crash-"));
after(() => rmSync(dir, { recursive: true, force: true }));

/** A deterministic pseudo-random generator (mulberry32), so a failing run can be repeated. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Run `lede add` over the pages; with `killAfterAdded`, SIGKILL it as soon as it has stored that many new
 * documents (a point chosen at random by the caller, so the kill lands mid-way whatever the machine's speed).
 * Resolves to the exit code, or null when it was killed.
 */
function runAdd(
  pages: string,
  env: Record<string, string>,
  killAfterAdded: number | null,
): Promise<number | null> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [join(ROOT, "bin/lede.js"), "add", pages, "--no-analyse", "--jobs", "2", "--json"],
      {
        env: { ...process.env, ...env },
        stdio: ["ignore", "pipe", "ignore"],
      },
    );
    let added = 0;
    let killing = false;
    let buffered = "";
    child.stdout.on("data", (d: Buffer) => {
      buffered += d.toString();
      const lines = buffered.split("\n");
      buffered = lines.pop() ?? "";
      for (const line of lines) if (line.includes('"status":"added"')) added++;
      // A few milliseconds of jitter so the kill lands anywhere in the work in flight, writes included.
      if (killAfterAdded !== null && added >= killAfterAdded && !killing) {
        killing = true;
        setTimeout(() => child.kill("SIGKILL"), Math.floor(Math.random() * 40));
      }
    });
    child.on("exit", (code) => resolve(code));
  });
}

test(`kill -9 during ingest ${KILLS} times over ${DOCS} documents loses and duplicates nothing`, {
  timeout: 30 * 60_000,
}, async () => {
  const pages = join(dir, "pages");
  mkdirSync(pages);
  for (let i = 0; i < DOCS; i++) {
    writeFileSync(
      join(pages, `p${String(i).padStart(5, "0")}.html`),
      `<!doctype html><html><head><title>Report ${i}</title><link rel="canonical" href="https://crash.example/r/${i}"></head>
<body><article><h1>Report ${i}</h1><p>Inspectors visited site ${i} on Monday and found ${i % 97} faults in the wiring of block ${i % 13}.</p>
<p>The operator said repairs would take ${(i % 9) + 1} weeks and that tenants of block ${i % 13} could stay in their homes.</p></article></body></html>`,
    );
  }
  const env = { LEDE_DATA_DIR: join(dir, "data") };
  const random = rng(Number(process.env.CRASH_SEED ?? 7));
  let killed = 0;
  for (let k = 0; k < KILLS; k++) {
    const code = await runAdd(
      pages,
      env,
      1 + Math.floor(random() * Math.max(1, Math.floor(DOCS / (KILLS * 2)))),
    );
    if (code === null) killed++;
  }
  assert.ok(killed >= Math.ceil(KILLS / 2), `only ${killed} of ${KILLS} runs were killed mid-way`);
  const final = await runAdd(pages, env, null);
  assert.equal(final, 0, "the last run completes");

  const db = new Database(join(dir, "data", "lede.db"), { readonly: true });
  try {
    assert.equal(db.pragma("integrity_check", { simple: true }), "ok");
    const n = (db.prepare("SELECT count(*) AS n FROM articles").get() as { n: number }).n;
    assert.equal(n, DOCS, "every document stored exactly once");
    const versions = (db.prepare("SELECT count(*) AS n FROM article_versions").get() as { n: number }).n;
    assert.equal(versions, DOCS, "no document stored twice as a version");
    const fts = (db.prepare("SELECT count(*) AS n FROM articles_fts").get() as { n: number }).n;
    assert.equal(fts, DOCS, "the search index matches");
  } finally {
    db.close();
  }
});
