import { join } from "node:path";
import { loadConfig } from "../../core/index.ts";
import { openPostgresStore, openSqliteStore, SQLITE_FILE, type Store } from "../../store/index.ts";
import { MIGRATIONS as PG_MIGRATIONS } from "../../store/postgres/migrations.ts";
import { MIGRATIONS as SQLITE_MIGRATIONS } from "../../store/sqlite/migrations.ts";
import { parse } from "../args.ts";
import { type Command, EXIT, type Io } from "../command.ts";

const HELP = `usage: lede migrate [--check] [--json]

Bring the store's schema up to date: the SQLite file in LEDE_DATA_DIR, or PostgreSQL when
LEDE_DATABASE_URL is set. Migrations are an append-only list; the schema version is how many have
been applied. Safe to run again, and from several machines at once (PostgreSQL takes a lock).

To move a desk from SQLite to PostgreSQL:
  lede export --analysis > desk.jsonl                      # with LEDE_DATABASE_URL unset
  LEDE_DATABASE_URL=postgres://... lede migrate
  LEDE_DATABASE_URL=postgres://... lede import desk.jsonl

options:
  --check     only report the version; exit 1 when migrations are pending
  --json      print {backend, before, after, latest}
  -h, --help  show this help
`;

export const command: Command = {
  name: "migrate",
  summary: "bring the store's schema up to date (SQLite or PostgreSQL)",
  help: HELP,
  async run(argv: readonly string[], io: Io): Promise<number> {
    const p = parse(argv, { check: { type: "boolean" }, json: { type: "boolean" } });
    if (!p.ok || p.positionals.length > 0) {
      io.stderr.write(`lede migrate: ${p.ok ? "takes no arguments" : p.message}\n\n${HELP}`);
      return EXIT.usage;
    }
    if (p.values.help) {
      io.stdout.write(HELP);
      return EXIT.ok;
    }
    const config = loadConfig(io.env);
    const backend = config.databaseUrl ? "postgres" : "sqlite";
    const store: Store = config.databaseUrl
      ? openPostgresStore(config.databaseUrl)
      : openSqliteStore(join(config.dataDir, SQLITE_FILE));
    const latest = (config.databaseUrl ? PG_MIGRATIONS : SQLITE_MIGRATIONS).length;
    try {
      const before = await store.schemaVersion();
      if (!p.values.check) await store.migrate();
      const after = p.values.check ? before : await store.schemaVersion();
      if (p.values.json) io.stdout.write(`${JSON.stringify({ backend, before, after, latest })}\n`);
      else {
        const change =
          after !== before
            ? ` → ${after}`
            : after === latest
              ? " (up to date)"
              : ` (${latest - after} pending)`;
        io.stderr.write(`lede migrate: ${backend} schema version ${before}${change}\n`);
      }
      return after === latest ? EXIT.ok : EXIT.failed;
    } catch (e) {
      io.stderr.write(`lede migrate: ${backend}: ${(e as Error).message}\n`);
      return EXIT.failed;
    } finally {
      await store.close();
    }
  },
};
