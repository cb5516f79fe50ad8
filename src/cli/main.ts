/**
 * `lede`: the command line. One file per command under `commands/`; this file only dispatches.
 */
import type { Command, Io } from "./command.ts";
import { EXIT } from "./command.ts";

/** Command name → module, loaded only when that command runs (so `lede --help` stays fast). */
const COMMANDS: Record<string, { summary: string; load: () => Promise<{ command: Command }> }> = {
  start: {
    summary: "set up the data dir, subscribe to the starter feeds, poll them and serve the reader",
    load: () => import("./commands/start.ts"),
  },
  extract: {
    summary: "extract the article from pages (HTML or saved text)",
    load: () => import("./commands/extract.ts"),
  },
  analyse: {
    summary: "extract and analyse pages: who, who said what, when, how many, what is due",
    load: () => import("./commands/analyse.ts"),
  },
  add: {
    summary: "take in pages, feeds, OPML, sitemaps, WARC files, files, directories or stdin and store them",
    load: () => import("./commands/add.ts"),
  },
  sources: {
    summary: "list subscribed sources and their health",
    load: () => import("./commands/sources.ts"),
  },
  search: { summary: "full-text search of stored articles", load: () => import("./commands/search.ts") },
  export: { summary: "print every stored article as JSON Lines", load: () => import("./commands/export.ts") },
  link: {
    summary: "group articles into stories and find copies (JSON Lines in and out)",
    load: () => import("./commands/link.ts"),
  },
  narrate: {
    summary: "narrate a page or stored article to an MP3 with sentence timing marks",
    load: () => import("./commands/narrate.ts"),
  },
  serve: { summary: "serve the reader and the API", load: () => import("./commands/serve.ts") },
  worker: {
    summary: "run pipeline jobs (fetch, process, store, link, narrate) from Redis or in-process",
    load: () => import("./commands/worker.ts"),
  },
  migrate: {
    summary: "bring the store's schema up to date (SQLite or PostgreSQL)",
    load: () => import("./commands/migrate.ts"),
  },
  import: {
    summary: "store the articles of a 'lede export' JSON Lines file (SQLite to PostgreSQL)",
    load: () => import("./commands/import.ts"),
  },
  token: { summary: "create API tokens for anything that writes", load: () => import("./commands/token.ts") },
  eval: {
    summary: "score each stage on the dev sets in ../shared/data against pinned floors",
    load: () => import("./commands/eval.ts"),
  },
  bench: {
    summary: "measure speed and memory side by side with peer libraries",
    load: () => import("./commands/bench.ts"),
  },
};

export function usage(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((n) => n.length));
  return `usage: lede <command> [options]

Lede is a self-hosted news desk: it takes in news from anywhere, recovers the article, understands it
(who, who said what, when, how many, what is due) and connects copies and follow-ups into stories.

commands:
${Object.entries(COMMANDS)
  .map(([n, c]) => `  ${n.padEnd(width)}  ${c.summary}`)
  .join("\n")}

Run 'lede <command> --help' for a command's options.
environment: LEDE_DATA_DIR (default ./data), LEDE_PORT (8080), LEDE_HOST (127.0.0.1),
  LEDE_DATABASE_URL, LEDE_REDIS_URL, LEDE_FETCH_ALLOW (hosts/CIDRs the fetcher and webhooks may reach although private),\n  LEDE_PUBLIC_URL (the reader's address in alert links)
`;
}

/** Run the CLI; returns the exit code. */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    (name === undefined ? io.stderr : io.stdout).write(usage());
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  if (name === "--version" || name === "-v") {
    io.stdout.write("lede 0.1.0\n");
    return EXIT.ok;
  }
  const entry = COMMANDS[name];
  if (!entry) {
    io.stderr.write(`lede: unknown command "${name}"\n\n${usage()}`);
    return EXIT.usage;
  }
  const { command } = await entry.load();
  return command.run(rest, io);
}

const io: Io = {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
  isTTY: Boolean(process.stderr.isTTY),
};

// EPIPE (e.g. `lede export | head`) ends quietly.
process.stdout.on("error", (e: NodeJS.ErrnoException) => {
  if (e.code === "EPIPE") process.exit(0);
  throw e;
});

const code = await main(process.argv.slice(2), io);
// Let pending writes flush, then exit (long-running commands never return here).
process.exitCode = code;
