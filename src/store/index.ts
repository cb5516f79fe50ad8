/** The public face of the store: the interface and a factory that picks the backend from the config. */
import { join } from "node:path";
import type { Config } from "../core/index.ts";
import { openSqliteStore } from "./sqlite/index.ts";
import type { Store } from "./store.ts";

export * from "./query.ts";
export { articleKey, openSqliteStore, SqliteStore } from "./sqlite/index.ts";
export type * from "./store.ts";

/** The SQLite file under the data dir. */
export const SQLITE_FILE = "lede.db";

/**
 * Open the store the config names (SQLite in the data dir unless `databaseUrl` is set) and migrate it.
 */
export async function openStore(config: Pick<Config, "dataDir" | "databaseUrl">): Promise<Store> {
  if (config.databaseUrl) {
    throw new Error("store: PostgreSQL backend is not available yet (LEDE_DATABASE_URL is set)");
  }
  const store = openSqliteStore(join(config.dataDir, SQLITE_FILE));
  await store.migrate();
  return store;
}
