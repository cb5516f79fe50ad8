/**
 * The running desk shared by `lede serve` and `lede start`: the store, the story keeper, the narrator,
 * the ingester and the HTTP server, wired once and closed in order.
 */
import type { Config } from "../core/index.ts";
import { openRunner } from "../jobs/index.ts";
import { AlertRunner } from "../pipeline/alerts.ts";
import { Ingester } from "../pipeline/ingester.ts";
import { Narrator } from "../pipeline/narrator.ts";
import { StoryKeeper } from "../pipeline/stories.ts";
import { apiIngest, EventBus, parseSearch, startServer, storyReader } from "../serve/index.ts";
import { PostgresStore, type Store } from "../store/index.ts";
import { fetchInput } from "./fetch-input.ts";

/** Articles linked by the keeper are announced when stored this recently. */
const RECENT_MS = 10 * 60_000;

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
  /** Publish a stored article on the live rail (`recentOnly`: only if stored in the last 10 minutes). */
  const announce = (id: number, status: "added" | "updated", recentOnly = false) =>
    void store
      .getArticle(id)
      .then((a) => {
        if (recentOnly && (!a || Date.now() - Date.parse(a.createdAt) > RECENT_MS)) return;
        events.publish({
          type: "article",
          id,
          title: a?.article.title ?? null,
          source: a?.article.siteName ?? a?.source ?? null,
          createdAt: a?.createdAt ?? new Date().toISOString(),
          status,
        });
      })
      .catch(() => {});
  // Articles stored by any process reach the live rail: those this desk's keeper links (SQLite: `lede
  // add` runs, workers), and on PostgreSQL every article any process stores (LISTEN/NOTIFY).
  const stories = new StoryKeeper(store, {
    onLinked: (links) => {
      // A desk catching up on a large backlog does not replay it all on the rail.
      for (const l of links) announce(l.articleId, "added", true);
      for (const id of new Set(links.map((l) => l.story))) events.publish({ type: "story", id });
    },
  });
  stories.start();
  const unlisten =
    store instanceof PostgresStore
      ? await store.subscribe((r) => {
          if (r.status !== "unchanged") announce(r.id, r.status);
          stories.wake();
        })
      : null;
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
      ? { onStored: (r) => announce(r.id, r.status === "added" ? "added" : "updated") }
      : {}),
  });
  const server = await startServer(
    {
      store,
      config,
      events,
      stories: storyReader(store),
      narration: narrator.provider(env),
      ingest: apiIngest(ingester, (u) => fetchInput(u, config)),
    },
    config.host,
    options.port,
  );
  const alerts = new AlertRunner(store, {
    parse: (q) => {
      const p = parseSearch(q);
      return {
        text: p.text,
        ...(p.entity ? { entity: p.entity } : {}),
        ...(p.source ? { source: p.source } : {}),
        ...(p.from ? { from: p.from } : {}),
        ...(p.to ? { to: p.to } : {}),
      };
    },
    baseUrl: config.publicUrl ?? server.url,
    allow: config.fetchAllow,
  });
  alerts.start();
  const stopWaking = events.subscribe((e) => {
    if (e.type === "article") alerts.wake();
  });
  return {
    url: server.url,
    ingester,
    async close() {
      await server.close();
      stopWaking();
      await alerts.close();
      await unlisten?.();
      await ingester.close();
      await stories.close();
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
