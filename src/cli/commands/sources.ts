import type { SourceRecord } from "../../store/index.ts";
import { parse } from "../args.ts";
import { type Command, EXIT, type Io } from "../command.ts";
import { storeFromEnv } from "../open-store.ts";

const HELP = `usage: lede sources [--json]

List the subscribed sources (feeds, sitemaps) with their health: last success, last error and the
number of failures in a row. Sources are added by 'lede add FEED_URL|OPML' and 'lede start'.

options:
  --json      one JSON line per source
  -h, --help  show this help
`;

function health(s: SourceRecord): string {
  if (s.lastErrorCode && (!s.lastSuccessAt || (s.lastErrorAt ?? "") > s.lastSuccessAt)) {
    return `FAILING ×${s.consecutiveFailures}: ${s.lastErrorCode}: ${s.lastErrorMessage ?? ""}`;
  }
  if (s.lastSuccessAt) return `ok (last success ${s.lastSuccessAt})`;
  return "not polled yet";
}

export const command: Command = {
  name: "sources",
  summary: "list subscribed sources and their health",
  help: HELP,
  async run(argv: readonly string[], io: Io): Promise<number> {
    const p = parse(argv, { json: { type: "boolean" } });
    if (!p.ok || p.positionals.length > 0) {
      io.stderr.write(`lede sources: ${p.ok ? "takes no arguments" : p.message}\n\n${HELP}`);
      return EXIT.usage;
    }
    if (p.values.help) {
      io.stdout.write(HELP);
      return EXIT.ok;
    }
    const { store } = await storeFromEnv(io.env);
    try {
      const sources = await store.listSources();
      for (const s of sources) {
        io.stdout.write(
          p.values.json
            ? `${JSON.stringify(s)}\n`
            : `[${s.id}] ${s.title ?? s.url}${s.category ? ` (${s.category})` : ""}\n    ${s.url}\n    ${health(s)}\n`,
        );
      }
      if (!p.values.json && sources.length === 0)
        io.stderr.write("no sources yet: 'lede add FEED_URL' or 'lede start'\n");
      return EXIT.ok;
    } finally {
      await store.close();
    }
  },
};
