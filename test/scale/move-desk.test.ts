/**
 * Moving a desk from SQLite to PostgreSQL: `lede export --analysis` on SQLite, then `lede migrate` and
 * `lede import` on PostgreSQL give the same articles, analyses and search results; importing twice
 * changes nothing.
 */
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { after, test } from "node:test";
import type { Io } from "../../src/cli/command.ts";
import { command as exportCommand } from "../../src/cli/commands/export.ts";
import { command as importCommand } from "../../src/cli/commands/import.ts";
import { command as migrateCommand } from "../../src/cli/commands/migrate.ts";
import { openPostgresStore, openSqliteStore, SQLITE_FILE } from "../../src/store/index.ts";
import { type RunningPostgres, servicesMissing, startPostgres } from "../helpers/services.ts";
import { analysedArticle, article } from "../store/contract.ts";

function io(env: Record<string, string>): { io: Io; out: () => string; err: () => string } {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = "";
  let err = "";
  stdout.on("data", (d: Buffer) => (out += d.toString()));
  stderr.on("data", (d: Buffer) => (err += d.toString()));
  return {
    io: { stdout, stderr, stdin: new PassThrough(), env: { ...env }, isTTY: false },
    out: () => out,
    err: () => err,
  };
}

const missing = servicesMissing();

test("lede export | lede migrate | lede import moves a desk from SQLite to PostgreSQL", {
  skip: missing ?? false,
}, async () => {
  const dir = mkdtempSync(join(tmpdir(), "lede-move-"));
  let server: RunningPostgres | undefined;
  after(async () => {
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });
  const sqlite = openSqliteStore(join(dir, SQLITE_FILE));
  await sqlite.migrate();
  for (const n of [3, 5])
    await sqlite.putArticle({ ...analysedArticle(n), source: "wire", fetchedAt: "2025-09-01T00:00:00Z" });
  await sqlite.putArticle({
    article: article({ url: "https://n.example/g", title: "Glacier retreat", text: "The glacier shrank." }),
    analysis: null,
    source: null,
    fetchedAt: "2025-09-01T00:00:00Z",
  });
  await sqlite.close();

  const exported = io({ LEDE_DATA_DIR: dir });
  assert.equal(await exportCommand.run(["--analysis"], exported.io), 0, exported.err());
  const file = join(dir, "desk.jsonl");
  writeFileSync(file, `${exported.out()}not json\n`);

  server = await startPostgres();
  const url = await server.createDatabase("moved");
  const env = { LEDE_DATA_DIR: join(dir, "unused"), LEDE_DATABASE_URL: url };
  const check = io(env);
  assert.equal(await migrateCommand.run(["--check", "--json"], check.io), 1, "pending before migrating");
  const migrated = io(env);
  assert.equal(await migrateCommand.run(["--json"], migrated.io), 0, migrated.err());
  const m = JSON.parse(migrated.out()) as { backend: string; before: number; after: number; latest: number };
  assert.deepEqual([m.backend, m.before, m.after === m.latest], ["postgres", 0, true]);

  const imported = io(env);
  assert.equal(await importCommand.run([file], imported.io), 1, "the bad line is reported");
  assert.match(imported.err(), /line 4: bad JSON/);
  assert.match(imported.err(), /3 added, 0 updated, 0 unchanged, 1 failed/);
  const again = io(env);
  await importCommand.run([file], again.io);
  assert.match(again.err(), /0 added, 0 updated, 3 unchanged/);

  const pg = openPostgresStore(url);
  const back = openSqliteStore(join(dir, SQLITE_FILE));
  try {
    const strip = async (s: typeof pg | typeof back) => {
      const out = [];
      for await (const a of s.exportArticles())
        out.push({ key: a.key, article: a.article, analysis: a.analysis });
      return out.sort((a, b) => a.key.localeCompare(b.key));
    };
    assert.deepEqual(await strip(pg), await strip(back));
    const titles = async (s: typeof pg | typeof back) =>
      (await s.search("glacier OR deadline")).map((h) => h.title).sort();
    assert.deepEqual(await titles(pg), await titles(back));
    const quotes = await pg.findItems("quote", { entity: "putin" });
    assert.equal(quotes.length, 2);
  } finally {
    await pg.close();
    await back.close();
  }
});
