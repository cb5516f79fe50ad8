import { Ingester } from "../../pipeline/ingester.ts";
import { Narrator } from "../../pipeline/narrator.ts";
import { StoryKeeper } from "../../pipeline/stories.ts";
import { apiIngest, EventBus, startServer } from "../../serve/index.ts";
import { parse } from "../args.ts";
import { type Command, EXIT, type Io } from "../command.ts";
import { fetchInput } from "../fetch-input.ts";
import { storeFromEnv } from "../open-store.ts";

const HELP = `usage: lede serve [--port N] [--host H]

Serve the reader at / and the JSON API under /api (OpenAPI at /api/openapi.json, live events at
/api/events). Writes (POST /api/ingest) need a token from 'lede token create'. Runs until stopped.

options:
  --port N    port (default $LEDE_PORT or 8080; 0 picks a free port)
  --host H    address to listen on (default $LEDE_HOST or 127.0.0.1)
  -h, --help  show this help
`;

export const command: Command = {
  name: "serve",
  summary: "serve the reader and the API",
  help: HELP,
  async run(argv: readonly string[], io: Io): Promise<number> {
    const p = parse(argv, { port: { type: "string" }, host: { type: "string" } });
    if (!p.ok || p.positionals.length > 0) {
      io.stderr.write(`lede serve: ${p.ok ? "takes no arguments" : p.message}\n\n${HELP}`);
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
    const events = new EventBus();
    const stories = new StoryKeeper(config.dataDir);
    const narrator = new Narrator(config.dataDir);
    const ingester = new Ingester({
      stories,
      store,
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
      p.values.port === "0" ? 0 : config.port,
    );
    io.stdout.write(`Lede is serving at ${server.url}\n`);
    await waitForSignal();
    await server.close();
    await ingester.close();
    stories.close();
    await narrator.close();
    await store.close();
    return EXIT.ok;
  },
};

/** Resolve on SIGINT or SIGTERM. */
export function waitForSignal(): Promise<void> {
  return new Promise((resolve) => {
    const done = () => resolve();
    process.once("SIGINT", done);
    process.once("SIGTERM", done);
  });
}
