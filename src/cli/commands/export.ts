import { parse } from "../args.ts";
import { type Command, EXIT, type Io } from "../command.ts";
import { storeFromEnv } from "../open-store.ts";

const HELP = `usage: lede export [options]

Print every stored article (latest version) as JSON Lines: the extract fields plus id, url and source.

options:
  --analysis  include each article's analysis under "analysis"
  -h, --help  show this help
`;

export const command: Command = {
  name: "export",
  summary: "print every stored article as JSON Lines",
  help: HELP,
  async run(argv: readonly string[], io: Io): Promise<number> {
    const p = parse(argv, { analysis: { type: "boolean" } });
    if (!p.ok || p.positionals.length > 0) {
      io.stderr.write(`lede export: ${p.ok ? "takes no arguments" : p.message}\n\n${HELP}`);
      return EXIT.usage;
    }
    if (p.values.help) {
      io.stdout.write(HELP);
      return EXIT.ok;
    }
    const { store } = await storeFromEnv(io.env);
    try {
      for await (const a of store.exportArticles()) {
        const line = {
          ...a.article,
          id: a.id,
          url: a.article.url,
          source: a.source,
          version: a.version,
          ...(p.values.analysis ? { analysis: a.analysis } : {}),
        };
        if (!io.stdout.write(`${JSON.stringify(line)}\n`))
          await new Promise((r) => io.stdout.once("drain", r));
      }
      return EXIT.ok;
    } finally {
      await store.close();
    }
  },
};
