import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { flattenOpml, parseOpml } from "../../acquire/index.ts";
import { Ingester } from "../../pipeline/ingester.ts";
import { Narrator } from "../../pipeline/narrator.ts";
import { Poller } from "../../pipeline/poller.ts";
import { StoryKeeper } from "../../pipeline/stories.ts";
import { apiIngest, EventBus, startServer } from "../../serve/index.ts";
import type { Store } from "../../store/index.ts";
import { parse } from "../args.ts";
import { type Command, EXIT, type Io } from "../command.ts";
import { fetchInput } from "../fetch-input.ts";
import { storeFromEnv } from "../open-store.ts";
import { ROOT } from "../run-script.ts";
import { waitForSignal } from "./serve.ts";

/** The starter list of public news feeds shipped with Lede (an editable OPML file). */
export const STARTER_OPML = join(ROOT, "config/starter.opml");

const HELP = `usage: lede start [--port N] [--host H] [--no-poll]

The main job on one machine: create the data dir and its SQLite database, subscribe to the starter
feeds (config/starter.opml, or the OPML file named by LEDE_STARTER_OPML) when no source is subscribed
yet, poll every source in the background, and serve the reader and API. Prints the address. Offline it
still starts: each source's error is shown on the desk and by 'lede sources'. Stop with Ctrl-C.

options:
  --port N    port (default $LEDE_PORT or 8080)
  --host H    address to listen on (default $LEDE_HOST or 127.0.0.1)
  --no-poll   serve only; do not poll sources
  -h, --help  show this help
`;

/** Subscribe to the feeds of an OPML file; returns how many were added. */
export async function subscribeOpml(store: Store, file: string): Promise<number> {
  const parsed = parseOpml(readFileSync(file, "utf8"));
  if (!parsed.ok) throw new Error(`start: cannot read ${file}: ${parsed.error.message}`);
  let n = 0;
  for (const o of flattenOpml(parsed.value)) {
    if (!o.xmlUrl) continue;
    await store.addSource({
      kind: "feed",
      url: o.xmlUrl,
      title: o.title,
      category: o.categories.join(" / ") || null,
    });
    n++;
  }
  return n;
}

export const command: Command = {
  name: "start",
  summary: "set up the data dir, subscribe to the starter feeds, poll them and serve the reader",
  help: HELP,
  async run(argv: readonly string[], io: Io): Promise<number> {
    const p = parse(argv, {
      port: { type: "string" },
      host: { type: "string" },
      "no-poll": { type: "boolean" },
    });
    if (!p.ok || p.positionals.length > 0) {
      io.stderr.write(`lede start: ${p.ok ? "takes no arguments" : p.message}\n\n${HELP}`);
      return EXIT.usage;
    }
    if (p.values.help) {
      io.stdout.write(HELP);
      return EXIT.ok;
    }
    const env = {
      ...io.env,
      ...(p.values.port ? { LEDE_PORT: String(p.values.port) } : {}),
      ...(p.values.host ? { LEDE_HOST: String(p.values.host) } : {}),
    };
    const { config, store } = await storeFromEnv(env);
    io.stderr.write(`data dir: ${config.dataDir}\n`);
    if ((await store.listSources()).length === 0) {
      const opml = io.env.LEDE_STARTER_OPML ?? STARTER_OPML;
      if (existsSync(opml))
        io.stderr.write(`subscribed to ${await subscribeOpml(store, opml)} starter feeds from ${opml}\n`);
      else io.stderr.write(`no starter list at ${opml}; add sources with 'lede add --subscribe FEED_URL'\n`);
    }
    const events = new EventBus();
    const stories = new StoryKeeper(config.dataDir);
    const narrator = new Narrator(config.dataDir);
    const ingester = new Ingester({
      stories,
      store,
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
    });
    const server = await startServer(
      {
        store,
        config,
        events,
        stories: stories.reader(store),
        narration: narrator.provider(io.env),
        ingest: apiIngest(ingester, (u) => fetchInput(u, config)),
      },
      config.host,
      config.port,
    );
    const poller = new Poller({
      store,
      ingester,
      fetch: { allow: config.fetchAllow },
      log: (line) => io.stderr.write(`${line}\n`),
    });
    if (!p.values["no-poll"]) poller.start();
    io.stdout.write(`Lede is serving at ${server.url}\n`);
    await waitForSignal();
    io.stderr.write("stopping...\n");
    await poller.stop();
    await server.close();
    await ingester.close();
    stories.close();
    await narrator.close();
    await store.close();
    return EXIT.ok;
  },
};
