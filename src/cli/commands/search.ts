import { parse } from "../args.ts";
import { type Command, EXIT, type Io } from "../command.ts";
import { storeFromEnv } from "../open-store.ts";

const HELP = `usage: lede search QUERY... [options]

Full-text search of stored articles (title and text; the newest 1000 matches ranked by BM25). The query language:
words (all must match), "quoted phrases", -word to exclude, OR between terms.

options:
  --limit N   at most N results (default 20)
  --json      one JSON line per result: {id, title, url, source, published, snippet}
  -h, --help  show this help
`;

export const command: Command = {
  name: "search",
  summary: "full-text search of stored articles",
  help: HELP,
  async run(argv: readonly string[], io: Io): Promise<number> {
    const p = parse(argv, { limit: { type: "string" }, json: { type: "boolean" } });
    if (!p.ok || p.positionals.length === 0) {
      if (p.ok && p.values.help) {
        io.stdout.write(HELP);
        return EXIT.ok;
      }
      io.stderr.write(`lede search: ${p.ok ? "no query given" : p.message}\n\n${HELP}`);
      return EXIT.usage;
    }
    const limit = Number(p.values.limit ?? 20);
    if (!Number.isInteger(limit) || limit < 1) {
      io.stderr.write("lede search: --limit must be a positive whole number\n");
      return EXIT.usage;
    }
    const { store } = await storeFromEnv(io.env);
    try {
      const hits = await store.search(p.positionals.join(" "), { limit });
      for (const h of hits) {
        if (p.values.json) {
          io.stdout.write(
            `${JSON.stringify({ id: h.id, title: h.title, url: h.url, source: h.siteName ?? h.source, published: h.published, snippet: h.snippet })}\n`,
          );
        } else {
          io.stdout.write(
            `[${h.id}] ${h.title ?? "(no title)"}\n    ${h.siteName ?? h.source ?? ""}${h.published ? ` · ${h.published}` : ""}\n    ${h.snippet}\n`,
          );
        }
      }
      if (!p.values.json && hits.length === 0) io.stderr.write("no matches\n");
      return EXIT.ok;
    } finally {
      await store.close();
    }
  },
};
