/** The public face of the store: the interface and a factory that picks the backend from the config. */
import { join } from "node:path";
import type { Config } from "../core/index.ts";
import { openPostgresStore } from "./postgres/index.ts";
import { openSqliteStore } from "./sqlite/index.ts";
import type { Store } from "./store.ts";

export * from "./alerts.ts";
export { openPostgresStore, PostgresStore, type PostgresStoreOptions } from "./postgres/index.ts";
export * from "./query.ts";
export { articleKey, openSqliteStore, SqliteStore } from "./sqlite/index.ts";
export type * from "./store.ts";
export * from "./stories.ts";

/** The SQLite file under the data dir. */
export const SQLITE_FILE = "lede.db";

/**
 * Open the store the config names (SQLite in the data dir unless `databaseUrl` is set) and migrate it.
 * A `postgres://` (or `postgresql://`) `databaseUrl` opens PostgreSQL.
 */
export async function openStore(config: Pick<Config, "dataDir" | "databaseUrl">): Promise<Store> {
  if (config.databaseUrl) {
    if (!/^postgres(?:ql)?:\/\//i.test(config.databaseUrl)) {
      throw new Error("store: LEDE_DATABASE_URL must be a postgres:// URL");
    }
    const pg = openPostgresStore(config.databaseUrl);
    try {
      await pg.migrate();
    } catch (e) {
      await pg.close();
      throw new Error(`store: cannot open PostgreSQL: ${(e as Error).message}`, { cause: e });
    }
    return pg;
  }
  const store = openSqliteStore(join(config.dataDir, SQLITE_FILE));
  await store.migrate();
  return store;
}
