import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { flattenOpml, parseOpml } from "../../acquire/index.ts";
import { Poller } from "../../pipeline/poller.ts";
import type { Store } from "../../store/index.ts";
import { parse } from "../args.ts";
import { type Command, EXIT, type Io } from "../command.ts";
import { envWithAddress, startDesk } from "../desk.ts";
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
    const { config, store } = await storeFromEnv(envWithAddress(io.env, p.values));
    io.stderr.write(`data dir: ${config.dataDir}\n`);
    if ((await store.listSources()).length === 0) {
      const opml = io.env.LEDE_STARTER_OPML ?? STARTER_OPML;
      if (existsSync(opml))
        io.stderr.write(`subscribed to ${await subscribeOpml(store, opml)} starter feeds from ${opml}\n`);
      else io.stderr.write(`no starter list at ${opml}; add sources with 'lede add --subscribe FEED_URL'\n`);
    }
    const desk = await startDesk(config, store, io.env, { port: config.port, announceStored: true });
    const poller = new Poller({
      store,
      ingester: desk.ingester,
      fetch: { allow: config.fetchAllow },
      log: (line) => io.stderr.write(`${line}\n`),
    });
    if (!p.values["no-poll"]) poller.start();
    io.stdout.write(`Lede is serving at ${desk.url}\n`);
    await waitForSignal();
    io.stderr.write("stopping...\n");
    await poller.stop();
    await desk.close();
    return EXIT.ok;
  },
};
