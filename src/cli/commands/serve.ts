import { parse } from "../args.ts";
import { type Command, EXIT, type Io } from "../command.ts";
import { envWithAddress, startDesk } from "../desk.ts";
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
    const { config, store } = await storeFromEnv(envWithAddress(io.env, p.values));
    const desk = await startDesk(config, store, io.env, {
      port: p.values.port === "0" ? 0 : config.port,
      announceStored: false,
    });
    io.stdout.write(`Lede is serving at ${desk.url}\n`);
    await waitForSignal();
    await desk.close();
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
