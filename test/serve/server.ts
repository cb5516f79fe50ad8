/**
 * A real Lede server for tests: a fresh SQLite file in a temp dir, the real ingest pipeline (worker
 * thread), on a random 127.0.0.1 port.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { err, LedeError, loadConfig } from "../../src/core/index.ts";
import { Ingester } from "../../src/pipeline/ingester.ts";
import {
  apiIngest,
  EventBus,
  type NarrationProvider,
  type ServeLimits,
  type StoryReader,
  startServer,
} from "../../src/serve/index.ts";
import { openSqliteStore, type Store } from "../../src/store/index.ts";

export interface TestServer {
  readonly url: string;
  readonly store: Store;
  readonly token: string;
  readonly dir: string;
  close(): Promise<void>;
}

/**
 * Start one.
 *
 * @param options rate limits (tests of the limits set them low; others turn them off), read token, stories
 */
export async function startTestServer(
  options: {
    limits?: ServeLimits;
    readToken?: boolean;
    stories?: StoryReader;
    narration?: (dataDir: string) => NarrationProvider;
  } = {},
): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), "lede-serve-"));
  const store = openSqliteStore(join(dir, "lede.db"));
  await store.migrate();
  const { token } = await store.createToken("test");
  const config = { ...loadConfig({ LEDE_DATA_DIR: dir }), readToken: options.readToken ?? false };
  const ingester = new Ingester({ store });
  const server = await startServer(
    {
      store,
      config,
      events: new EventBus(),
      ingest: apiIngest(ingester, async (u) =>
        err(new LedeError("acquire", "network", `no network in tests [${u}]`)),
      ),
      limits: options.limits ?? { writesPerMinute: 0, apiReadsPerMinute: 0 },
      ...(options.stories ? { stories: options.stories } : {}),
      ...(options.narration ? { narration: options.narration(dir) } : {}),
    },
    "127.0.0.1",
    0,
  );
  return {
    url: server.url,
    store,
    token,
    dir,
    async close() {
      await server.close();
      await ingester.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
