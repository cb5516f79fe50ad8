/**
 * The running desk shared by `lede serve` and `lede start`: the store, the story keeper, the narrator,
 * the ingester and the HTTP server, wired once and closed in order.
 */
import type { Config } from "../core/index.ts";
import { openRunner } from "../jobs/index.ts";
import { Ingester } from "../pipeline/ingester.ts";
import { Narrator } from "../pipeline/narrator.ts";
import { StoryKeeper } from "../pipeline/stories.ts";
import { apiIngest, EventBus, startServer } from "../serve/index.ts";
import type { Store } from "../store/index.ts";
import { fetchInput } from "./fetch-input.ts";

export interface Desk {
  readonly url: string;
  readonly ingester: Ingester;
  /** Stop the server, then the ingester, stories, narrator and store. */
  close(): Promise<void>;
}

export interface DeskOptions {
  /** Port to listen on (0 picks a free one). */
  readonly port: number;
  /** Announce articles stored by this process's own ingester (the poller's) on the live rail. */
  readonly announceStored: boolean;
}

/**
 * Start the desk on an open store.
 *
 * @param config the loaded configuration
 * @param store the migrated store (closed by `close()`)
 * @param env the environment (narration engine settings)
 */
export async function startDesk(
  config: Config,
  store: Store,
  env: NodeJS.ProcessEnv,
  options: DeskOptions,
): Promise<Desk> {
  const events = new EventBus();
  const stories = new StoryKeeper(config.dataDir);
  // Narrations are jobs: in-process, or on the shared BullMQ queue when LEDE_REDIS_URL is set.
  const narrationRunner = config.redisUrl ? openRunner(config) : undefined;
  const narrator = new Narrator(config.dataDir, {
    store,
    env,
    ...(narrationRunner ? { runner: narrationRunner } : {}),
  });
  const ingester = new Ingester({
    stories,
    store,
    ...(options.announceStored
      ? {
          onStored: (r) => {
            void store.getArticle(r.id).then((a) =>
              events.publish({
                type: "article",
                id: r.id,
                title: a?.article.title ?? null,
                source: a?.article.siteName ?? a?.source ?? null,
                createdAt: a?.createdAt ?? new Date().toISOString(),
                status: r.status === "added" ? "added" : "updated",
              }),
            );
          },
        }
      : {}),
  });
  const server = await startServer(
    {
      store,
      config,
      events,
      stories: stories.reader(store),
      narration: narrator.provider(env),
      ingest: apiIngest(ingester, (u) => fetchInput(u, config)),
    },
    config.host,
    options.port,
  );
  return {
    url: server.url,
    ingester,
    async close() {
      await server.close();
      await ingester.close();
      stories.close();
      await narrator.close();
      await narrationRunner?.close();
      await store.close();
    },
  };
}

/** The environment with --port and --host flags applied. */
export function envWithAddress(env: NodeJS.ProcessEnv, values: Record<string, unknown>): NodeJS.ProcessEnv {
  return {
    ...env,
    ...(values.port ? { LEDE_PORT: String(values.port) } : {}),
    ...(values.host ? { LEDE_HOST: String(values.host) } : {}),
  };
}
